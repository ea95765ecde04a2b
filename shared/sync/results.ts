// What to do with each sent entry once the server has answered. Pure.
//
// The delivery rule of the sync protocol: an entry leaves the outbox only when
// the server acknowledged it ('accepted' or 'duplicate'). A 'rejected' entry
// will never be accepted by resending it, so it is marked dead: kept on the
// phone for display and diagnosis, never sent again. An entry the server did
// not mention (a truncated or buggy answer) stays pending and is retried.
import type { SyncResult } from '../api.ts';

export interface ResultPlan {
  /** Acknowledged by the server: safe to delete. */
  remove: string[];
  /** Rejected: keep, mark dead, stop resending. */
  dead: { id: string; error: string }[];
  /** Sent but not answered for: keep pending, count a failed attempt. */
  retry: string[];
}

export function planResults(sentIds: readonly string[], results: readonly SyncResult[]): ResultPlan {
  const sent = new Set(sentIds);
  const byId = new Map<string, SyncResult>();
  // Only answers about entries we actually sent count; the first answer wins.
  for (const r of results) if (sent.has(r.id) && !byId.has(r.id)) byId.set(r.id, r);

  const plan: ResultPlan = { remove: [], dead: [], retry: [] };
  for (const id of sent) {
    const r = byId.get(id);
    if (!r) plan.retry.push(id);
    else if (r.status === 'accepted' || r.status === 'duplicate') plan.remove.push(id);
    else plan.dead.push({ id, error: r.error ? `${r.error.code}: ${r.error.message}` : 'rejected' });
  }
  return plan;
}
