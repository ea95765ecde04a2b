// Loudspeaker bulletins (plan form 2.4) kept for their broadcast schedule,
// and each airing staff marked as aired: one row per bulletin and day, the
// outreach-log activity it was logged as, so a second tap logs nothing.
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './core.ts';
import { units } from './plans.ts';

export const bulletins = sqliteTable('bulletins', {
  id: text('id').primaryKey(),
  kind: text('kind', { enum: ['news', 'article', 'column'] }).notNull(),
  title: text('title').notNull(),
  body: text('body').notNull(),
  /** Syllables a minute. */
  rate: integer('rate').notNull(),
  unitId: text('unit_id')
    .notNull()
    .references(() => units.id),
  /** JSON BulletinSchedule (shared/outreach/bulletin-schedule.ts), or null. */
  schedule: text('schedule'),
  createdBy: text('created_by')
    .notNull()
    .references(() => users.id),
  createdAt: integer('created_at').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

export const bulletinAirings = sqliteTable(
  'bulletin_airings',
  {
    bulletinId: text('bulletin_id')
      .notNull()
      .references(() => bulletins.id),
    /** The Vietnam day it went out, YYYY-MM-DD. */
    day: text('day').notNull(),
    minutes: integer('minutes').notNull(),
    /** The unit activity it was logged as (unit_activities.id). */
    activityId: text('activity_id').notNull(),
    airedBy: text('aired_by')
      .notNull()
      .references(() => users.id),
    airedAt: integer('aired_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.bulletinId, t.day] })],
);
