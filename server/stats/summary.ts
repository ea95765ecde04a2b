// The short ward summary (learners, completions, per lesson, per day) kept
// for integrators of GET /stats/summary. It reads the dashboard rollups, so
// it stays fast however many events the ward holds. Days are Vietnam
// calendar days, counted by effective_at = min(phone time, receipt time).
import { between, sql } from 'drizzle-orm';
import type { StatsSummary } from '../../shared/api.ts';
import { dayFromIso, isoFromDay } from '../../shared/stats/days.ts';
import type { Engine } from '../db/engine/engine.ts';
import { statsDaily } from '../db/schema/index.ts';
import { activeUpTo } from './active.ts';
import { sumOf, total } from './sql.ts';

export function createStatsQueries(engine: Engine) {
  const { db } = engine;
  const inRange = between(statsDaily.day, sql.placeholder('start'), sql.placeholder('end'));
  const completed = sql`${sumOf(statsDaily.completions)} > 0`;
  const learners = activeUpTo(engine);
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
  // One transaction: the four figures describe the same moment even while phones sync.
  return (from?: string, to?: string): Promise<StatsSummary> =>
    engine.transaction(async () => {
      const start = from ? dayFromIso(from) : Number.MIN_SAFE_INTEGER;
      const end = to ? dayFromIso(to) : Number.MAX_SAFE_INTEGER;
      return {
        from: from ?? null,
        to: to ?? null,
        learners: await learners(start, end),
        completions: (await completions.get({ start, end }))!.n,
        perLesson: await perLesson.all({ start, end }),
        perDay: (await perDay.all({ start, end })).map((d) => ({ day: isoFromDay(d.day), completions: d.completions })),
      };
    }, { readOnly: true });
}
