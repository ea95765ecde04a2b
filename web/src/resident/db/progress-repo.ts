// Lesson progress. Each change writes the progress row and its learning event
// into the outbox in ONE transaction: either both are on the phone or neither.
import { newEvent } from '../../../../shared/events/new-event.ts';
import type { HvsDatabase, ProgressRow } from './database.ts';
import { createOutboxRepo } from './outbox-repo.ts';
import type { Identity } from './identity-repo.ts';

export interface LessonRef {
  courseId: string;
  lessonId: string;
}

export interface Completion extends LessonRef {
  contentVersion: string;
  score: number;
  durationSec: number;
}

export interface ProgressRepo {
  listProgress(learnerId: string): Promise<ProgressRow[]>;
  /** Records `lesson.started` the first time a lesson is opened; later openings change nothing. Returns the row. */
  recordStarted(identity: Identity, lesson: LessonRef, now?: Date): Promise<ProgressRow>;
  /** Marks the lesson completed and queues `lesson.completed`. Returns the new row. */
  recordCompleted(identity: Identity, completion: Completion, now?: Date): Promise<ProgressRow>;
}

const clampInt = (n: number, min: number, max: number) => Math.min(max, Math.max(min, Math.round(n)));

export function createProgressRepo(db: HvsDatabase): ProgressRepo {
  const outbox = createOutboxRepo(db);
  return {
    listProgress: (learnerId) => db.progress.where('learnerId').equals(learnerId).toArray(),

    recordStarted: (identity, { courseId, lessonId }, now = new Date()) =>
      db.transaction('rw', db.progress, db.outbox, async () => {
        const existing = await db.progress.get([identity.learnerId, courseId, lessonId]);
        if (existing) return existing;
        const row: ProgressRow = {
          learnerId: identity.learnerId,
          courseId,
          lessonId,
          status: 'started',
          score: null,
          completedAt: null,
          startedAt: now.toISOString(),
        };
        const event = newEvent(identity, { type: 'lesson.started', courseId, lessonId }, now.getTime());
        await db.progress.put(row);
        await outbox.enqueue(event, now.getTime());
        return row;
      }),

    recordCompleted: (identity, c, now = new Date()) =>
      db.transaction('rw', db.progress, db.outbox, async () => {
        const existing = await db.progress.get([identity.learnerId, c.courseId, c.lessonId]);
        const score = clampInt(c.score, 0, 100);
        const row: ProgressRow = {
          learnerId: identity.learnerId,
          courseId: c.courseId,
          lessonId: c.lessonId,
          status: 'completed',
          // Redoing a lesson never lowers what the home screen shows.
          score: Math.max(score, existing?.score ?? 0),
          completedAt: now.toISOString(),
          startedAt: existing?.startedAt ?? now.toISOString(),
        };
        // Every completion is its own fact for the ward's statistics.
        const event = newEvent(
          identity,
          { type: 'lesson.completed', courseId: c.courseId, lessonId: c.lessonId, contentVersion: c.contentVersion, score, durationSec: clampInt(c.durationSec, 0, 86_400) },
          now.getTime(),
        );
        await db.progress.put(row);
        await outbox.enqueue(event, now.getTime());
        return row;
      }),
  };
}
