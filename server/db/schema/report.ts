// The officer's own text of a ward report (situation, results, shortcomings,
// proposals), kept per report period and group so the printed page and the
// Word copy of that period carry it. Staff text about the movement, never
// residents' personal data.
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const reportNarratives = sqliteTable(
  'report_narratives',
  {
    /** The period as Vietnam calendar days, YYYY-MM-DD, inclusive. */
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    /** '' for the whole ward, else a residential group id. */
    groupId: text('group_id').notNull(),
    situation: text('situation').notNull(),
    results: text('results').notNull(),
    shortcomings: text('shortcomings').notNull(),
    proposals: text('proposals').notNull(),
    updatedAt: integer('updated_at').notNull(),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.periodFrom, t.periodTo, t.groupId] })],
);
