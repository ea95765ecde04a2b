// The ward's database: one SQLite file. Learning events are append-only facts
// keyed by their client-made id (so a resent event can never become a second
// row); everything the dashboards show is computed from them. Times are
// integer milliseconds since the Unix epoch (UTC).
import { sql } from 'drizzle-orm';
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const learners = sqliteTable('learners', {
  id: text('id').primaryKey(),
  /** SHA-256 (hex) of the device secret; the secret itself never lands on disk. */
  secretHash: text('secret_hash').notNull(),
  createdAt: integer('created_at').notNull(),
});

export const events = sqliteTable(
  'events',
  {
    id: text('id').primaryKey(),
    type: text('type').notNull(),
    learnerId: text('learner_id')
      .notNull()
      .references(() => learners.id),
    deviceId: text('device_id').notNull(),
    courseId: text('course_id'),
    lessonId: text('lesson_id'),
    /** The phone's clock: kept as reported, never trusted on its own. */
    occurredAt: integer('occurred_at').notNull(),
    receivedAt: integer('received_at').notNull(),
    /** min(occurred_at, received_at): a phone whose clock runs ahead cannot
     * place a fact in the future. Stats count by this time. */
    effectiveAt: integer('effective_at').notNull(),
    /** The whole validated event as JSON, so no field a phone sent is lost. */
    payload: text('payload').notNull(),
    score: integer('score'),
  },
  (t) => [
    index('events_type_effective_at_idx').on(t.type, t.effectiveAt),
    index('events_learner_id_idx').on(t.learnerId, t.type),
    index('events_effective_at_idx').on(t.effectiveAt),
  ],
);

/** Data freshness: when each device last reached the server. */
export const devices = sqliteTable(
  'devices',
  {
    id: text('id').notNull(),
    learnerId: text('learner_id')
      .notNull()
      .references(() => learners.id),
    lastSyncAt: integer('last_sync_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.id, t.learnerId] }), index('devices_last_sync_at_idx').on(t.lastSyncAt)],
);

export const users = sqliteTable('users', {
  id: text('id').primaryKey(),
  username: text('username').notNull().unique(),
  displayName: text('display_name').notNull(),
  role: text('role', { enum: ['guide', 'reviewer', 'admin', 'unit'] }).notNull(),
  team: text('team', { enum: ['cns', 'da06'] }),
  /** Self-describing scrypt string: scrypt$N$r$p$salt$hash. */
  passwordHash: text('password_hash').notNull(),
  createdAt: integer('created_at').notNull(),
  disabled: integer('disabled', { mode: 'boolean' }).notNull().default(sql`0`),
  /** When the account was last turned off (null while on, and for accounts turned off before this was kept): team counts as of a past day. */
  disabledAt: integer('disabled_at'),
});

export const authSessions = sqliteTable(
  'auth_sessions',
  {
    /** SHA-256 (hex) of the cookie token: a stolen database file opens no session. */
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: integer('created_at').notNull(),
    expiresAt: integer('expires_at').notNull(),
  },
  (t) => [index('auth_sessions_user_id_idx').on(t.userId), index('auth_sessions_expires_at_idx').on(t.expiresAt)],
);
