// The city's view: every locality's figures, read from its own store by its
// own dashboard's definitions (stats/locality-figures.ts reads the headline's
// expressions), so a locality's number is the same on the city's screen as on its own. Learner counts of the
// localities are parts of the city's published total, so the "<5" rule and
// its protection of the total apply across them (stats/suppress.ts).
import type { CityOverview, LocalityFigures } from '../../shared/city/api.ts';
import type { DashboardQuery } from '../../shared/stats/api.ts';
import type { Locality } from '../../shared/localities/locality.ts';
import type { Engine } from '../db/engine/engine.ts';
import type { LocalityRegistry } from '../localities/registry.ts';
import type { LocalityStores } from '../localities/stores.ts';
import type { CityFigureStamps, FigureStamp } from '../stats/figure-changes.ts';
import { createLocalityFigures, type LocalityFigures as Figures } from '../stats/locality-figures.ts';
import { people, protect, shownShare } from '../stats/suppress.ts';
import { createCityTrends } from './trends.ts';

/** How many localities are read at once: each takes a connection for its read. */
const AT_ONCE = 8;

interface Raw extends Figures {
  locality: Locality;
}

/** Brings a locality's figures up to date with its stored records before they are read (its app's settleFigures). */
export type SettleFigures = (slug: string) => Promise<void>;

/** What the view keeps of a locality's figures between readings, and the stamp they were read under. */
interface Kept {
  stamp: string;
  bounds: string;
  figures: Figures;
}

export function createCityOverview(registry: LocalityRegistry, stores: LocalityStores, stampsOf: CityFigureStamps, now: () => number, settle: SettleFigures) {
  const readers = new Map<string, ReturnType<typeof createLocalityFigures>>();
  const readerOf = (slug: string, engine: Engine) => {
    let r = readers.get(slug);
    if (!r) readers.set(slug, (r = createLocalityFigures(engine, now)));
    return r;
  };
  // Per process, checked against the database on every reading, so any
  // number of processes agree (stats/figure-changes.ts). A city's view of 114
  // localities reads every stamp at once (one statement on PostgreSQL) and
  // the figures again only where something changed.
  const kept = new Map<string, Kept>();

  /** `known`: the locality's stamp, read with every other's just before (stats/figure-changes.ts). */
  async function figuresOf(slug: string, query: DashboardQuery, known: FigureStamp | undefined): Promise<Figures> {
    const reader = readerOf(slug, await stores.engineOf(slug));
    const bounds = reader.boundsOf(query);
    const at = JSON.stringify(bounds.values);
    const before = kept.get(slug);
    let stamp = known;
    if (before && stamp?.settled && stamp.key === before.stamp && at === before.bounds) return before.figures;
    // Settled once in this process (its start's rebuild awaited) and every record rolled up: nothing to settle.
    if (!before || !stamp?.settled) {
      await settle(slug);
      stamp = await stampsOf.of(slug);
    }
    const figures = await reader.read(bounds); // after the stamp: see stats/figure-changes.ts
    if (stamp?.settled) kept.set(slug, { stamp: stamp.key, bounds: at, figures });
    return figures;
  }

  async function overview(query: DashboardQuery): Promise<CityOverview> {
    const localities = await registry.list();
    const stamps = await stampsOf(localities.map((l) => l.slug));
    const raws: Raw[] = [];
    const read = async (locality: Locality, i: number): Promise<Raw> => ({ locality, ...(await figuresOf(locality.slug, query, stamps[i])) });
    for (let i = 0; i < localities.length; i += AT_ONCE) raws.push(...(await Promise.all(localities.slice(i, i + AT_ONCE).map((l, j) => read(l, i + j)))));
    const learners = protect(raws.map((r) => r.learners));
    const newLearners = protect(raws.map((r) => r.newLearners));
    const rows: LocalityFigures[] = raws.map((r, i) => ({
      slug: r.locality.slug,
      name: r.locality.name,
      kind: r.locality.kind,
      learners: learners[i]!,
      newLearners: newLearners[i]!,
      lessonsCompleted: r.lessonsCompleted,
      adults: r.adults,
      counted: r.counted,
      coverage: shownShare(learners[i]!, r.learners, r.adults),
      growth: shownShare(newLearners[i]!, r.newLearners, r.adults),
    }));
    const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
    const adults = raws.some((r) => r.adults !== null) ? sum(raws.map((r) => r.adults ?? 0)) : null;
    const total = sum(raws.map((r) => r.learners));
    const shownTotal = people(total);
    const rank = (share: (row: LocalityFigures) => number | null) =>
      [...rows].sort((a, b) => (share(b) ?? -1) - (share(a) ?? -1) || a.name.localeCompare(b.name, 'vi')).map((row) => row.slug);
    return {
      range: raws[0]?.range ?? { from: query.from ?? '', to: query.to ?? '', group: null, monthFrom: '' },
      localities: rows,
      totals: {
        localities: rows.length,
        learners: shownTotal,
        newLearners: people(sum(raws.map((r) => r.newLearners))),
        lessonsCompleted: sum(raws.map((r) => r.lessonsCompleted)),
        adults,
        coverage: shownShare(shownTotal, total, adults),
      },
      ranking: { byCoverage: rank((r) => r.coverage), byGrowth: rank((r) => r.growth) },
    };
  }
  // The trend goes with the overview: whoever wires the city's view has both (routes/city.ts).
  return Object.assign(overview, { trends: createCityTrends(registry, stores, now, settle) });
}

export type CityOverviewReader = ReturnType<typeof createCityOverview>;
