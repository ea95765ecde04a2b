// The outbox: events waiting for the ward server's acknowledgement, each
// tagged with its learner (several people can share a phone). Deletion
// happens only through applyPlan(), i.e. after the server answered — or when
// the resident withdraws consent or deletes a profile before anything was sent.
import type { LearningEvent } from '../../../shared/events.ts';
import type { ResultPlan } from '../../../shared/sync/results.ts';
import type { HvsDatabase, OutboxRow } from './database.ts';

export interface OutboxRepo {
  /** Adds an event. Called inside a caller's transaction, it joins it. */
  enqueue(event: LearningEvent, now?: number): Promise<void>;
  /** Pending events, oldest first; of one learner when given. */
  listPending(learnerId?: string): Promise<OutboxRow[]>;
  listDead(learnerId?: string): Promise<OutboxRow[]>;
  /** Lessons with at least one event not yet acknowledged (what the user thinks of as "not synced"). */
  countPendingLessons(learnerId?: string): Promise<number>;
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
  const inState = (state: OutboxRow['state'], learnerId?: string) =>
    db.outbox
      .where('state')
      .equals(state)
      .filter((r) => learnerId === undefined || r.learnerId === learnerId)
      .sortBy('createdAt');

  return {
    enqueue: async (event, now = Date.now()) => {
      await db.outbox.add({ id: event.id, event, learnerId: event.learnerId, createdAt: now, attempts: 0, state: 'pending', lastError: null });
    },
    listPending: (learnerId) => inState('pending', learnerId),
    listDead: (learnerId) => inState('dead', learnerId),
    countPendingLessons: async (learnerId) => {
      const lessons = new Set<string>();
      for (const { event } of await inState('pending', learnerId)) {
        if ('lessonId' in event && 'courseId' in event) lessons.add(`${event.courseId}/${event.lessonId}`);
      }
      return lessons.size;
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
