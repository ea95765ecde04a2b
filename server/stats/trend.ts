// Week by week (Monday to Sunday) inside the range: lesson completions,
// learners whose first activity fell in the week, and course completions.
// The first and last weeks are cut at the range's ends.
import type { TrendRow } from '../../shared/stats/api.ts';
import { isoFromDay, weekStart } from '../../shared/stats/days.ts';
import type { Sqlite } from '../db/open.ts';
import type { DayRange } from './range.ts';
import { people } from './suppress.ts';

export function createTrend(sqlite: Sqlite) {
  // (day + 3) % 7 is days since Monday (1970-01-01 was a Thursday).
  const lessons = sqlite.prepare<[number, number], { week: number; n: number }>(
    'SELECT day - ((day + 3) % 7) AS week, SUM(completions) AS n FROM stats_daily WHERE day BETWEEN ? AND ? GROUP BY week',
  );
  const learners = sqlite.prepare<[number, number], { week: number; n: number }>(
    'SELECT first_day - ((first_day + 3) % 7) AS week, COUNT(*) AS n FROM stats_learners WHERE first_day BETWEEN ? AND ? GROUP BY week',
  );
  const courses = sqlite.prepare<[number, number], { week: number; n: number }>(
    `SELECT completed_day - ((completed_day + 3) % 7) AS week, COUNT(*) AS n FROM stats_learner_courses
      WHERE course_id IN (SELECT DISTINCT course_id FROM stats_daily) AND completed_day BETWEEN ? AND ? GROUP BY week`,
  );
  return (r: DayRange): TrendRow[] => {
    const map = (rows: Array<{ week: number; n: number }>) => new Map(rows.map((x) => [x.week, x.n]));
    const [l, n, c] = [map(lessons.all(r.start, r.end)), map(learners.all(r.start, r.end)), map(courses.all(r.start, r.end))];
    const out: TrendRow[] = [];
    for (let week = weekStart(r.start); week <= r.end; week += 7) {
      out.push({ week: isoFromDay(week), lessonCompletions: l.get(week) ?? 0, newLearners: people(n.get(week) ?? 0), courseCompletions: people(c.get(week) ?? 0) });
    }
    return out;
  };
}
