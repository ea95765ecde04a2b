// The report to the People's Committee on a plan, one row per plan and
// period: the officer's parts, and once issued its number, date and the
// figures as they were issued (JSON of shared/plans/report.ts
// PlanReportData), so the signed document can be printed again unchanged
// and the period's activities are locked.
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { plans } from './plans.ts';

export const planReports = sqliteTable(
  'plan_reports',
  {
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id),
    /** "2025-06", "2025-Q2", "2025-H1", "2025". */
    periodKey: text('period_key').notNull(),
    periodFrom: text('period_from').notNull(),
    periodTo: text('period_to').notNull(),
    strengths: text('strengths').notNull(),
    shortcomings: text('shortcomings').notNull(),
    directions: text('directions').notNull(),
    proposals: text('proposals').notNull(),
    recipients: text('recipients').notNull(),
    signer: text('signer').notNull(),
    updatedAt: integer('updated_at').notNull(),
    updatedBy: text('updated_by').notNull(),
    issuedNumber: text('issued_number'),
    issuedOn: text('issued_on'),
    issuedBy: text('issued_by'),
    issuedAt: integer('issued_at'),
    snapshot: text('snapshot'),
  },
  (t) => [primaryKey({ columns: [t.planId, t.periodKey] })],
);
