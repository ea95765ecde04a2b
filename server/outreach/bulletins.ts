// Loudspeaker bulletins and their airings: the one place that reads and
// writes the bulletins tables. Which days are due and the default minutes
// come from shared/outreach; who may do what is the routes' business.
import { createHash } from 'node:crypto';
import { and, asc, desc, eq, inArray } from 'drizzle-orm';
import { uuidv7 } from '../../shared/ids.ts';
import { scheduledDays, type Airing, type Bulletin, type BulletinSchedule, type bulletinInputSchema } from '../../shared/outreach/bulletin-schedule.ts';
import { readingSeconds } from '../../shared/outreach/spoken.ts';
import { vietnamDay } from '../../shared/resident/home-plan.ts';
import type { z } from 'zod';
import type { Db } from '../db/open.ts';
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

export function createBulletinStore(db: Db, now: () => number) {
  const unitName = (id: string) => db.select({ name: units.name }).from(units).where(eq(units.id, id)).get()?.name;

  function toBulletins(rows: Row[]): Bulletin[] {
    if (rows.length === 0) return [];
    const airings = db
      .select({ bulletinId: bulletinAirings.bulletinId, day: bulletinAirings.day, minutes: bulletinAirings.minutes, activityId: bulletinAirings.activityId, airedAt: bulletinAirings.airedAt, airedByName: users.displayName })
      .from(bulletinAirings)
      .innerJoin(users, eq(users.id, bulletinAirings.airedBy))
      .where(inArray(bulletinAirings.bulletinId, rows.map((r) => r.id)))
      .orderBy(desc(bulletinAirings.day))
      .all();
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
        unitName: unitName(r.unitId) ?? r.unitId,
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

  function check(fields: BulletinFields) {
    if (!unitName(fields.unitId)) throw new BulletinRuleError('unknown_unit', `No unit "${fields.unitId}"`);
    const wanted = fields.schedule?.groups ?? [];
    if (wanted.length > 0) {
      const known = new Set(db.select({ id: residentialGroups.id }).from(residentialGroups).where(inArray(residentialGroups.id, wanted)).all().map((g) => g.id));
      const unknown = wanted.find((g) => !known.has(g));
      if (unknown) throw new BulletinRuleError('unknown_group', `No residential group "${unknown}"`);
    }
  }
  const values = (f: BulletinFields) => ({ kind: f.kind, title: f.title, body: f.body, rate: f.rate, unitId: f.unitId, schedule: f.schedule ? JSON.stringify(f.schedule) : null });
  const row = (id: string) => db.select().from(bulletins).where(eq(bulletins.id, id)).get();

  return {
    get: (id: string): Bulletin | undefined => {
      const r = row(id);
      return r ? toBulletins([r])[0] : undefined;
    },
    /** Newest change first; one unit's only when unitId is given. */
    list: (unitId?: string): Bulletin[] =>
      toBulletins(db.select().from(bulletins).where(unitId ? eq(bulletins.unitId, unitId) : undefined).orderBy(desc(bulletins.updatedAt), asc(bulletins.id)).limit(200).all()),
    create(fields: BulletinFields, by: string): Bulletin {
      check(fields);
      const at = now();
      const id = uuidv7(at);
      db.insert(bulletins).values({ id, ...values(fields), createdBy: by, createdAt: at, updatedAt: at }).run();
      return this.get(id)!;
    },
    update(id: string, fields: BulletinFields): Bulletin {
      check(fields);
      db.update(bulletins).set({ ...values(fields), updatedAt: now() }).where(eq(bulletins.id, id)).run();
      return this.get(id)!;
    },
    airing: (id: string, day: string) => db.select().from(bulletinAirings).where(and(eq(bulletinAirings.bulletinId, id), eq(bulletinAirings.day, day))).get(),
    /** Records the airing; false when that day was already recorded (a second tap). */
    recordAiring: (a: { bulletinId: string; day: string; minutes: number; activityId: string; airedBy: string }) =>
      db.insert(bulletinAirings).values({ ...a, airedAt: now() }).onConflictDoNothing().run().changes > 0,
    groupNames: (ids: string[]) =>
      ids.length === 0 ? [] : db.select({ id: residentialGroups.id, name: residentialGroups.name }).from(residentialGroups).where(inArray(residentialGroups.id, ids)).all(),
  };
}
export type BulletinStore = ReturnType<typeof createBulletinStore>;
