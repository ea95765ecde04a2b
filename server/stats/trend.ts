// Week by week (Monday to Sunday) inside the range: lesson completions,
// learners whose first activity fell in the week, and course completions.
// The first and last weeks are cut at the range's ends.
import type { TrendRow } from '../../shared/stats/api.ts';
import { isoFromDay, weekStart } from '../../shared/stats/days.ts';
import type { Sqlite } from '../db/open.ts';
import type { DayRange } from './range.ts';
import { protect } from './suppress.ts';

export function createTrend(sqlite: Sqlite) {
  // (day + 3) % 7 is days since Monday (1970-01-01 was a Thursday).
  const lessons = sqlite.prepare<[number, number], { week: number; n: number }>(
    'SELECT day - ((day + 3) % 7) AS week, SUM(completions) AS n FROM stats_daily WHERE day BETWEEN ? AND ? GROUP BY week',
  );
  const learners = sqlite.prepare<[number, number], { week: number; n: number }>(
    'SELECT day - ((day + 3) % 7) AS week, SUM(learners) AS n FROM stats_first_days WHERE day BETWEEN ? AND ? GROUP BY week',
  );
  const courses = sqlite.prepare<[number, number], { week: number; n: number }>(
    `SELECT day - ((day + 3) % 7) AS week, SUM(completed) AS n FROM stats_course_days
      WHERE course_id IN (SELECT DISTINCT course_id FROM stats_daily) AND day BETWEEN ? AND ? GROUP BY week`,
  );
  return (r: DayRange): TrendRow[] => {
    const map = (rows: Array<{ week: number; n: number }>) => new Map(rows.map((x) => [x.week, x.n]));
    const [l, n, c] = [map(lessons.all(r.start, r.end)), map(learners.all(r.start, r.end)), map(courses.all(r.start, r.end))];
    const weeks: number[] = [];
    for (let week = weekStart(r.start); week <= r.end; week += 7) weeks.push(week);
    // The weeks add up to the headline's new learners and courses completed.
    const fresh = protect(weeks.map((w) => n.get(w) ?? 0));
    const done = protect(weeks.map((w) => c.get(w) ?? 0));
    return weeks.map((week, i) => ({ week: isoFromDay(week), lessonCompletions: l.get(week) ?? 0, newLearners: fresh[i], courseCompletions: done[i] }));
  };
}
