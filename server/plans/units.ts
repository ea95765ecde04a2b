// Units (the offices with duties in plans) and which unit each unit officer
// belongs to. Units are the ward's data: the shipped four are a sample the
// ward renames or adds to; a unit referred to by an officer, a duty or an
// activity is never deleted (there is no delete route), only renamed.
import { asc, eq, max, sql } from 'drizzle-orm';
import type { Unit } from '../../shared/plans/schema.ts';
import { slugOf } from '../../shared/ward-import.ts';
import type { Db } from '../db/open.ts';
import { unitOfficers, units } from '../db/schema/index.ts';

const COLUMNS = { id: units.id, name: units.name, shortName: units.shortName, isSample: units.isSample };

export function createUnits(db: Db) {
  // Prepared once: read for every synced unit record.
  const officerUnit = db.select({ unitId: unitOfficers.unitId }).from(unitOfficers).where(eq(unitOfficers.userId, sql.placeholder('userId'))).prepare();
  const byId = db.select(COLUMNS).from(units).where(eq(units.id, sql.placeholder('id'))).prepare();

  return {
    list: (): Unit[] => db.select(COLUMNS).from(units).orderBy(asc(units.sortOrder), asc(units.id)).all(),
    get: (id: string): Unit | undefined => byId.get({ id }),
    /** The unit a unit officer belongs to (undefined for any other staff user). */
    unitOf: (userId: string): string | undefined => officerUnit.get({ userId })?.unitId,
    /** Adds a unit; its id is given or made from the short name ("KT-HT-ĐT" → "kt-ht-dt"). */
    add(input: { id?: string; name: string; shortName: string }): Unit {
      const id = input.id ?? slugOf(input.shortName);
      if (!id) throw new Error('The short name gives no usable id; send an id');
      if (byId.get({ id })) throw new Error(`A unit "${id}" already exists`);
      const last = db.select({ n: max(units.sortOrder) }).from(units).get()?.n ?? 0;
      db.insert(units).values({ id, name: input.name, shortName: input.shortName, isSample: false, sortOrder: last + 1 }).run();
      return byId.get({ id })!;
    },
    /** Renames a unit; undefined when there is none. */
    update(id: string, input: { name: string; shortName: string }): Unit | undefined {
      const changed = db.update(units).set({ name: input.name, shortName: input.shortName, isSample: false }).where(eq(units.id, id)).run().changes;
      return changed === 1 ? byId.get({ id }) : undefined;
    },
  };
}
export type Units = ReturnType<typeof createUnits>;

/** Binds a unit officer to their unit (one unit per officer). */
export function setOfficerUnit(db: Db, userId: string, unitId: string): void {
  if (!db.select({ id: units.id }).from(units).where(eq(units.id, unitId)).get()) throw new Error(`Unknown unit: ${unitId}`);
  db.insert(unitOfficers).values({ userId, unitId }).onConflictDoUpdate({ target: unitOfficers.userId, set: { unitId } }).run();
}
