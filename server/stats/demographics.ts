// Learners reached and learners who finished a course, by age band and
// gender, up to the end of the range. Age is the age reached in the end
// date's year. Only consented profiles and guide registrations carry these
// fields; everyone else is "unknown".
import { AGE_BANDS, GENDER_KEYS, type AgeBand, type DemographicRow, type GenderKey } from '../../shared/stats/api.ts';
import { yearOf } from '../../shared/stats/days.ts';
import type { Sqlite } from '../db/open.ts';
import type { DayRange } from './range.ts';
import { people } from './suppress.ts';

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
  const rows = sqlite.prepare<{ end: number; group: string | null }, { birthYear: number | null; gender: string | null; reached: number; completed: number }>(
    `SELECT birth_year AS birthYear, gender, COUNT(*) AS reached, COALESCE(SUM(first_course_day <= $end), 0) AS completed
       FROM stats_learners WHERE first_day <= $end AND ($group IS NULL OR group_id = $group)
      GROUP BY birth_year, gender`,
  );
  return (r: DayRange): DemographicRow[] => {
    const year = yearOf(r.end);
    const table = new Map(AGE_BANDS.map((b) => [b, { reached: emptyCell(), completed: emptyCell() }]));
    for (const row of rows.all({ end: r.end, group: r.group })) {
      const cell = table.get(ageBand(row.birthYear, year))!;
      const g: GenderKey = (GENDER_KEYS as readonly string[]).includes(row.gender ?? '') ? (row.gender as GenderKey) : 'unknown';
      cell.reached[g] += row.reached;
      cell.reached.total += row.reached;
      cell.completed[g] += row.completed;
      cell.completed.total += row.completed;
    }
    const shown = (c: Cell) => Object.fromEntries(Object.entries(c).map(([k, n]) => [k, people(n)])) as DemographicRow['reached'];
    return AGE_BANDS.map((band) => ({ band, reached: shown(table.get(band)!.reached), completed: shown(table.get(band)!.completed) }));
  };
}
