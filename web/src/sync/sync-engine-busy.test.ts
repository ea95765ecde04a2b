// The ward server's rate limit (429 + Retry-After): the phone keeps the
// learning, says it is waiting (not an error) and tries again no sooner than
// the server asked.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type HvsDatabase } from '../resident/db/database.ts';
import { createIdentityRepo } from '../resident/db/identity-repo.ts';
import { createOutboxRepo } from '../resident/db/outbox-repo.ts';
import { createProgressRepo } from '../resident/db/progress-repo.ts';
import { createApiClient } from '../net/api.ts';
import { createSyncEngine } from './sync-engine.ts';

const dbs: HvsDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

async function setup(answerSync: () => Response) {
  const db = openDatabase(`sync-busy-${dbs.length}-${Math.random()}`);
  dbs.push(db);
  const identity = createIdentityRepo(db);
  const outbox = createOutboxRepo(db);
  const me = await identity.getIdentity();
  await createProgressRepo(db).recordCompleted(me, { courseId: 'c', lessonId: 'l1', contentVersion: 'v1', score: 100, durationSec: 60 });
  const fetch = async (url: string, init?: RequestInit) => {
    const body = init?.body ? JSON.parse(String(init.body)) : null;
    return url.endsWith('/learners') ? Response.json({ id: body.id }, { status: 201 }) : answerSync();
  };
  const timers: number[] = [];
  const engine = createSyncEngine({
    api: createApiClient(fetch),
    identity,
    outbox,
    isOnline: () => true,
    random: () => 0.5,
    now: () => 1_000_000,
    setTimer: (_fn, ms) => timers.push(ms),
    clearTimer: () => undefined,
  });
  return { engine, outbox, timers };
}

const busy = (retryAfter?: string) =>
  Response.json({ error: { code: 'rate_limited', message: 'Too many requests' } }, { status: 429, headers: retryAfter ? { 'retry-after': retryAfter } : {} });

describe('sync engine and the server rate limit', () => {
  it('shows "waiting" (not an error), keeps the lesson and retries after Retry-After', async () => {
    const t = await setup(() => busy('120'));
    await t.engine.trigger();
    expect(t.engine.getSnapshot()).toMatchObject({ state: 'waiting', pending: 1, retryAt: 1_000_000 + 120_000 });
    expect(t.timers).toEqual([120_000]); // the first backoff alone would be ~3.75 s
    expect(await t.outbox.listPending()).toHaveLength(1);
  });

  it('uses its own backoff when a 429 says nothing or asks for less', async () => {
    const t = await setup(() => busy('1'));
    await t.engine.trigger();
    expect(t.engine.getSnapshot().state).toBe('waiting');
    expect(t.timers[0]).toBeGreaterThan(1_000);
    const u = await setup(() => busy());
    await u.engine.trigger();
    expect(u.timers[0]).toBe(t.timers[0]);
  });

  it('still calls a server error an error', async () => {
    const t = await setup(() => Response.json({ error: { code: 'internal', message: 'x' } }, { status: 500, headers: { 'retry-after': '120' } }));
    await t.engine.trigger();
    expect(t.engine.getSnapshot().state).toBe('error');
    expect(t.timers[0]).toBeLessThan(120_000);
  });
});
