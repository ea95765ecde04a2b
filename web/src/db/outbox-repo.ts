// The outbox: learning events waiting for the ward server's acknowledgement.
// Deletion happens only through applyPlan(), i.e. after the server answered.
import type { LearningEvent } from '../../../shared/events.ts';
import type { ResultPlan } from '../../../shared/sync/results.ts';
import type { HvsDatabase, OutboxRow } from './database.ts';

export interface OutboxRepo {
  /** Adds an event. Called inside a caller's transaction, it joins it. */
  enqueue(event: LearningEvent, now?: number): Promise<void>;
  listPending(): Promise<OutboxRow[]>;
  listDead(): Promise<OutboxRow[]>;
  /** Lessons with at least one event not yet acknowledged (what the user thinks of as "not synced"). */
  countPendingLessons(): Promise<number>;
  /** Applies the server's answer: delete acknowledged, mark rejected dead, count a failed attempt for the rest. */
  applyPlan(plan: ResultPlan): Promise<void>;
  /** A send failed as a whole (network, 5xx): keep everything, count the attempt. */
  recordFailure(ids: readonly string[], error: string): Promise<void>;
}

export function createOutboxRepo(db: HvsDatabase): OutboxRepo {
  const bump = async (ids: readonly string[], error: string) => {
    for (const id of ids) {
      await db.outbox
        .where('id')
        .equals(id)
        .modify((row) => {
          row.attempts += 1;
          row.lastError = error;
        });
    }
  };

  return {
    enqueue: async (event, now = Date.now()) => {
      await db.outbox.add({ id: event.id, event, createdAt: now, attempts: 0, state: 'pending', lastError: null });
    },
    listPending: () => db.outbox.where('state').equals('pending').sortBy('createdAt'),
    listDead: () => db.outbox.where('state').equals('dead').sortBy('createdAt'),
    countPendingLessons: async () => {
      const rows = await db.outbox.where('state').equals('pending').toArray();
      return new Set(rows.map((r) => `${r.event.courseId}/${r.event.lessonId}`)).size;
    },
    applyPlan: (plan) =>
      db.transaction('rw', db.outbox, async () => {
        await db.outbox.bulkDelete(plan.remove);
        for (const { id, error } of plan.dead) await db.outbox.update(id, { state: 'dead', lastError: error });
        await bump(plan.retry, 'not acknowledged by the server');
      }),
    recordFailure: (ids, error) => db.transaction('rw', db.outbox, () => bump(ids, error)),
  };
}
