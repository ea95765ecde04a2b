// The short ward summary (learners, completions, per lesson, per day) kept
// for integrators of GET /stats/summary. It reads the dashboard rollups, so
// it stays fast however many events the ward holds. Days are Vietnam
// calendar days, counted by effective_at = min(phone time, receipt time).
import { between, sql } from 'drizzle-orm';
import type { StatsSummary } from '../../shared/api.ts';
import { dayFromIso, isoFromDay } from '../../shared/stats/days.ts';
import type { Db } from '../db/open.ts';
import { statsDaily } from '../db/schema/index.ts';
import { activeUpTo } from './active.ts';
import { sumOf, total } from './sql.ts';

export function createStatsQueries(db: Db) {
  const inRange = between(statsDaily.day, sql.placeholder('start'), sql.placeholder('end'));
  const completed = sql`${sumOf(statsDaily.completions)} > 0`;
  const learners = activeUpTo(db);
  const completions = db.select({ n: total(statsDaily.completions) }).from(statsDaily).where(inRange).prepare();
  const perLesson = db
    .select({ courseId: statsDaily.courseId, lessonId: statsDaily.lessonId, completions: sumOf(statsDaily.completions) })
    .from(statsDaily)
    .where(inRange)
    .groupBy(statsDaily.courseId, statsDaily.lessonId)
    .having(completed)
    .orderBy(statsDaily.courseId, statsDaily.lessonId)
    .prepare();
  const perDay = db
    .select({ day: statsDaily.day, completions: sumOf(statsDaily.completions) })
    .from(statsDaily)
    .where(inRange)
    .groupBy(statsDaily.day)
    .having(completed)
    .orderBy(statsDaily.day)
    .prepare();
  return (from?: string, to?: string): StatsSummary =>
    db.transaction(() => {
      const start = from ? dayFromIso(from) : Number.MIN_SAFE_INTEGER;
      const end = to ? dayFromIso(to) : Number.MAX_SAFE_INTEGER;
      return {
        from: from ?? null,
        to: to ?? null,
        learners: learners(start, end),
        completions: completions.get({ start, end })!.n,
        perLesson: perLesson.all({ start, end }),
        perDay: perDay.all({ start, end }).map((d) => ({ day: isoFromDay(d.day), completions: d.completions })),
      };
    });
}
