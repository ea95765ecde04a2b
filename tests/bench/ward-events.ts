// What a ward's phones send, for the ingest benches: each learner works
// through the bench catalog's courses in order (lesson.started, then
// lesson.completed with a score), a few lessons a day over the last weeks,
// and each phone sends its own learner's outbox in batches of 100. Ids are
// time-ordered (UUID v7, as phones make them) in the order events are made.
import { BENCH_CATALOG } from './dashboard.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { LearningEvent } from '../../shared/events.ts';

export const BATCH = 100;
const DAY_MS = 86_400_000;
const LESSONS = BENCH_CATALOG.courses.flatMap((c) => c.lessons.map((l) => ({ courseId: c.id, lessonId: l.id })));

let clock = Date.now() - 60_000;

/** `n` events of one learner on one device, oldest first, starting `daysAgo` days back. */
export function learnerEvents(learnerId: string, deviceId: string, n: number, daysAgo = 30, seed = 0): LearningEvent[] {
  const events: LearningEvent[] = [];
  const start = Date.now() - daysAgo * DAY_MS;
  for (let i = 0; i < n; i++) {
    const step = Math.floor(i / 2);
    const lesson = LESSONS[(step + seed) % LESSONS.length];
    // About six lessons a day, an hour apart, in the morning or the evening.
    const at = new Date(start + Math.floor(step / 6) * DAY_MS + (step % 6) * 3_600_000 + (i % 2) * 600_000).toISOString();
    const envelope = { id: uuidv7(clock++), learnerId, deviceId, occurredAt: at, courseId: lesson.courseId, lessonId: lesson.lessonId };
    events.push(
      i % 2 === 0
        ? { ...envelope, type: 'lesson.started' }
        : { ...envelope, type: 'lesson.completed', contentVersion: 'bench-1', score: 60 + ((i * 7) % 41), durationSec: 240 + (i % 300) },
    );
  }
  return events;
}

/** Splits a learner's events into the batches the phone sends. */
export function batchesOf<T>(items: T[], size = BATCH): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
