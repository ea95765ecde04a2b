// The resident's outbox (learner records), each row tagged with its learner:
// several people can share a phone. The rules are the one outbox's
// (sync/outbox.ts); deletion also happens when the resident withdraws consent
// or deletes a profile before anything was sent (profile-repo.ts).
import type { LearningEvent } from '../../../../shared/events.ts';
import { createOutbox, type Outbox } from '../../sync/outbox.ts';
import type { HvsDatabase, OutboxRow } from './database.ts';

export interface OutboxRepo extends Omit<Outbox<OutboxRow>, 'enqueue'> {
  /** Adds an event under its learner. Called inside a caller's transaction, it joins it. */
  enqueue(event: LearningEvent, now?: number): Promise<void>;
  /** Lessons with at least one event not yet acknowledged (what the user thinks of as "not synced"). */
  countPendingLessons(learnerId?: string): Promise<number>;
}

export function createOutboxRepo(db: HvsDatabase): OutboxRepo {
  const outbox = createOutbox(db.outbox);
  return {
    ...outbox,
    enqueue: (event, now) => outbox.enqueue(event, now, event.learnerId),
    countPendingLessons: async (learnerId) => {
      const lessons = new Set<string>();
      for (const { event } of await outbox.listPending(learnerId)) {
        if ('lessonId' in event && 'courseId' in event) lessons.add(`${event.courseId}/${event.lessonId}`);
      }
      return lessons.size;
    },
  };
}
