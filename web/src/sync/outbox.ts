// The outbox: records waiting for the ward server's acknowledgement, one
// IndexedDB table per record family (resident: "hoc-vu-so".outbox, see
// db/database.ts; guide: "hvs-guide".outbox, see guide/db.ts), both kept by
// this one module. A row leaves only through applyPlan(), i.e. after the
// server answered 'accepted' or 'duplicate'; a 'rejected' row is kept as
// 'dead' with the reason and never resent. Rows may name who recorded them
// (several learners share a phone), so each sends under its own credentials.
import type { InsertType, Table } from 'dexie';
import type { OutboxItem } from '../../../shared/sync/batch.ts';
import type { ResultPlan } from '../../../shared/sync/results.ts';

export interface OutboxRowOf<E> extends OutboxItem {
  event: E;
  lastError: string | null;
  /** Who recorded it, when the table holds several recorders' records (learner profiles). */
  learnerId?: string;
}

export interface Outbox<R extends OutboxRowOf<{ id: string }>> {
  /** Adds a record. Called inside a caller's transaction, it joins it. */
  enqueue(event: R['event'], now?: number, recorder?: string): Promise<void>;
  /** Pending records, oldest first; of one recorder when given. */
  listPending(recorder?: string): Promise<R[]>;
  listDead(recorder?: string): Promise<R[]>;
  /** Applies the server's answer: delete acknowledged, mark rejected dead, count a failed attempt for the rest. */
  applyPlan(plan: ResultPlan): Promise<void>;
  /** A send failed as a whole (network, 5xx): keep everything, count the attempt. */
  recordFailure(ids: readonly string[], error: string): Promise<void>;
}

export function createOutbox<R extends OutboxRowOf<{ id: string }>>(table: Table<R, string, InsertType<R, 'id'>>): Outbox<R> {
  const db = table.db;
  const bump = async (ids: readonly string[], error: string) => {
    for (const id of ids) {
      await table
        .where('id')
        .equals(id)
        .modify((row) => {
          row.attempts += 1;
          row.lastError = error;
        });
    }
  };
  const inState = (state: OutboxItem['state'], recorder?: string) =>
    table
      .where('state')
      .equals(state)
      .filter((r) => recorder === undefined || r.learnerId === recorder)
      .sortBy('createdAt');

  return {
    enqueue: async (event, now = Date.now(), recorder) => {
      const row: OutboxRowOf<R['event']> = { id: event.id, event, createdAt: now, attempts: 0, state: 'pending', lastError: null };
      if (recorder !== undefined) row.learnerId = recorder;
      await table.add(row as R);
    },
    listPending: (recorder) => inState('pending', recorder),
    listDead: (recorder) => inState('dead', recorder),
    applyPlan: (plan) =>
      db.transaction('rw', table, async () => {
        await table.bulkDelete(plan.remove);
        for (const { id, error } of plan.dead) {
          await table
            .where('id')
            .equals(id)
            .modify((row) => {
              row.state = 'dead';
              row.lastError = error;
            });
        }
        await bump(plan.retry, 'not acknowledged by the server');
      }),
    recordFailure: (ids, error) => db.transaction('rw', table, () => bump(ids, error)),
  };
}
