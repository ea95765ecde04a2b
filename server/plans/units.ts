// Units (the offices with duties in plans) and which unit each unit officer
// belongs to. Units are the ward's data: the shipped four are a sample the
// ward renames or adds to; a unit referred to by an officer, a duty or an
// activity is never deleted (there is no delete route), only renamed.
import { asc, eq, max, sql } from 'drizzle-orm';
import type { Unit } from '../../shared/plans/schema.ts';
import { slugOf } from '../../shared/ward-import.ts';
import { changed, type Engine } from '../db/engine/engine.ts';
import { unitOfficers, units } from '../db/schema/index.ts';

const COLUMNS = { id: units.id, name: units.name, shortName: units.shortName, isSample: units.isSample };

export function createUnits(engine: Engine) {
  const { db } = engine;
  // Prepared once: read for every synced unit record.
  const officerUnit = db.select({ unitId: unitOfficers.unitId }).from(unitOfficers).where(eq(unitOfficers.userId, sql.placeholder('userId'))).prepare();
  const byId = db.select(COLUMNS).from(units).where(eq(units.id, sql.placeholder('id'))).prepare();

  return {
    list: (): Promise<Unit[]> => db.select(COLUMNS).from(units).orderBy(asc(units.sortOrder), asc(units.id)),
    get: (id: string): Promise<Unit | undefined> => byId.get({ id }),
    /** The unit a unit officer belongs to (undefined for any other staff user). */
    unitOf: async (userId: string): Promise<string | undefined> => (await officerUnit.get({ userId }))?.unitId,
    /** Adds a unit; its id is given or made from the short name ("KT-HT-ĐT" → "kt-ht-dt"). */
    async add(input: { id?: string; name: string; shortName: string }): Promise<Unit> {
      const id = input.id ?? slugOf(input.shortName);
      if (!id) throw new Error('The short name gives no usable id; send an id');
      return engine.transaction(async () => {
        if (await byId.get({ id })) throw new Error(`A unit "${id}" already exists`);
        const last = (await db.select({ n: max(units.sortOrder) }).from(units).get())?.n ?? 0;
        await db.insert(units).values({ id, name: input.name, shortName: input.shortName, isSample: false, sortOrder: last + 1 });
        return (await byId.get({ id }))!;
      });
    },
    /** Renames a unit; undefined when there is none. */
    async update(id: string, input: { name: string; shortName: string }): Promise<Unit | undefined> {
      const n = await changed(db.update(units).set({ name: input.name, shortName: input.shortName, isSample: false }).where(eq(units.id, id)));
      return n === 1 ? byId.get({ id }) : undefined;
    },
  };
}
export type Units = ReturnType<typeof createUnits>;

/** Binds a unit officer to their unit (one unit per officer). */
export async function setOfficerUnit(engine: Engine, userId: string, unitId: string): Promise<void> {
  const { db } = engine;
  if (!(await db.select({ id: units.id }).from(units).where(eq(units.id, unitId)).get())) throw new Error(`Unknown unit: ${unitId}`);
  await db.insert(unitOfficers).values({ userId, unitId }).onConflictDoUpdate({ target: unitOfficers.userId, set: { unitId } });
}
