// The plan's registers (issue #15 §5), office work kept online: units'
// difficulties and how VH-XH handled them, false or misleading information
// seen on social networks, and units' budget proposals with their lines.
// Staff text only: the misinformation register holds the post's public link
// and no names. Times are epoch milliseconds (UTC); days are 'YYYY-MM-DD'.
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { users } from './core.ts';
import { plans, units } from './plans.ts';

export const difficulties = sqliteTable(
  'register_difficulties',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id),
    itemCode: text('item_code'),
    summary: text('summary').notNull(),
    details: text('details').notNull(),
    raisedOn: text('raised_on').notNull(),
    /** new, handling, proposed (to the People's Committee), resolved. */
    status: text('status').notNull(),
    handling: text('handling'),
    handledOn: text('handled_on'),
    proposedOn: text('proposed_on'),
    resolvedOn: text('resolved_on'),
    filedBy: text('filed_by')
      .notNull()
      .references(() => users.id),
    filedAt: integer('filed_at').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('register_difficulties_plan_idx').on(t.planId, t.raisedOn), index('register_difficulties_unit_idx').on(t.unitId, t.raisedOn)],
);

export const misinformation = sqliteTable(
  'register_misinformation',
  {
    id: text('id').primaryKey(),
    /** The logging officer's unit; null for VH-XH and admins. */
    unitId: text('unit_id').references(() => units.id),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id),
    itemCode: text('item_code'),
    platform: text('platform').notNull(),
    link: text('link').notNull(),
    seenOn: text('seen_on').notNull(),
    description: text('description').notNull(),
    assessment: text('assessment').notNull(),
    action: text('action').notNull(),
    correctionLink: text('correction_link'),
    actionOn: text('action_on'),
    status: text('status').notNull(),
    closedOn: text('closed_on'),
    /** SHA-256 of a screenshot in the evidence-file store, when there is one. */
    screenshotFile: text('screenshot_file'),
    loggedBy: text('logged_by')
      .notNull()
      .references(() => users.id),
    loggedAt: integer('logged_at').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('register_misinformation_plan_idx').on(t.planId, t.seenOn), index('register_misinformation_unit_idx').on(t.unitId, t.seenOn)],
);

export const budgetProposals = sqliteTable(
  'register_budget_proposals',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id),
    title: text('title').notNull(),
    proposedOn: text('proposed_on').notNull(),
    /** proposed, approved, rejected. */
    status: text('status').notNull(),
    decidedOn: text('decided_on'),
    note: text('note').notNull(),
    filedBy: text('filed_by')
      .notNull()
      .references(() => users.id),
    filedAt: integer('filed_at').notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: integer('updated_at').notNull(),
  },
  (t) => [index('register_budget_plan_idx').on(t.planId, t.proposedOn), index('register_budget_unit_idx').on(t.unitId, t.proposedOn)],
);

/** A proposal's lines in order; amounts are whole đồng. Totals are summed when read, never stored. */
export const budgetLines = sqliteTable(
  'register_budget_lines',
  {
    proposalId: text('proposal_id')
      .notNull()
      .references(() => budgetProposals.id, { onDelete: 'cascade' }),
    position: integer('position').notNull(),
    description: text('description').notNull(),
    quantity: integer('quantity'),
    proposedAmount: integer('proposed_amount').notNull(),
    approvedAmount: integer('approved_amount'),
  },
  (t) => [primaryKey({ columns: [t.proposalId, t.position] })],
);

/** Screenshots uploaded for the false-information register: who uploaded each and for which unit (null: the office), so an entry names only its own side's screenshots. */
export const registerFiles = sqliteTable(
  'register_files',
  {
    sha256: text('sha256').notNull(),
    uploadedBy: text('uploaded_by')
      .notNull()
      .references(() => users.id),
    unitId: text('unit_id').references(() => units.id),
    uploadedAt: integer('uploaded_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.sha256, t.uploadedBy] }), index('register_files_unit_idx').on(t.unitId, t.sha256)],
);
