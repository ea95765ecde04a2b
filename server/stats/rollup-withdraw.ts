// What taking a learner's counted records back out of the rollups needs
// (rollup.ts withdraw()): subtracting from the daily totals, and clearing the
// learner's own rows. stats_learners keeps its row (group, birth year,
// gender: the profile still stands), with its days cleared; the counters'
// triggers (SQLite migration 0005, PostgreSQL 0001) follow every change, as
// they do for erasure.
import { eq, sql } from 'drizzle-orm';
import type { Engine } from '../db/engine/engine.ts';
import { statsDaily, statsLearnerCourses, statsLearnerDays, statsLearnerLessons, statsLearners } from '../db/schema/index.ts';

export function createWithdrawTables(engine: Engine) {
  const db = engine.db;
  const subtract = db
    .update(statsDaily)
    .set({
      starts: sql`${statsDaily.starts} - ${sql.placeholder('starts')}`,
      completions: sql`${statsDaily.completions} - ${sql.placeholder('completions')}`,
      assistedCompletions: sql`${statsDaily.assistedCompletions} - ${sql.placeholder('assistedCompletions')}`,
      scoreSum: sql`${statsDaily.scoreSum} - ${sql.placeholder('scoreSum')}`,
    })
    .where(sql`${statsDaily.day} = ${sql.placeholder('day')} AND ${statsDaily.courseId} = ${sql.placeholder('courseId')} AND ${statsDaily.lessonId} = ${sql.placeholder('lessonId')}`)
    .prepare();
  const learner = sql.placeholder('learner');
  const clear = [statsLearnerDays, statsLearnerLessons, statsLearnerCourses].map((table) => db.delete(table).where(eq(table.learnerId, learner)).prepare());
  const resetDays = db
    .update(statsLearners)
    .set({ firstDay: null, lastDay: null, firstCourseDay: null, fiveSkillsDay: null })
    .where(eq(statsLearners.learnerId, learner))
    .prepare();
  return {
    subtractDaily: async (row: Required<typeof statsDaily.$inferInsert>) => void (await subtract.run(row)),
    async clearLearner(learnerId: string) {
      for (const statement of clear) await statement.run({ learner: learnerId });
      await resetDays.run({ learner: learnerId });
    },
  };
}
