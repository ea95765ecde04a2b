// What to do with each sent entry once the server has answered. Pure.
//
// The delivery rule of the sync protocol: an entry leaves the outbox only when
// the server acknowledged it ('accepted' or 'duplicate'). A 'rejected' entry
// will never be accepted by resending it, so it is marked dead: kept on the
// phone for display and diagnosis, never sent again. An entry the server did
// not mention (a truncated or buggy answer) stays pending and is retried.
// A 'conflict' (the id is already stored for someone else, so this record is
// not) is never deleted either: the entry stays pending under a new id and is
// sent again, so the learning it records still reaches the ward; after
// MAX_REISSUES new ids it is kept dead instead, with the server's reason.
import type { SyncResult } from '../api.ts';

export interface ResultPlan {
  /** Acknowledged by the server: safe to delete. */
  remove: string[];
  /** Rejected: keep, mark dead, stop resending. */
  dead: { id: string; error: string }[];
  /** Sent but not answered for: keep pending, count a failed attempt. */
  retry: string[];
  /** Conflict: not stored; keep, give the record a new id, send it again. */
  reissue: { id: string; error: string }[];
}

/** New ids an entry may get for conflicts before it is kept dead (a fresh
 * random id never meets a conflict by chance; a server that keeps answering
 * one is not helped by more). */
export const MAX_REISSUES = 3;

export function planResults(sentIds: readonly string[], results: readonly SyncResult[]): ResultPlan {
  const sent = new Set(sentIds);
  const byId = new Map<string, SyncResult>();
  // Only answers about entries we actually sent count; the first answer wins.
  for (const r of results) if (sent.has(r.id) && !byId.has(r.id)) byId.set(r.id, r);

  const plan: ResultPlan = { remove: [], dead: [], retry: [], reissue: [] };
  for (const id of sent) {
    const r = byId.get(id);
    if (!r) plan.retry.push(id);
    else if (r.status === 'accepted' || r.status === 'duplicate') plan.remove.push(id);
    else if (r.status === 'conflict') plan.reissue.push({ id, error: reason(r) });
    else plan.dead.push({ id, error: reason(r) });
  }
  return plan;
}

const reason = (r: SyncResult) => (r.error ? `${r.error.code}: ${r.error.message}` : r.status);
