import { Hono } from 'hono';
import { syncRequestSchema, type SyncResponse } from '../../shared/api.ts';
import { requireLearner } from '../auth/learner-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { readBody } from '../http/json-body.ts';
import { createIngest } from '../sync/ingest.ts';

export function syncRoutes(ctx: AppContext) {
  const ingest = createIngest(ctx.sqlite);
  return new Hono<AppEnv>().post('/', requireLearner(ctx), async (c) => {
    const { deviceId, events } = await readBody(c, syncRequestSchema);
    const receivedAt = ctx.now();
    const results = ingest({ learnerId: c.get('learnerId'), deviceId, events, receivedAt });
    const body: SyncResponse = { results, serverTime: new Date(receivedAt).toISOString() };
    return c.json(body);
  });
}
