// Learners reached and learners who finished a course, by age band and
// gender, as of a published month end (below). Age is the age reached in
// that date's year. Only consented profiles and guide registrations carry
// these fields; everyone else is "unknown".
//
// The small-count rule across periods: a breakdown "up to day D" and one "up
// to day D+1" differ by the learners of that one day, so two views a day
// apart showed one new learner's age band and gender, although each view
// alone hid small counts. So breakdowns are only ever made as of the end of
// a complete calendar month, and a month end is published only when, since
// the previous published one, no learner or at least SMALL_COUNT_LIMIT
// learners were added (reached, and completed a course); otherwise the
// previous published month end is shown again. Any two breakdowns then
// differ by nothing or by at least five people, whichever dates are asked.
import { and, count, eq, gt, isNotNull, lte, sql, type SQL } from 'drizzle-orm';
import { AGE_BANDS, GENDER_KEYS, HIDDEN, SMALL_COUNT_LIMIT, type AgeBand, type DemographicRow, type GenderKey } from '../../shared/stats/api.ts';
import { dayOf, isoFromDay, monthStart, yearOf } from '../../shared/stats/days.ts';
import type { Engine } from '../db/engine/engine.ts';
import { statsLearners, statsPeople } from '../db/schema/index.ts';
import type { DayRange } from './range.ts';
import { sumOf } from './sql.ts';
import { protect } from './suppress.ts';

export function ageBand(birthYear: number | null, year: number): AgeBand {
  if (birthYear === null) return 'unknown';
  const age = year - birthYear;
  if (age < 30) return 'under-30';
  if (age < 45) return '30-44';
  if (age < 60) return '45-59';
  return '60-plus';
}

type Cell = Record<GenderKey | 'total', number>;
const emptyCell = (): Cell => ({ female: 0, male: 0, other: 0, unknown: 0, total: 0 });

interface Scope {
  end: number;
  group: string | null;
}

/** The ward's statement or the group's, by the scope asked for. */
function perScope<Row>(make: (forGroup: boolean) => { all(values: Record<string, unknown>): Promise<Row[]> }): (q: Scope) => Promise<Row[]> {
  const [ward, inGroup] = [make(false), make(true)];
  return (q) => (q.group === null ? ward.all({ end: q.end }) : inGroup.all({ end: q.end, group: q.group }));
}

/** The last day of the month before the day's month, or the day itself when it ends its month. */
const monthEndOnOrBefore = (day: number): number => (monthStart(day + 1) === day + 1 ? day : monthStart(day) - 1);
const nextMonthEnd = (monthEnd: number): number => monthStart(monthEnd + 32) - 1;

/** How many learners each day added, and the running total at a day. */
function arrivals(rows: Array<{ day: number | null; n: number }>) {
  const days = rows.filter((r): r is { day: number; n: number } => r.day !== null).sort((a, b) => a.day - b.day);
  return { first: days[0]?.day, upTo: (day: number) => days.reduce((sum, r) => (r.day <= day ? sum + r.n : sum), 0) };
}

