// Resident data beyond learning events: the optional profile (kept only while
// consent stands), issued certificates, one-time recovery codes, the extra
// device secrets a recovered learner's new phones use, and an anonymous tally
// of erased learners (no id: just how many and when, for the ward's totals).
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { learners } from './core.ts';

export const learnerProfiles = sqliteTable('learner_profiles', {
  learnerId: text('learner_id')
    .primaryKey()
    .references(() => learners.id),
  /** Null: never given, or withdrawn. Personal fields are null whenever this is. */
  consentVersion: integer('consent_version'),
  consentAt: integer('consent_at'),
  displayName: text('display_name'),
  birthYear: integer('birth_year'),
  gender: text('gender'),
  residentialGroupId: text('residential_group_id'),
  unit: text('unit'),
  updatedAt: integer('updated_at').notNull(),
});

export const certificates = sqliteTable(
  'certificates',
  {
    /** The short verification code (normalized, no dashes). */
    code: text('code').primaryKey(),
    learnerId: text('learner_id')
      .notNull()
      .references(() => learners.id),
    /** A course id, or "digital-citizen". */
    courseId: text('course_id').notNull(),
    issuedAt: integer('issued_at').notNull(),
  },
  (t) => [uniqueIndex('certificates_learner_course_idx').on(t.learnerId, t.courseId)],
);

export const recoveryCodes = sqliteTable(
  'recovery_codes',
  {
    /** SHA-256 (hex) of the normalized code: the database alone opens no account. */
    codeHash: text('code_hash').primaryKey(),
    learnerId: text('learner_id')
      .notNull()
      .references(() => learners.id),
    createdAt: integer('created_at').notNull(),
    /** Set once redeemed: a code works exactly once. */
    usedAt: integer('used_at'),
  },
  (t) => [index('recovery_codes_learner_idx').on(t.learnerId)],
);

/** Secrets of phones a learner moved to with a recovery code (the first phone's is in learners). */
export const learnerKeys = sqliteTable(
  'learner_keys',
  {
    secretHash: text('secret_hash').primaryKey(),
    learnerId: text('learner_id')
      .notNull()
      .references(() => learners.id),
    createdAt: integer('created_at').notNull(),
  },
  (t) => [index('learner_keys_learner_idx').on(t.learnerId)],
);

export const erasureTally = sqliteTable('erasure_tally', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  /** Vietnam calendar day of the erasure, YYYY-MM-DD. */
  day: text('day').notNull(),
  /** Lesson completions the learner had, so ward totals can still add them up. */
  completions: integer('completions').notNull(),
});
