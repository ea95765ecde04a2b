// POST /sync: a resident's phone sends its learner records (sync protocol v1).
import { Hono, type MiddlewareHandler } from 'hono';
import { syncRequestSchema, type SyncResponse } from '../../shared/api.ts';
import { requireLearner } from '../auth/learner-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { readBody } from '../http/json-body.ts';
import type { RecordPipeline } from '../records/pipeline.ts';

/** perLearner: the learner's request limit, counted only once the secret was checked. */
export function syncRoutes(ctx: AppContext, records: RecordPipeline['learner'], perLearner: MiddlewareHandler<AppEnv>) {
  return new Hono<AppEnv>().post('/', requireLearner(ctx), perLearner, async (c) => {
    const { deviceId, events } = await readBody(c, syncRequestSchema);
    const receivedAt = ctx.now();
    const results = await records.ingest({ by: { id: c.get('learnerId'), deviceId }, records: events, receivedAt });
    const body: SyncResponse = { results, serverTime: new Date(receivedAt).toISOString() };
    return c.json(body);
  });
}
