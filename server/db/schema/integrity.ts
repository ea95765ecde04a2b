// Plausibility holds (server/integrity): records that broke a rule are kept in
// their family's table but count in no figure until a reviewer accepts them.
// A learner-level rule (too many learners on one phone, a burst of
// registrations from one address) puts the learner under review; a
// record-level rule (too fast, too many per hour) holds that record only.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

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
