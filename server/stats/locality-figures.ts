// One locality's figures for the city's view (city/overview.ts): its learners,
// new learners and official lesson count as its own dashboard's headline
// gives them, the kinds of learning it counts, and its adult population. The
// city reads this for every locality on each view, so it is one statement:
// the headline's own expressions (headline.ts, figure-kinds.ts) as scalar
// subqueries, read from one snapshot without a transaction around them. The
// dashboard's headline and coverage sections, read as the ward does, took
// about 24 round trips per locality: a second at a city's 114. The view
// keeps what this reads while nothing under it changed (figure-changes.ts).
import { eq, sql } from 'drizzle-orm';
import type { DashboardQuery } from '../../shared/stats/api.ts';
import { officialLessons, type FigureKind } from '../../shared/stats/figure-kinds.ts';
import type { AsyncDb, Engine } from '../db/engine/engine.ts';
import { residentialGroups, statsDaily, statsFirstDays, wardFigureSettings } from '../db/schema/index.ts';
import { countedOf } from './coverage.ts';
import { creditedSelfCompletions, officialKindsOf } from './figure-kinds.ts';
import { LEARNER_SUMS, LEARNERS_BY_END, LESSON_SUMS, LESSONS_IN_RANGE } from './headline.ts';
import { learnerKindsOf } from './learner-kinds.ts';
import { msBounds, resolveRange, type DayRange } from './range.ts';

export interface LocalityFigures {
  range: DayRange['range'];
  learners: number;
  newLearners: number;
  /** The official lesson count: the kinds of learning the locality chose (as its headline). */
  lessonsCompleted: number;
  /** The kinds of learning its figures of people count (as its coverage says). */
  counted: FigureKind[];
  /** The sum of its residential groups' adult populations; null when none is known. */
  adults: number | null;
}

interface Row {
  learners: number;
  newLearners: number;
  completions: number;
  assisted: number;
  credited: number;
  kinds: string | null;
  adults: number | null;
}

/** The one statement (the tables it reads are the ones figure_changes watches: tests/integration/city-overview-kept-engines.test.ts). */
export function localityFiguresQuery(db: AsyncDb) {
  const scalar = <T>(query: { getSQL(): ReturnType<typeof sql> }) => sql<T>`(${query})`;
  return db
    .select({
      learners: LEARNER_SUMS.total,
      newLearners: LEARNER_SUMS.fresh,
      completions: scalar<number>(db.select({ n: LESSON_SUMS.completions }).from(statsDaily).where(LESSONS_IN_RANGE)),
      assisted: scalar<number>(db.select({ n: LESSON_SUMS.assisted }).from(statsDaily).where(LESSONS_IN_RANGE)),
      credited: scalar<number>(creditedSelfCompletions(db)),
      kinds: scalar<string | null>(db.select({ kinds: wardFigureSettings.officialKinds }).from(wardFigureSettings).where(eq(wardFigureSettings.id, 1))),
      adults: scalar<number | null>(db.select({ n: sql`sum(${residentialGroups.adultPopulation})` }).from(residentialGroups)),
    })
    .from(statsFirstDays)
    .where(LEARNERS_BY_END);
}

export function createLocalityFigures(engine: Engine, now: () => number) {
  const figures = localityFiguresQuery(engine.db).prepare();

  /** The day range a query asks for today, with its bounds as the statement takes them. */
  const boundsOf = (query: DashboardQuery): FigureBounds => {
    const r = resolveRange(query, now(), () => false);
    const [from, to] = msBounds(r);
    return { range: r.range, values: { start: r.start, end: r.end, from, to } };
  };

  const read = async ({ range, values }: FigureBounds): Promise<LocalityFigures> => {
    const row = (await figures.get(values)) as Row;
    const official = officialKindsOf(row.kinds ?? undefined);
    const n = (v: number | string | null) => Number(v ?? 0);
    const credited = n(row.credited);
    const assisted = n(row.assisted);
    const lessons = { verified: assisted + credited, selfReported: n(row.completions) - assisted - credited };
    return {
      range,
      learners: n(row.learners),
      newLearners: n(row.newLearners),
      lessonsCompleted: officialLessons(lessons, official.kinds),
      counted: countedOf(learnerKindsOf(official.kinds)),
      adults: row.adults === null ? null : Number(row.adults),
    };
  };

  /** The city has no residential groups: a group in the query is refused (400 unknown_group), as for its trend. */
  return Object.assign(async (query: DashboardQuery) => read(boundsOf(query)), { boundsOf, read });
}

export interface FigureBounds {
  range: DayRange['range'];
  values: { start: number; end: number; from: number; to: number };
}
