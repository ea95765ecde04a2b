// The short ward summary (learners, completions, per lesson, per day) kept
// for integrators of GET /stats/summary. It reads the dashboard rollups, so
// it stays fast however many events the ward holds. Days are Vietnam
// calendar days, counted by effective_at = min(phone time, receipt time).
import type { StatsSummary } from '../../shared/api.ts';
import { dayFromIso, isoFromDay } from '../../shared/stats/days.ts';
import type { Sqlite } from '../db/open.ts';

export function createStatsQueries(sqlite: Sqlite) {
  // Learners active in the range: each one's last active day up to the end
  // falls in the range (stats_active_spans, kept by triggers).
  const learners = sqlite.prepare<{ start: number; end: number }, { n: number }>(
    'SELECT COALESCE(SUM(learners), 0) AS n FROM stats_active_spans WHERE day BETWEEN $start AND $end AND (next_day > $end OR next_day = 2147483647)',
  );
  const completions = sqlite.prepare<[number, number], { n: number }>('SELECT COALESCE(SUM(completions), 0) AS n FROM stats_daily WHERE day BETWEEN ? AND ?');
  const perLesson = sqlite.prepare<[number, number], { courseId: string; lessonId: string; completions: number }>(
    `SELECT course_id AS courseId, lesson_id AS lessonId, SUM(completions) AS completions FROM stats_daily
      WHERE day BETWEEN ? AND ? GROUP BY course_id, lesson_id HAVING SUM(completions) > 0 ORDER BY course_id, lesson_id`,
  );
  const perDay = sqlite.prepare<[number, number], { day: number; completions: number }>(
    'SELECT day, SUM(completions) AS completions FROM stats_daily WHERE day BETWEEN ? AND ? GROUP BY day HAVING SUM(completions) > 0 ORDER BY day',
  );
  return sqlite.transaction((from?: string, to?: string): StatsSummary => {
    const start = from ? dayFromIso(from) : Number.MIN_SAFE_INTEGER;
    const end = to ? dayFromIso(to) : Number.MAX_SAFE_INTEGER;
    return {
      from: from ?? null,
      to: to ?? null,
      learners: learners.get({ start, end })?.n ?? 0,
      completions: completions.get(start, end)?.n ?? 0,
      perLesson: perLesson.all(start, end),
      perDay: perDay.all(start, end).map((d) => ({ day: isoFromDay(d.day), completions: d.completions })),
    };
  });
}
