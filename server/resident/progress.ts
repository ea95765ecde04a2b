// A learner's lesson completions as a phone restores them: GET /me/progress
// and the answer to a redeemed recovery code. occurredAt is the phone's own
// time as it sent it, read back from the stored record.
import { and, asc, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { myProgressSchema } from '../../shared/api.ts';
import type { Engine } from '../db/engine/engine.ts';
import { events } from '../db/schema/index.ts';

export type Completion = z.infer<typeof myProgressSchema>['completions'][number];

export function createCompletions(engine: Engine): (learnerId: string) => Promise<Completion[]> {
  // courseId, lessonId and score are set on every completion.
  const rows = engine.db
    .select({ courseId: sql<string>`${events.courseId}`, lessonId: sql<string>`${events.lessonId}`, score: sql<number>`${events.score}`, payload: events.payload })
    .from(events)
    .where(and(eq(events.learnerId, sql.placeholder('learnerId')), eq(events.type, 'lesson.completed')))
    .orderBy(asc(events.effectiveAt), asc(events.id))
    .prepare();
  return async (learnerId) =>
    (await rows.all({ learnerId })).map(({ payload, ...c }) => ({ ...c, occurredAt: (JSON.parse(payload) as { occurredAt: string }).occurredAt }));
}
