// Counting windows that several server processes share (server/limits/):
// request limits and failed attempts, counted in the database when a city
// runs more than one process on PostgreSQL (there the table is UNLOGGED:
// a crash forgetting counts is harmless, and nothing waits for the disk).
// A single ward's one process counts in memory and leaves this table empty.
import { integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const sharedWindows = sqliteTable(
  'shared_windows',
  {
    /** Which counter (a request limit, a failure limiter): keys of two counters never meet. */
    scope: text('scope').notNull(),
    /** A digest of what is counted (an address, a learner, a login cookie): no secret or address is stored. */
    key: text('key').notNull(),
    count: integer('count').notNull(),
    /** When this window ends (ms); the next count after it starts a new one. */
    resetsAt: integer('resets_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.scope, t.key] })],
);

/**
 * Recent registrations per address, for the plausibility rule on bursts of
 * new learners from one address (server/integrity), when several processes
 * register learners (UNLOGGED on PostgreSQL, like the windows above). The
 * address is stored as a digest and kept only for the rule's window.
 */
export const recentRegistrations = sqliteTable(
  'recent_registrations',
  {
    addressKey: text('address_key').notNull(),
    learnerId: text('learner_id').notNull(),
    at: integer('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.addressKey, t.learnerId] })],
);
