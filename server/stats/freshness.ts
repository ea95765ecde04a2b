// How fresh the figures are: when each guide last synced, from whichever of
// their phones (guides are staff, accountable by name; a phone's id means
// nothing to the office and is not shown), and how many learner devices synced recently
// (counts only, never a device or a person).
import { and, count, desc, eq, gt, gte, isNull, lt, max, sql } from 'drizzle-orm';
import type { Freshness } from '../../shared/stats/api.ts';
import type { Engine } from '../db/engine/engine.ts';
import { devices, guideEvents, statsDeviceHours, users } from '../db/schema/index.ts';
import { total } from './sql.ts';
import { people } from './suppress.ts';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

export function createFreshness(engine: Engine, now: () => number) {
  const { db } = engine;
  const lastSync = db
    .select({ recordedBy: guideEvents.recordedBy, last: max(guideEvents.receivedAt).as('last') })
    .from(guideEvents)
    .groupBy(guideEvents.recordedBy)
    .as('g');
  const guides = db
    .select({ guide: users.displayName, team: users.team, last: lastSync.last })
    .from(users)
    .leftJoin(lastSync, eq(lastSync.recordedBy, users.id))
    .where(and(eq(users.role, 'guide'), eq(users.disabled, false)))
    .orderBy(isNull(lastSync.last), desc(lastSync.last), users.displayName)
    .prepare();
  // Devices synced at or after a moment: whole hours from the hourly counters
  // (stats_device_hours, kept by triggers), the moment's own hour exactly.
  const laterHours = db
    .select({ n: total(statsDeviceHours.devices) })
    .from(statsDeviceHours)
    .where(gt(statsDeviceHours.hour, sql.placeholder('hour')))
    .prepare();
  const sameHour = db
    .select({ n: count() })
    .from(devices)
    .where(and(gte(devices.lastSyncAt, sql.placeholder('at')), lt(devices.lastSyncAt, sql.placeholder('hourEnd'))))
    .prepare();
  const allDevices = db.select({ n: total(statsDeviceHours.devices) }).from(statsDeviceHours).prepare();
  const lastOfAll = db.select({ at: max(devices.lastSyncAt) }).from(devices).prepare();
  const ge = async (at: number) => {
    const hour = Math.floor(at / HOUR);
    return (await laterHours.get({ hour }))!.n + (await sameHour.get({ at, hourEnd: (hour + 1) * HOUR }))!.n;
  };
  const deviceCounts = async (a: number, b: number, c: number) => {
    const [na, nb, nc] = [await ge(a), await ge(b), await ge(c)];
    return { d1: na, d7: nb - na, d30: nc - nb, older: (await allDevices.get())!.n - nc, last: (await lastOfAll.get())!.at };
  };
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return async (): Promise<Freshness> => {
    const t = now();
    const d = await deviceCounts(t - DAY, t - 7 * DAY, t - 30 * DAY);
    return {
      guides: (await guides.all()).map((g) => ({ guide: g.guide, team: g.team, lastSyncAt: iso(g.last) })),
      devices: { within1Day: people(d.d1), within7Days: people(d.d7), within30Days: people(d.d30), older: people(d.older), lastSyncAt: iso(d.last) },
    };
  };
}
