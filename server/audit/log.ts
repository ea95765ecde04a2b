// Writes and reads the audit log (table audit_log, see db/schema/audit.ts).
// record() is one prepared INSERT, so it can run inside the transaction of the
// action it describes. Callers pass only non-personal details; as a second
// guard, keys that name secrets are dropped and strings are cut short.
import type { AuditAction, AuditDetails, AuditEntry, AuditPage, AuditQuery } from '../../shared/audit.ts';
import type { Sqlite } from '../db/open.ts';

export interface AuditActor {
  id: string | null;
  username: string;
  role: string;
}

/** The accounts command run on the server itself (no staff login there). */
export const CONSOLE_ACTOR: AuditActor = { id: null, username: '(server console)', role: 'operator' };

export interface AuditTarget {
  type: string;
  id?: string | null;
}

const SECRET_KEY = /pass|secret|token|code|cookie|name|birth|phone/i;
const MAX_STRING = 120;
const MAX_KEYS = 12;

function clean(details: AuditDetails): AuditDetails {
  const out: AuditDetails = {};
  for (const [key, value] of Object.entries(details).slice(0, MAX_KEYS)) {
    if (SECRET_KEY.test(key) && !ALLOWED_KEYS.has(key)) continue;
    out[key] = typeof value === 'string' ? value.slice(0, MAX_STRING) : value;
  }
  return out;
}
/** Keys that match the guard above but hold nothing secret or personal. */
const ALLOWED_KEYS = new Set(['groupName', 'wardName', 'fileName', 'sessionCode']);

interface Row {
  id: number;
  at: number;
  actorId: string | null;
  actorUsername: string;
  actorRole: string;
  action: string;
  targetType: string | null;
  targetId: string | null;
  details: string;
}

export function createAuditLog(sqlite: Sqlite, now: () => number) {
  const insert = sqlite.prepare<[number, string | null, string, string, string, string | null, string | null, string]>(
    `INSERT INTO audit_log (at, actor_id, actor_username, actor_role, action, target_type, target_id, details)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const select = sqlite.prepare<{ actor: string | null; action: string | null; before: number; limit: number }, Row>(
    `SELECT id, at, actor_id AS actorId, actor_username AS actorUsername, actor_role AS actorRole, action,
            target_type AS targetType, target_id AS targetId, details
       FROM audit_log
      WHERE id < @before AND (@actor IS NULL OR actor_username = @actor) AND (@action IS NULL OR action = @action)
      ORDER BY id DESC LIMIT @limit`,
  );

  const toEntry = (r: Row): AuditEntry => ({
    id: r.id,
    at: new Date(r.at).toISOString(),
    actor: { id: r.actorId, username: r.actorUsername, role: r.actorRole },
    action: r.action,
    target: r.targetType ? { type: r.targetType, id: r.targetId } : null,
    details: JSON.parse(r.details) as AuditDetails,
  });

  return {
    record(actor: AuditActor, action: AuditAction, target?: AuditTarget, details: AuditDetails = {}): void {
      insert.run(now(), actor.id, actor.username, actor.role, action, target?.type ?? null, target?.id ?? null, JSON.stringify(clean(details)));
    },
    page(query: AuditQuery): AuditPage {
      const rows = select.all({ actor: query.actor ?? null, action: query.action ?? null, before: query.before ?? Number.MAX_SAFE_INTEGER, limit: query.limit + 1 });
      const entries = rows.slice(0, query.limit).map(toEntry);
      return { entries, nextBefore: rows.length > query.limit ? entries[entries.length - 1].id : null };
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
