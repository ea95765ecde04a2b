// The ward's LED screens (plan form 2.3): each screen's playlist, edited by the
// office, and when the screen last asked for its data (its heartbeat). The
// playlist is one validated JSON document, edited as a whole.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const displayScreens = sqliteTable('display_screens', {
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  /** JSON array of slides (shared/displays/schema.ts). */
  slides: text('slides').notNull(),
  updatedAt: integer('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
  lastSeenAt: integer('last_seen_at'),
});
