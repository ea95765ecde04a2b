// The audit log: who (staff user id, username and role at the time), did what
// (an action name, its target and a few non-personal details) and when
// (server time). Rows are only ever appended; admins read them newest first.
// It never holds passwords, tokens, recovery codes or residents' personal
// fields (names, birth years, learner ids), so erasing a resident never needs
// to touch it.
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const auditLog = sqliteTable(
  'audit_log',
  {
    /** Increasing: the page cursor, and the order entries were written in. */
    id: integer('id').primaryKey({ autoIncrement: true }),
    at: integer('at').notNull(),
    /** Null for the accounts command on the server (there is no staff login there). */
    actorId: text('actor_id'),
    actorUsername: text('actor_username').notNull(),
    actorRole: text('actor_role').notNull(),
    action: text('action').notNull(),
    targetType: text('target_type'),
    targetId: text('target_id'),
    /** Small JSON object of non-personal facts (counts, ids of groups, course ids). */
    details: text('details').notNull().default('{}'),
  },
  (t) => [index('audit_log_actor_idx').on(t.actorUsername, t.id), index('audit_log_action_idx').on(t.action, t.id)],
);
