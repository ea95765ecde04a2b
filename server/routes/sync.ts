import { Hono } from 'hono';
import { syncRequestSchema, type SyncResponse } from '../../shared/api.ts';
import { requireLearner } from '../auth/learner-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { readBody } from '../http/json-body.ts';
import { combineHooks, createIngest, type IngestHooks } from '../sync/ingest.ts';
import { createGroupCommit } from '../sync/group-commit.ts';
import { createCheckinHooks } from '../guide/checkins.ts';
import type { SyncExtension } from '../resident/index.ts';

export function syncRoutes(ctx: AppContext, resident?: SyncExtension, stats?: IngestHooks) {
  const ingest = createGroupCommit(ctx.sqlite, createIngest(ctx.sqlite, combineHooks(resident?.hooks, createCheckinHooks(ctx.sqlite), stats)));
  return new Hono<AppEnv>().post('/', requireLearner(ctx), async (c) => {
    const { deviceId, events } = await readBody(c, syncRequestSchema);
    const receivedAt = ctx.now();
    const results = await ingest({ learnerId: c.get('learnerId'), deviceId, events, receivedAt });
    resident?.afterCommit(c.get('learnerId'), events, results);
    const body: SyncResponse = { results, serverTime: new Date(receivedAt).toISOString() };
    return c.json(body);
  });
}
