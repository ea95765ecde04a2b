// The skills self-check, per learner and skill group: the first and the
// latest attempt (by effective time), kept in step with `selfcheck.completed`
// records by server/self-check/projection.ts. Derived data with a learner_id
// column, so erasing a learner removes it (server/resident/erase.ts).
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const selfCheckResults = sqliteTable(
  'self_check_results',
  {
    learnerId: text('learner_id').notNull(),
    skill: text('skill').notNull(),
    attempts: integer('attempts').notNull(),
    firstEventId: text('first_event_id').notNull(),
    firstAt: integer('first_at').notNull(),
    /** Share right, 0–100. */
    firstScore: integer('first_score').notNull(),
    latestEventId: text('latest_event_id').notNull(),
    latestAt: integer('latest_at').notNull(),
    latestScore: integer('latest_score').notNull(),
  },
  (t) => [primaryKey({ columns: [t.learnerId, t.skill] })],
);
