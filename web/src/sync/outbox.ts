// The outbox: records waiting for the ward server's acknowledgement, one
// IndexedDB table per record family (resident: "hoc-vu-so".outbox, see
// db/database.ts; guide: "hvs-guide".outbox, see guide/db.ts), both kept by
// this one module. A row leaves only through applyPlan(), i.e. after the
// server answered 'accepted' or 'duplicate'; a 'rejected' row is kept as
// 'dead' with the reason and never resent. A 'conflict' row (its id is
// already stored for another recorder) stays pending under a new id, in the
// same place in the queue. Rows may name who recorded them
// (several learners share a phone), so each sends under its own credentials.
import type { InsertType, Table } from 'dexie';
import { uuidv7 } from '../../../shared/ids.ts';
import type { OutboxItem } from '../../../shared/sync/batch.ts';
import { MAX_REISSUES, type ResultPlan } from '../../../shared/sync/results.ts';

export interface OutboxRowOf<E> extends OutboxItem {
  event: E;
  lastError: string | null;
  /** Who recorded it, when the table holds several recorders' records (learner profiles). */
  learnerId?: string;
  /** How many new ids the record was given after conflicts. */
  reissued?: number;
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
        for (const { id, error } of plan.reissue) {
          const row = await table.get(id);
          if (!row) continue;
          const reissued = (row.reissued ?? 0) + 1;
          if (reissued > MAX_REISSUES) {
            await table
              .where('id')
              .equals(id)
              .modify((r) => {
                r.state = 'dead';
                r.lastError = error;
              });
            continue;
          }
          const newId = uuidv7();
          await table.delete(id);
          await table.add({ ...row, id: newId, event: { ...row.event, id: newId }, lastError: error, reissued } as R);
        }
      }),
    recordFailure: (ids, error) => db.transaction('rw', table, () => bump(ids, error)),
  };
}
