// Counters the dashboard sums instead of scanning the per-learner rollups, so
// a request costs the same with ten thousand or a million learners. They are
// derived from stats_learners and stats_learner_courses by SQLite triggers
// (migration 0005_stats_counters): every insert, update and delete of those
// rows — live sync, rebuild, erasure of a learner — moves one unit from the
// old bucket to the new one in the same transaction, so a counter can never
// disagree with the rows it counts. They hold no learner, only totals.
// group_key is the residential group id or '' (no group); birth_year 0 and
// gender '' stand for "not given".
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** Learners by the day of their first activity. */
export const statsFirstDays = sqliteTable(
  'stats_first_days',
  {
    groupKey: text('group_key').notNull(),
    isAssisted: integer('is_assisted').notNull(),
    day: integer('day').notNull(),
    learners: integer('learners').notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupKey, t.isAssisted, t.day] })],
);

/** Learners by the day they first completed a whole course. */
export const statsFirstCourseDays = sqliteTable(
  'stats_first_course_days',
  {
    groupKey: text('group_key').notNull(),
    day: integer('day').notNull(),
    learners: integer('learners').notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupKey, t.day] })],
);

/** Learners ever reached / ever completed a course, by group, birth year and gender. */
export const statsPeople = sqliteTable(
  'stats_people',
  {
    groupKey: text('group_key').notNull(),
    birthYear: integer('birth_year').notNull(),
    gender: text('gender').notNull(),
    reached: integer('reached').notNull(),
    completed: integer('completed').notNull(),
  },
  (t) => [primaryKey({ columns: [t.groupKey, t.birthYear, t.gender] })],
);

/** Per course and day: learners who started it and who completed it that day. */
export const statsCourseDays = sqliteTable(
  'stats_course_days',
  {
    courseId: text('course_id').notNull(),
    day: integer('day').notNull(),
    started: integer('started').notNull(),
    completed: integer('completed').notNull(),
  },
  (t) => [primaryKey({ columns: [t.courseId, t.day] })],
);

/** Active days as spans: one unit per learner-day, keyed by that day and the
 * learner's next active day (NO_NEXT_DAY when none). Learners active in
 * [a, b] = the units with a ≤ day ≤ b and next_day > b (each learner's last
 * active day up to b), so active-learner counts need no DISTINCT over days. */
export const statsActiveSpans = sqliteTable(
  'stats_active_spans',
  {
    day: integer('day').notNull(),
    nextDay: integer('next_day').notNull(),
    learners: integer('learners').notNull(),
  },
  (t) => [primaryKey({ columns: [t.day, t.nextDay] })],
);
export const NO_NEXT_DAY = 2_147_483_647;

/** Learner devices by the hour (epoch ms / 3,600,000) of their last sync. */
export const statsDeviceHours = sqliteTable('stats_device_hours', {
  hour: integer('hour').primaryKey(),
  devices: integer('devices').notNull(),
});
