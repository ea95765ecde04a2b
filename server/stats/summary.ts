// The ward summary for reviewers, computed straight from the events table.
// Days are calendar days in Vietnam (UTC+7, no daylight saving), counted by
// effective_at = min(phone time, server receipt time).
import type { StatsSummary } from '../../shared/api.ts';
import type { Sqlite } from '../db/open.ts';

const DAY_MS = 86_400_000;
const VN_OFFSET_MS = 7 * 3_600_000;

/** [start, end) in epoch ms for inclusive local dates; open ends are unbounded. */
export function dayRange(from?: string, to?: string): [number, number] {
  const start = from ? Date.parse(`${from}T00:00:00+07:00`) : Number.MIN_SAFE_INTEGER;
  const end = to ? Date.parse(`${to}T00:00:00+07:00`) + DAY_MS : Number.MAX_SAFE_INTEGER;
  return [start, end];
}

export function createStatsQueries(sqlite: Sqlite) {
  const learners = sqlite.prepare<[number, number], { n: number }>(
    'SELECT COUNT(DISTINCT learner_id) AS n FROM events WHERE effective_at >= ? AND effective_at < ?',
  );
  const completions = sqlite.prepare<[number, number], { n: number }>(
    `SELECT COUNT(*) AS n FROM events WHERE type = 'lesson.completed' AND effective_at >= ? AND effective_at < ?`,
  );
  const perLesson = sqlite.prepare<[number, number], { courseId: string; lessonId: string; completions: number }>(
    `SELECT course_id AS courseId, lesson_id AS lessonId, COUNT(*) AS completions FROM events
      WHERE type = 'lesson.completed' AND effective_at >= ? AND effective_at < ?
      GROUP BY course_id, lesson_id ORDER BY course_id, lesson_id`,
  );
  const perDay = sqlite.prepare<[number, number, number], { day: string; completions: number }>(
    `SELECT strftime('%Y-%m-%d', (effective_at + ?) / 1000, 'unixepoch') AS day, COUNT(*) AS completions FROM events
      WHERE type = 'lesson.completed' AND effective_at >= ? AND effective_at < ?
      GROUP BY day ORDER BY day`,
  );
  // One read transaction so the four numbers describe the same moment.
  return sqlite.transaction((from?: string, to?: string): StatsSummary => {
    const [start, end] = dayRange(from, to);
    return {
      from: from ?? null,
      to: to ?? null,
      learners: learners.get(start, end)?.n ?? 0,
      completions: completions.get(start, end)?.n ?? 0,
      perLesson: perLesson.all(start, end),
      perDay: perDay.all(VN_OFFSET_MS, start, end),
    };
  });
}
