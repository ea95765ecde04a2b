// A learner's own data, for restoring progress on a new phone.
import { Hono } from 'hono';
import type { z } from 'zod';
import type { myProgressSchema } from '../../shared/api.ts';
import { requireLearner } from '../auth/learner-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';

type MyProgress = z.infer<typeof myProgressSchema>;

export function meRoutes(ctx: AppContext) {
  const completions = ctx.sqlite.prepare<[string], MyProgress['completions'][number]>(
    `SELECT course_id AS courseId, lesson_id AS lessonId, score, json_extract(payload, '$.occurredAt') AS occurredAt
       FROM events WHERE learner_id = ? AND type = 'lesson.completed' ORDER BY effective_at, id`,
  );
  return new Hono<AppEnv>().get('/progress', requireLearner(ctx), (c) => {
    const body: MyProgress = { completions: completions.all(c.get('learnerId')) };
    return c.json(body);
  });
}
