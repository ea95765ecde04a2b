// Rollups the ward dashboard reads, so its answers stay fast with a hundred
// thousand learners and millions of events. They are derived data: written by
// the stats ingest hooks (server/stats/rollup.ts) inside the same transaction
// as the event that changes them, and rebuilt from events + guide_events when
// stats_state says they were built by another rollup version or catalog.
// Days are Vietnam calendar days as integers (days since 1970-01-01, UTC+7).
// Per-learner tables carry a learner_id column on purpose: erasing a learner
// (server/resident/erase.ts) removes every row of a table with that column.
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** One row per learner who has done anything the dashboard counts. */
export const statsLearners = sqliteTable(
  'stats_learners',
  {
    learnerId: text('learner_id').primaryKey(),
    /** 1 when a guide registered them (no phone of their own). */
    isAssisted: integer('is_assisted').notNull(),
    /** First and last day of learning activity; null until there is any. */
    firstDay: integer('first_day'),
    lastDay: integer('last_day'),
    /** Day the learner first completed a whole course. */
    firstCourseDay: integer('first_course_day'),
    /** Day every course of the five basic skills was complete (the household rule). */
    fiveSkillsDay: integer('five_skills_day'),
    /** Copied from the consented profile or the guide's registration; null when not given. */
    groupId: text('group_id'),
    birthYear: integer('birth_year'),
    gender: text('gender'),
  },
  (t) => [
    // Demographics for a past end date subtract the learners counted after
    // it: these cover that query, ward-wide and for one group.
    index('stats_learners_first_day_idx').on(t.firstDay, t.birthYear, t.gender),
    index('stats_learners_group_idx').on(t.groupId, t.firstDay, t.birthYear, t.gender),
    index('stats_learners_first_course_idx').on(t.firstCourseDay, t.birthYear, t.gender),
    index('stats_learners_group_course_idx').on(t.groupId, t.firstCourseDay, t.birthYear, t.gender),
  ],
);

/** Days on which a learner was active: the 7- and 30-day active counts. */
export const statsLearnerDays = sqliteTable(
  'stats_learner_days',
  {
    learnerId: text('learner_id').notNull(),
    day: integer('day').notNull(),
  },
  (t) => [primaryKey({ columns: [t.learnerId, t.day] }), index('stats_learner_days_day_idx').on(t.day, t.learnerId)],
);

/** First completion of each lesson by each learner: what makes a course complete. */
export const statsLearnerLessons = sqliteTable(
  'stats_learner_lessons',
  {
    learnerId: text('learner_id').notNull(),
    courseId: text('course_id').notNull(),
    lessonId: text('lesson_id').notNull(),
    firstDay: integer('first_day').notNull(),
  },
  (t) => [primaryKey({ columns: [t.learnerId, t.courseId, t.lessonId] })],
);

/** Each learner's progress in each course. */
export const statsLearnerCourses = sqliteTable(
  'stats_learner_courses',
  {
    learnerId: text('learner_id').notNull(),
    courseId: text('course_id').notNull(),
    startedDay: integer('started_day').notNull(),
    completedDay: integer('completed_day'),
  },
  (t) => [
    primaryKey({ columns: [t.learnerId, t.courseId] }),
    index('stats_learner_courses_started_idx').on(t.courseId, t.startedDay),
    index('stats_learner_courses_completed_idx').on(t.courseId, t.completedDay),
  ],
);

/** Event counts per day and lesson (no learner: these totals survive erasure). */
export const statsDaily = sqliteTable(
  'stats_daily',
  {
    day: integer('day').notNull(),
    courseId: text('course_id').notNull(),
    lessonId: text('lesson_id').notNull(),
    starts: integer('starts').notNull().default(0),
    completions: integer('completions').notNull().default(0),
    /** Completions a guide recorded (assisted learning). */
    assistedCompletions: integer('assisted_completions').notNull().default(0),
    scoreSum: integer('score_sum').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.day, t.courseId, t.lessonId] })],
);

/** Which rollup code and course catalog built the tables above. */
/**
 * A count of the changes to what a locality's headline figures read: triggers
 * on those tables add a row (PostgreSQL: one per statement, folded into one
 * row now and then) or add to row 1 (SQLite). The sum of the weights grows
 * with every committed change and never repeats, so the city's view can keep
 * a locality's figures while it stays the same (stats/figure-changes.ts).
 */
export const figureChanges = sqliteTable('figure_changes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  weight: integer('weight').notNull().default(1),
});

export const statsState = sqliteTable('stats_state', {
  id: integer('id').primaryKey(),
  version: integer('version').notNull(),
  catalogHash: text('catalog_hash').notNull(),
  builtAt: integer('built_at').notNull(),
  /** The last learner event (insertion order) the rollups hold: later ones are caught up after their sync answered (stats/catch-up.ts). */
  learnerEventsThrough: integer('learner_events_through').notNull().default(0),
});

/** Present only in a database filled by `npm run demo:seed`: every screen
 * that shows statistics says the figures are synthetic. */
export const demoMarker = sqliteTable('demo_marker', {
  id: integer('id').primaryKey(),
  learners: integer('learners').notNull(),
  seededAt: integer('seeded_at').notNull(),
});
