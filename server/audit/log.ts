// Writes and reads the audit log (table audit_log, see db/schema/audit.ts) on
// the engine. record() is one prepared INSERT; awaited inside the engine
// transaction of the action it describes, it is part of that transaction. Callers pass only non-personal details; as a second
// guard, keys that name secrets are dropped and strings are cut short.
import type { AuditAction, AuditDetails, AuditEntry, AuditPage, AuditQuery } from '../../shared/audit.ts';
import { and, desc, eq, lt } from 'drizzle-orm';
import { prepared, type Engine } from '../db/engine/engine.ts';
import { placeholders } from '../db/placeholders.ts';
import { auditLog } from '../db/schema/index.ts';

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

type Row = typeof auditLog.$inferSelect;
type NewRow = Required<Omit<typeof auditLog.$inferInsert, 'id'>>;

export function createAuditLog(engine: Engine, now: () => number) {
  // Prepared once: guide actions are recorded for every synced guide record.
  const insert = prepared((b) =>
    b.insert(auditLog).values(placeholders<NewRow>(['at', 'actorId', 'actorUsername', 'actorRole', 'action', 'targetType', 'targetId', 'details'])),
  );
  const select = (q: { actor?: string; action?: string; before: number; limit: number }): Promise<Row[]> =>
    engine.db
      .select()
      .from(auditLog)
      .where(and(lt(auditLog.id, q.before), q.actor === undefined ? undefined : eq(auditLog.actorUsername, q.actor), q.action === undefined ? undefined : eq(auditLog.action, q.action)))
      .orderBy(desc(auditLog.id))
      .limit(q.limit);

  const toEntry = (r: Row): AuditEntry => ({
    id: r.id,
    at: new Date(r.at).toISOString(),
    actor: { id: r.actorId, username: r.actorUsername, role: r.actorRole },
    action: r.action,
    target: r.targetType ? { type: r.targetType, id: r.targetId } : null,
    details: JSON.parse(r.details) as AuditDetails,
  });

  return {
    async record(actor: AuditActor, action: AuditAction, target?: AuditTarget, details: AuditDetails = {}): Promise<void> {
      await engine.runPrepared(insert, {
        at: now(),
        actorId: actor.id,
        actorUsername: actor.username,
        actorRole: actor.role,
        action,
        targetType: target?.type ?? null,
        targetId: target?.id ?? null,
        details: JSON.stringify(clean(details)),
      } satisfies NewRow);
    },
    async page(query: AuditQuery): Promise<AuditPage> {
      const rows = await select({ actor: query.actor, action: query.action, before: query.before ?? Number.MAX_SAFE_INTEGER, limit: query.limit + 1 });
      const entries = rows.slice(0, query.limit).map(toEntry);
      return { entries, nextBefore: rows.length > query.limit ? entries[entries.length - 1].id : null };
    },
  };
}

export type AuditLog = ReturnType<typeof createAuditLog>;