export function createDemographics(engine: Engine, now: () => number) {
  const { db } = engine;
  const end = sql.placeholder('end');
  const group = sql.placeholder('group');
  const byDay = (day: typeof statsLearners.firstDay | typeof statsLearners.firstCourseDay, forGroup: boolean) =>
    db
      .select({ day, n: count() })
      .from(statsLearners)
      .where(and(forGroup ? eq(statsLearners.groupId, group) : undefined, isNotNull(day), lte(day, end)) as SQL)
      .groupBy(day)
      .prepare();
  const [reachedByDay, completedByDay] = [perScope((g) => byDay(statsLearners.firstDay, g)), perScope((g) => byDay(statsLearners.firstCourseDay, g))];

  /** The last published month end on or before `upTo` (see the top of this file); null before the first. */
  async function publishedEnd(upTo: number, scopeGroup: string | null): Promise<number | null> {
    const last = monthEndOnOrBefore(upTo);
    const reached = arrivals(await reachedByDay({ end: last, group: scopeGroup }));
    const completed = arrivals(await completedByDay({ end: last, group: scopeGroup }));
    if (reached.first === undefined) return null;
    const big = (added: number) => added === 0 || added >= SMALL_COUNT_LIMIT;
    let published: number | null = null;
    let [r0, c0] = [0, 0];
    for (let m = nextMonthEnd(monthStart(reached.first) - 1); m <= last; m = nextMonthEnd(m)) {
      const [r, c] = [reached.upTo(m), completed.upTo(m)];
      if (big(r - r0) && big(c - c0)) [published, r0, c0] = [m, r, c];
    }
    return published;
  }
  // Everyone ever counted (stats_people, kept by triggers), minus the
  // learners whose first activity / first course came after the end date:
  // for the usual "up to today" view that second part is empty, and it
  // never scans more than the learners after the end. One statement for the
  // ward and one for a group, so each reads its index (stats.ts).
  const totals = (forGroup: boolean) =>
    db
      .select({ birthYear: statsPeople.birthYear, gender: statsPeople.gender, reached: sumOf(statsPeople.reached), completed: sumOf(statsPeople.completed) })
      .from(statsPeople)
      .where(forGroup ? eq(statsPeople.groupKey, group) : undefined)
      .groupBy(statsPeople.birthYear, statsPeople.gender)
      .prepare();
  const later = (day: typeof statsLearners.firstDay | typeof statsLearners.firstCourseDay, forGroup: boolean) =>
    db
      .select({ birthYear: statsLearners.birthYear, gender: statsLearners.gender, n: count() })
      .from(statsLearners)
      .where(and(forGroup ? eq(statsLearners.groupId, group) : undefined, gt(day, end)))
      .groupBy(statsLearners.birthYear, statsLearners.gender)
      .prepare();
  const [everyone, laterReached, laterCompleted] = [perScope(totals), perScope((g) => later(statsLearners.firstDay, g)), perScope((g) => later(statsLearners.firstCourseDay, g))];
  const key = (birthYear: number | null, gender: string | null) => `${birthYear ?? 0}|${gender ?? ''}`;
  const rows = async (q: Scope) => {
    const out = new Map<string, { birthYear: number | null; gender: string | null; reached: number; completed: number }>();
    for (const t of await everyone(q)) {
      out.set(key(t.birthYear, t.gender), { birthYear: t.birthYear === 0 ? null : t.birthYear, gender: t.gender === '' ? null : t.gender, reached: t.reached, completed: t.completed });
    }
    for (const l of await laterReached(q)) out.get(key(l.birthYear, l.gender))!.reached -= l.n;
    for (const l of await laterCompleted(q)) out.get(key(l.birthYear, l.gender))!.completed -= l.n;
    return out.values();
  };
  return async (r: DayRange): Promise<{ asOf: string | null; rows: DemographicRow[] }> => {
    // Only months that are over: the current one still changes.
    const asOf = await publishedEnd(Math.min(r.end, dayOf(now()) - 1), r.group);
    const year = yearOf(asOf ?? r.end);
    const table = new Map(AGE_BANDS.map((b) => [b, { reached: emptyCell(), completed: emptyCell() }]));
    for (const row of asOf === null ? [] : await rows({ end: asOf, group: r.group })) {
      const cell = table.get(ageBand(row.birthYear, year))!;
      const g: GenderKey = (GENDER_KEYS as readonly string[]).includes(row.gender ?? '') ? (row.gender as GenderKey) : 'unknown';
      cell.reached[g] += row.reached;
      cell.reached.total += row.reached;
      cell.completed[g] += row.completed;
      cell.completed.total += row.completed;
    }
    // Each row's genders add up to the row's total, and the totals column
    // adds up to all learners: both are breakdowns of a shown total.
    const shown = (kind: 'reached' | 'completed') => {
      const totals = protect(AGE_BANDS.map((b) => table.get(b)![kind].total));
      return AGE_BANDS.map((b, i) => {
        const c = table.get(b)![kind];
        const genders = protect(GENDER_KEYS.map((g) => c[g]));
        // A total hidden for the column's sake would still be the sum of a
        // fully visible row: hide that row's smallest cell as well.
        if (totals[i] === HIDDEN && genders.every((x, j) => x === c[GENDER_KEYS[j]])) {
          const j = GENDER_KEYS.map((g) => c[g]).reduce((best, n, k, all) => (n > 0 && (best < 0 || n < all[best]) ? k : best), -1);
          if (j >= 0) genders[j] = HIDDEN;
        }
        return { ...Object.fromEntries(GENDER_KEYS.map((g, j) => [g, genders[j]])), total: totals[i] } as DemographicRow['reached'];
      });
    };
    const [reached, completed] = [shown('reached'), shown('completed')];
    return { asOf: asOf === null ? null : isoFromDay(asOf), rows: AGE_BANDS.map((band, i) => ({ band, reached: reached[i], completed: completed[i] })) };
  };
}
