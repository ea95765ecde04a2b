// The ward's LED screens (plan form 2.3): each screen's playlist, edited by the
// office, and when the screen last asked for its data (its heartbeat). The
// playlist is one validated JSON document, edited as a whole.
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const displayScreens = sqliteTable('display_screens', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** JSON array of slides (shared/displays/schema.ts). */
  slides: text('slides').notNull(),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
  lastSeenAt: integer('last_seen_at'),
  /**
   * The first Vietnam day (YYYY-MM-DD) whose time on display_days counts: the
   * day the screen was added, or for a screen added before hours were counted
   * (migration 0029), its first counted day or the day of that migration.
   * Before it, no hours were recorded: unknown, not zero.
   */
  hoursFrom: text('hours_from'),
});

/**
 * How long each screen was on, per Vietnam calendar day, from its heartbeats:
 * the time between two heartbeats no further apart than a live screen's
 * (DISPLAY_LIVE_MS) is time on; a longer silence is time off. Kept as a
 * running total, so a year of screens is a few thousand rows, not a row a minute.
 */
export const displayDays = sqliteTable(
  'display_days',
  {
    displayId: text('display_id')
      .notNull()
      .references(() => displayScreens.id, { onDelete: 'cascade' }),
    /** YYYY-MM-DD, Vietnam time. */
    day: text('day').notNull(),
    onMs: integer('on_ms').notNull(),
  },
  (t) => [primaryKey({ columns: [t.displayId, t.day] })],
);
