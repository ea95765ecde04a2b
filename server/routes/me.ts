// A learner's own data, for restoring progress on a new phone.
import { Hono } from 'hono';
import type { z } from 'zod';
import type { myProgressSchema } from '../../shared/api.ts';
import { requireLearner } from '../auth/learner-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { createCompletions } from '../resident/progress.ts';

type MyProgress = z.infer<typeof myProgressSchema>;

export function meRoutes(ctx: AppContext) {
  const completions = createCompletions(ctx.engine);
  return new Hono<AppEnv>().get('/progress', requireLearner(ctx), async (c) => {
    const body: MyProgress = { completions: await completions(c.get('learnerId')) };
    return c.json(body);
  });
}
