// The city's targets for its localities (server/city/targets.ts), in the
// city's own store beside its list of localities. One row per scope: the
// city as a whole (scope '') and any locality the city gives a target of its
// own (scope = its slug). Shares are kept in basis points (0–10000) so a
// target reads back exactly as it was set on either engine.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const cityTargets = sqliteTable('city_targets', {
  scope: text('scope').primaryKey(),
  /** Learners as a share of adults, in basis points; null: no coverage target. */
  coverageBp: integer('coverage_bp'),
  /** A count of learners; null: no count target. */
  learners: integer('learners'),
  /** The day (YYYY-MM-DD) the target is for. */
  dueDate: text('due_date').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
