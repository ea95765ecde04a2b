// The movement's indicator targets a ward sets for a plan (copied from its
// own or the city's plan): one row per plan, the ward's definition of basic
// digital skills and the targets for the ward and per residential group as
// one validated JSON document (shared/indicators/api.ts), since the office
// edits them as a whole.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { plans } from './plans.ts';

export const planIndicatorTargets = sqliteTable('plan_indicator_targets', {
  planId: text('plan_id')
    .primaryKey()
    .references(() => plans.id),
  basicSkillsRule: text('basic_skills_rule').notNull(),
  /** JSON: { ward: {indicator: target}, groups: {groupId: {indicator: target}} }. */
  targets: text('targets').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: integer('updated_at').notNull(),
});
