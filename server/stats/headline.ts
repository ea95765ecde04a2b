// Ward-wide headline figures for a range. Learners are counted up to the
// range's end (coverage grows over time); activity, completions and the
// rest are counted inside the range.
import type { Headline } from '../../shared/stats/api.ts';
import type { Sqlite } from '../db/open.ts';
import { msBounds, type DayRange } from './range.ts';

export function createHeadline(sqlite: Sqlite) {
  // Sums of the first-day counters (stats-counters.ts), not a scan of every learner.
  const learners = sqlite.prepare<{ start: number; end: number }, { total: number; fresh: number; assisted: number }>(
    `SELECT COALESCE(SUM(learners), 0) AS total, COALESCE(SUM(learners * (day >= $start)), 0) AS fresh,
            COALESCE(SUM(learners * is_assisted), 0) AS assisted
       FROM stats_first_days WHERE day <= $end`,
  );
  // Each learner's last active day up to the end, from the span counters.
  const active = sqlite.prepare<{ a: number; b: number }, { n: number }>(
    'SELECT COALESCE(SUM(learners), 0) AS n FROM stats_active_spans WHERE day BETWEEN $a AND $b AND (next_day > $b OR next_day = 2147483647)',
  );
  const lessons = sqlite.prepare<[number, number], { completions: number; assisted: number }>(
    `SELECT COALESCE(SUM(completions), 0) AS completions, COALESCE(SUM(assisted_completions), 0) AS assisted
       FROM stats_daily WHERE day BETWEEN ? AND ?`,
  );
  const courses = sqlite.prepare<[number, number], { n: number }>(
    `SELECT COALESCE(SUM(completed), 0) AS n FROM stats_course_days
      WHERE course_id IN (SELECT DISTINCT course_id FROM stats_daily) AND day BETWEEN ? AND ?`,
  );
  const certificates = sqlite.prepare<[number, number], { n: number }>('SELECT COUNT(*) AS n FROM certificates WHERE issued_at >= ? AND issued_at < ?');
  const outcomes = sqlite.prepare<[number, number], { n: number }>(
    `SELECT COUNT(DISTINCT learner_id || ' ' || json_extract(payload, '$.outcome')) AS n FROM guide_events
      WHERE type = 'outcome.confirmed' AND effective_at >= ? AND effective_at < ?`,
  );
  const sessions = sqlite.prepare<[number, number], { n: number }>('SELECT COUNT(*) AS n FROM guide_sessions WHERE starts_at >= ? AND starts_at < ?');

  return (r: DayRange): Headline => {
    const l = learners.get({ start: r.start, end: r.end })!;
    const lc = lessons.get(r.start, r.end)!;
    const [from, to] = msBounds(r);
    return {
      learners: l.total,
      newLearners: l.fresh,
      active7: active.get({ a: r.end - 6, b: r.end })!.n,
      active30: active.get({ a: r.end - 29, b: r.end })!.n,
      assistedLearners: l.assisted,
      selfLearners: l.total - l.assisted,
      lessonsCompleted: lc.completions,
      assistedCompletions: lc.assisted,
      selfCompletions: lc.completions - lc.assisted,
      coursesCompleted: courses.get(r.start, r.end)!.n,
      certificates: certificates.get(from, to)!.n,
      outcomesConfirmed: outcomes.get(from, to)!.n,
      sessionsHeld: sessions.get(from, to)!.n,
    };
  };
}
