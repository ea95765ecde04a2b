// The city's targets (shared/city/targets.ts) in the city's own store: one
// row for the city and one per locality with a target of its own. A save
// replaces the whole set in one transaction, as the editor sends it whole.
import { asc } from 'drizzle-orm';
import type { CityTargets, TargetSet } from '../../shared/city/targets.ts';
import type { Engine } from '../db/engine/engine.ts';
import { cityTargets } from '../db/schema/index.ts';

/** The city's own row; a slug is never empty (localitySlugSchema). */
const CITY = '';

type Row = typeof cityTargets.$inferSelect;
const toSet = (r: Row): TargetSet => ({ coverage: r.coverageBp === null ? null : r.coverageBp / 10_000, learners: r.learners, by: r.dueDate });

export function createCityTargets(city: Engine) {
  return {
    async read(): Promise<CityTargets> {
      const rows = await city.db.select().from(cityTargets).orderBy(asc(cityTargets.scope));
      const own = rows.find((r) => r.scope === CITY);
      return { city: own ? toSet(own) : null, localities: Object.fromEntries(rows.filter((r) => r.scope !== CITY).map((r) => [r.scope, toSet(r)])) };
    },
    async save(targets: CityTargets, by: string, at: number): Promise<void> {
      const row = (scope: string, t: TargetSet) => ({ scope, coverageBp: t.coverage === null ? null : Math.round(t.coverage * 10_000), learners: t.learners, dueDate: t.by, updatedBy: by, updatedAt: at });
      const rows = [...(targets.city ? [row(CITY, targets.city)] : []), ...Object.entries(targets.localities).map(([slug, t]) => row(slug, t))];
      await city.transaction(async (tx) => {
        await tx.db.delete(cityTargets);
        if (rows.length > 0) await tx.db.insert(cityTargets).values(rows);
      });
    },
  };
}

export type CityTargetsStore = ReturnType<typeof createCityTargets>;
