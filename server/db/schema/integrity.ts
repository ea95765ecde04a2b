// Plausibility holds (server/integrity): records that broke a rule are kept in
// their family's table but count in no figure until a reviewer accepts them.
// A learner-level rule (too many learners on one phone, a burst of
// registrations from one address) puts the learner under review; a
// record-level rule (too fast, too many per hour) holds that record only.
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** A learner a learner-level rule flagged, and the reviewer's decision. */
export const integrityLearners = sqliteTable('integrity_learners', {
  learnerId: text('learner_id').primaryKey(),
  /** JSON array of rule ids (shared/integrity/plausibility.ts). */
  rules: text('rules').notNull(),
  flaggedAt: integer('flagged_at').notNull(),
  /** null while waiting; 'accepted' (counts, not flagged again by learner-level rules) or 'dismissed' (never counts). */
  decision: text('decision', { enum: ['accepted', 'dismissed'] }),
  decidedBy: text('decided_by'),
  decidedAt: integer('decided_at'),
});

/** One held learner record: it counts only once its status is 'accepted'. */
export const integrityHolds = sqliteTable(
  'integrity_holds',
  {
    eventId: text('event_id').primaryKey(),
    learnerId: text('learner_id').notNull(),
    /** JSON array of rule ids. */
    rules: text('rules').notNull(),
    heldAt: integer('held_at').notNull(),
    status: text('status', { enum: ['held', 'accepted', 'dismissed'] }).notNull(),
    decidedBy: text('decided_by'),
    decidedAt: integer('decided_at'),
  },
  (t) => [index('integrity_holds_learner_idx').on(t.learnerId, t.status), index('integrity_holds_status_idx').on(t.status)],
);

/** Which kinds of figure (shared/stats/figure-kinds.ts) the ward's official figures use; one row, absent until an admin chooses. */
export const wardFigureSettings = sqliteTable('ward_figure_settings', {
  id: integer('id').primaryKey(),
  /** JSON array of kinds. */
  officialKinds: text('official_kinds').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: integer('updated_at').notNull(),
});

/** A spot-check: a seeded random sample of verified records (guide-recorded completions and confirmed outcomes) to confirm by phone or visit. */
export const spotChecks = sqliteTable('spot_checks', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Vietnam days, YYYY-MM-DD, inclusive: where the sample was drawn from. */
  periodFrom: text('period_from').notNull(),
  periodTo: text('period_to').notNull(),
  seed: integer('seed').notNull(),
  /** How many records the sample was drawn from. */
  population: integer('population').notNull(),
  drawnBy: text('drawn_by').notNull(),
  drawnAt: integer('drawn_at').notNull(),
});

/** One record of a spot-check and its result. */
export const spotCheckItems = sqliteTable(
  'spot_check_items',
  {
    checkId: integer('check_id')
      .notNull()
      .references(() => spotChecks.id),
    itemNo: integer('item_no').notNull(),
    eventId: text('event_id').notNull(),
    learnerId: text('learner_id').notNull(),
    /** null until a result is recorded. */
    result: text('result', { enum: ['confirmed', 'not-confirmed', 'unreachable'] }),
    recordedBy: text('recorded_by'),
    recordedAt: integer('recorded_at'),
  },
  (t) => [primaryKey({ columns: [t.checkId, t.itemNo] }), index('spot_check_items_learner_idx').on(t.learnerId)],
);
