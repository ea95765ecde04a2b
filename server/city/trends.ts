// The city's trend (shared/city/trends.ts): each locality's new learners by
// week, read from its own store by its dashboard's trend definition
// (stats/trend.ts), after its figures are settled, and the city's weekly
// total; suppressed as one table (protect-grid.ts).
import type { CityTrends } from '../../shared/city/trends.ts';
import type { DashboardQuery } from '../../shared/stats/api.ts';
import { isoFromDay } from '../../shared/stats/days.ts';
import type { Engine } from '../db/engine/engine.ts';
import type { LocalityRegistry } from '../localities/registry.ts';
import type { LocalityStores } from '../localities/stores.ts';
import { resolveRange } from '../stats/range.ts';
import { createTrend, weeksOf } from '../stats/trend.ts';
import { protectGrid } from './protect-grid.ts';
import type { SettleFigures } from './overview.ts';

/** How many localities are read at once, as for the overview. */
const AT_ONCE = 8;

export function createCityTrends(registry: LocalityRegistry, stores: LocalityStores, now: () => number, settle: SettleFigures) {
  const trends = new Map<string, ReturnType<typeof createTrend>>();
  const trendOf = (slug: string, engine: Engine) => {
    let t = trends.get(slug);
    if (!t) trends.set(slug, (t = createTrend(engine)));
    return t;
  };

  return async function cityTrends(query: DashboardQuery): Promise<CityTrends> {
    // The city has no residential groups: a group in the query is refused (400 unknown_group).
    const r = resolveRange(query, now(), () => false);
    const localities = await registry.list();
    const raw: number[][] = [];
    for (let i = 0; i < localities.length; i += AT_ONCE) {
      raw.push(
        ...(await Promise.all(
          localities.slice(i, i + AT_ONCE).map(async (l) => {
            await settle(l.slug);
            // One statement: one snapshot, no transaction around it (a round trip less per locality).
            const engine = await stores.engineOf(l.slug);
            return trendOf(l.slug, engine).newLearnersByWeek(r);
          }),
        )),
      );
    }
    const weeks = weeksOf(r);
    // The weekly totals are one more row: a hidden total must not be worked out from its column's visible cells either.
    const totals = weeks.map((_, w) => raw.reduce((a, row) => a + row[w]!, 0));
    const shown = protectGrid([...raw, totals]);
    return {
      range: r.range,
      weeks: weeks.map(isoFromDay),
      localities: localities.map((l, i) => ({ slug: l.slug, name: l.name, newLearners: shown[i]! })),
      total: shown[localities.length]!,
    };
  };
}
