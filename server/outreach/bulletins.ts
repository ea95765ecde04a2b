// Loudspeaker bulletins and their airings: the one place that reads and
// writes the bulletins tables. Which days are due and the default minutes
// come from shared/outreach; who may do what is the routes' business. On the
// engine: every read and write is awaited, on SQLite or PostgreSQL alike.
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { uuidv7 } from '../../shared/ids.ts';
import { scheduledDays, type Airing, type Bulletin, type BulletinSchedule, type bulletinInputSchema } from '../../shared/outreach/bulletin-schedule.ts';
import { readingSeconds } from '../../shared/outreach/spoken.ts';
import { vietnamDay } from '../../shared/resident/home-plan.ts';
import type { z } from 'zod';
import { changed, type Engine } from '../db/engine/engine.ts';
import { bulletinAirings, bulletins, residentialGroups, units, users } from '../db/schema/index.ts';

export type BulletinFields = z.output<typeof bulletinInputSchema> & { unitId: string };
type Row = typeof bulletins.$inferSelect;

/** A rule the bulletin breaks: 422 with its code. */
export class BulletinRuleError extends Error {
  constructor(
    readonly code: 'unknown_unit' | 'unknown_group',
    message: string,
  ) {
    super(message);
  }
}

/** A UUID made from the SHA-256 of a name (version 8, RFC 9562's custom layout): the same airing always gets the same ids. */
export function uuidFromName(name: string): string {
  const b = createHash('sha256').update(name).digest().subarray(0, 16);
  b[6] = (b[6] & 0x0f) | 0x80;
  b[8] = (b[8] & 0x3f) | 0x80;
  const hex = b.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Whole minutes to read the bulletin at its rate, at least one. */
export const bulletinMinutes = (b: { title: string; body: string; rate: number }) => Math.max(1, Math.ceil(readingSeconds(`${b.title}.\n\n${b.body}`, b.rate) / 60));

export function createBulletinStore(engine: Engine, now: () => number) {
  const { db } = engine;
  const unitNames = async (ids: string[]) =>
    new Map((await db.select({ id: units.id, name: units.name }).from(units).where(inArray(units.id, [...new Set(ids)]))).map((u) => [u.id, u.name]));

  async function toBulletins(rows: Row[]): Promise<Bulletin[]> {
    if (rows.length === 0) return [];
    const airings = await db
      .select({ bulletinId: bulletinAirings.bulletinId, day: bulletinAirings.day, minutes: bulletinAirings.minutes, activityId: bulletinAirings.activityId, airedAt: bulletinAirings.airedAt, airedByName: users.displayName })
      .from(bulletinAirings)
      .innerJoin(users, eq(users.id, bulletinAirings.airedBy))
      .where(inArray(bulletinAirings.bulletinId, rows.map((r) => r.id)))
      .orderBy(desc(bulletinAirings.day));
    const unitName = await unitNames(rows.map((r) => r.unitId));
    const today = vietnamDay(now());
    return rows.map((r) => {
      const schedule = r.schedule ? (JSON.parse(r.schedule) as BulletinSchedule) : null;
      return {
        id: r.id,
        kind: r.kind,
        title: r.title,
        body: r.body,
        rate: r.rate,
        unitId: r.unitId,
        unitName: unitName.get(r.unitId) ?? r.unitId,
        schedule,
        minutes: bulletinMinutes(r),
        dueDays: schedule ? scheduledDays(schedule.days).filter((d) => d <= today).reverse() : [],
        airings: airings
          .filter((a) => a.bulletinId === r.id)
          .map((a): Airing => ({ day: a.day, minutes: a.minutes, activityId: a.activityId, airedAt: new Date(a.airedAt).toISOString(), airedByName: a.airedByName })),
        updatedAt: new Date(r.updatedAt).toISOString(),
      };
    });
  }

  async function check(fields: BulletinFields) {
    if (!(await unitNames([fields.unitId])).has(fields.unitId)) throw new BulletinRuleError('unknown_unit', `No unit "${fields.unitId}"`);
    const wanted = fields.schedule?.groups ?? [];
    if (wanted.length > 0) {
      const known = new Set((await db.select({ id: residentialGroups.id }).from(residentialGroups).where(inArray(residentialGroups.id, wanted))).map((g) => g.id));
      const unknown = wanted.find((g) => !known.has(g));
      if (unknown) throw new BulletinRuleError('unknown_group', `No residential group "${unknown}"`);
    }
  }
  const values = (f: BulletinFields) => ({ kind: f.kind, title: f.title, body: f.body, rate: f.rate, unitId: f.unitId, schedule: f.schedule ? JSON.stringify(f.schedule) : null });
  const get = async (id: string): Promise<Bulletin | undefined> => {
    const r = await db.select().from(bulletins).where(eq(bulletins.id, id)).get();
    return r ? (await toBulletins([r]))[0] : undefined;
  };

  return {
    get,
    /** Newest change first; one unit's only when unitId is given. */
    list: async (unitId?: string): Promise<Bulletin[]> =>
      toBulletins(await db.select().from(bulletins).where(unitId ? eq(bulletins.unitId, unitId) : undefined).orderBy(desc(bulletins.updatedAt), asc(bulletins.id)).limit(200)),
    async create(fields: BulletinFields, by: string): Promise<Bulletin> {
      await check(fields);
      const at = now();
      const id = uuidv7(at);
      await db.insert(bulletins).values({ id, ...values(fields), createdBy: by, createdAt: at, updatedAt: at });
      return (await get(id))!;
    },
    async update(id: string, fields: BulletinFields): Promise<Bulletin> {
      await check(fields);
      await db.update(bulletins).set({ ...values(fields), updatedAt: now() }).where(eq(bulletins.id, id));
      return (await get(id))!;
    },
    airing: (id: string, day: string) => db.select().from(bulletinAirings).where(and(eq(bulletinAirings.bulletinId, id), eq(bulletinAirings.day, day))).get(),
    /** Records the airing; false when that day was already recorded (a second tap). */
    recordAiring: async (a: { bulletinId: string; day: string; minutes: number; activityId: string; airedBy: string }) =>
      (await changed(db.insert(bulletinAirings).values({ ...a, airedAt: now() }).onConflictDoNothing())) > 0,
    groupNames: async (ids: string[]) =>
      ids.length === 0 ? [] : db.select({ id: residentialGroups.id, name: residentialGroups.name }).from(residentialGroups).where(inArray(residentialGroups.id, ids)),
  };
}
export type BulletinStore = ReturnType<typeof createBulletinStore>;
