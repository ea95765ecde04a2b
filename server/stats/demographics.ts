// Learners reached and learners who finished a course, by age band and
// gender, up to the end of the range. Age is the age reached in the end
// date's year. Only consented profiles and guide registrations carry these
// fields; everyone else is "unknown".
import { AGE_BANDS, GENDER_KEYS, HIDDEN, type AgeBand, type DemographicRow, type GenderKey } from '../../shared/stats/api.ts';
import { yearOf } from '../../shared/stats/days.ts';
import type { Sqlite } from '../db/open.ts';
import type { DayRange } from './range.ts';
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

export function createDemographics(sqlite: Sqlite) {
  // Everyone ever counted (stats_people, kept by triggers), minus the
  // learners whose first activity / first course came after the end date:
  // for the usual "up to today" view that second part is empty, and it
  // never scans more than the learners after the end.
  const totals = sqlite.prepare<{ group: string | null }, { birthYear: number; gender: string; reached: number; completed: number }>(
    `SELECT birth_year AS birthYear, gender, SUM(reached) AS reached, SUM(completed) AS completed
       FROM stats_people WHERE $group IS NULL OR group_key = $group GROUP BY birth_year, gender`,
  );
  // One statement per case, so each reads a covering index (stats.ts).
  type Later = { birthYear: number | null; gender: string | null; n: number };
  const later = (column: 'first_day' | 'first_course_day') => ({
    all: sqlite.prepare<{ end: number }, Later>(
      `SELECT birth_year AS birthYear, gender, COUNT(*) AS n FROM stats_learners WHERE ${column} > $end GROUP BY birth_year, gender`,
    ),
    group: sqlite.prepare<{ end: number; group: string }, Later>(
      `SELECT birth_year AS birthYear, gender, COUNT(*) AS n FROM stats_learners WHERE group_id = $group AND ${column} > $end GROUP BY birth_year, gender`,
    ),
  });
  const [laterReached, laterCompleted] = [later('first_day'), later('first_course_day')];
  const after = (l: ReturnType<typeof later>, q: { end: number; group: string | null }) =>
    q.group === null ? l.all.all({ end: q.end }) : l.group.all({ end: q.end, group: q.group });
  const key = (birthYear: number | null, gender: string | null) => `${birthYear ?? 0}|${gender ?? ''}`;
  const rows = (q: { end: number; group: string | null }) => {
    const out = new Map<string, { birthYear: number | null; gender: string | null; reached: number; completed: number }>();
    for (const t of totals.all({ group: q.group })) {
      out.set(key(t.birthYear, t.gender), { birthYear: t.birthYear === 0 ? null : t.birthYear, gender: t.gender === '' ? null : t.gender, reached: t.reached, completed: t.completed });
    }
    for (const l of after(laterReached, q)) out.get(key(l.birthYear, l.gender))!.reached -= l.n;
    for (const l of after(laterCompleted, q)) out.get(key(l.birthYear, l.gender))!.completed -= l.n;
    return out.values();
  };
  return (r: DayRange): DemographicRow[] => {
    const year = yearOf(r.end);
    const table = new Map(AGE_BANDS.map((b) => [b, { reached: emptyCell(), completed: emptyCell() }]));
    for (const row of rows({ end: r.end, group: r.group })) {
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
    return AGE_BANDS.map((band, i) => ({ band, reached: reached[i], completed: completed[i] }));
  };
}
