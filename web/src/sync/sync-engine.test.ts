import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type HvsDatabase } from '../resident/db/database.ts';
import { createIdentityRepo } from '../resident/db/identity-repo.ts';
import { createOutboxRepo } from '../resident/db/outbox-repo.ts';
import { createProgressRepo } from '../resident/db/progress-repo.ts';
import { createApiClient } from '../net/api.ts';
import { createSyncEngine, type SyncSnapshot } from './sync-engine.ts';
import type { SyncResult } from '../../../shared/api.ts';
import { MAX_REISSUES } from '../../../shared/sync/results.ts';

let n = 0;
const dbs: HvsDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

type Answer = (events: { id: string }[]) => SyncResult[] | 'network-down' | number;

/** A fake ward server behind a fake fetch: records what it was sent. */
function fakeServer(answer: Answer) {
  const calls: { url: string; body: any; auth: string | null }[] = [];
  const fetch = async (url: string, init?: RequestInit) => {
    const body = init?.body ? JSON.parse(String(init.body)) : null;
    calls.push({ url, body, auth: new Headers(init?.headers).get('authorization') });
    if (url.endsWith('/learners')) return Response.json({ id: body.id }, { status: 201 });
    const a = answer(body.events);
    if (a === 'network-down') throw new TypeError('Failed to fetch');
    if (typeof a === 'number') return Response.json({ error: { code: 'oops', message: 'server error' } }, { status: a });
    return Response.json({ results: a, serverTime: new Date().toISOString() });
  };
  return { fetch, calls, syncCalls: () => calls.filter((c) => c.url.endsWith('/sync')) };
}

async function setup(answer: Answer, lessons = 3) {
  const db = openDatabase(`sync-test-${n++}`);
  dbs.push(db);
  const identity = createIdentityRepo(db);
  const outbox = createOutboxRepo(db);
  const me = await identity.getIdentity();
  const progress = createProgressRepo(db);
  for (let i = 0; i < lessons; i++) {
    await progress.recordCompleted(me, { courseId: 'c', lessonId: `l${i}`, contentVersion: 'v1', score: 100, durationSec: 60 });
  }
  const server = fakeServer(answer);
  const timers: number[] = [];
  const snapshots: SyncSnapshot[] = [];
  const engine = createSyncEngine({
    api: createApiClient(server.fetch),
    identity,
    outbox,
    isOnline: () => true,
    random: () => 0.5,
    setTimer: (_fn, ms) => timers.push(ms),
    clearTimer: () => undefined,
    onChange: (s) => snapshots.push(s),
  });
  return { db, me, identity, outbox, engine, server, timers, snapshots };
}

describe('sync engine', () => {
  it('registers first, then deletes accepted and duplicate events and keeps a rejected one without resending it', async () => {
    const statuses: SyncResult['status'][] = ['accepted', 'duplicate', 'rejected'];
    const t = await setup((events) =>
      events.map((e, i) => ({ id: e.id, status: statuses[i], ...(statuses[i] === 'rejected' ? { error: { code: 'invalid', message: 'bad score' } } : {}) })),
    );
    await t.engine.trigger();

    expect(t.server.calls[0].url).toBe('/api/v1/learners');
    expect(t.server.calls[0].body).toEqual({ id: t.me.learnerId, secret: t.me.secret });
    const [sync] = t.server.syncCalls();
    expect(sync.auth).toBe(`Bearer ${t.me.learnerId}.${t.me.secret}`);
    expect(sync.body.deviceId).toBe(t.me.deviceId);
    expect(sync.body.events).toHaveLength(3);

    expect(await t.outbox.listPending()).toHaveLength(0);
    const dead = await t.outbox.listDead();
    expect(dead).toHaveLength(1);
    expect(dead[0].lastError).toBe('invalid: bad score');
    expect(t.engine.getSnapshot()).toMatchObject({ state: 'idle', pending: 0, dead: 1 });
    expect(t.engine.getSnapshot().lastSyncedAt).not.toBeNull();

    // A second run neither registers again nor resends the rejected event.
    await t.engine.trigger();
    expect(t.server.calls.filter((c) => c.url.endsWith('/learners'))).toHaveLength(1);
    expect(t.server.syncCalls()).toHaveLength(1);
  });

  it('never deletes a conflict: resends it under a new id, and keeps it dead if the server keeps answering conflict', async () => {
    const t = await setup((events) => events.map((e) => ({ id: e.id, status: 'conflict', error: { code: 'id_conflict', message: 'not stored' } })), 1);
    const [first] = await t.outbox.listPending();
    await t.engine.trigger();
    const sent = t.server.syncCalls().map((c) => c.body.events[0]);
    expect(sent).toHaveLength(MAX_REISSUES + 1);
    expect(new Set(sent.map((e) => e.id)).size).toBe(MAX_REISSUES + 1);
    // The same record each time, only its id changed.
    for (const e of sent) expect({ ...e, id: first.id }).toEqual(first.event);
    const dead = await t.outbox.listDead();
    expect(dead).toHaveLength(1);
    expect(dead[0].lastError).toBe('id_conflict: not stored');
    expect(t.engine.getSnapshot()).toMatchObject({ pending: 0, dead: 1 });
  });

  it('keeps everything and schedules a growing backoff when the network is down', async () => {
    const t = await setup(() => 'network-down');
    await t.engine.trigger();
    const pending = await t.outbox.listPending();
    expect(pending).toHaveLength(3);
    expect(pending.every((r) => r.attempts === 1 && r.lastError?.includes('Failed to fetch'))).toBe(true);
    expect(t.engine.getSnapshot()).toMatchObject({ state: 'offline', pending: 3 });
    expect(t.engine.getSnapshot().lastSyncedAt).toBeNull();

    await t.engine.trigger();
    expect(t.timers).toHaveLength(2);
    expect(t.timers[1]).toBeGreaterThan(t.timers[0]);
  });

  it('keeps everything and reports an error when the server fails', async () => {
    const t = await setup(() => 503);
    await t.engine.trigger();
    expect(await t.outbox.listPending()).toHaveLength(3);
    expect(t.engine.getSnapshot().state).toBe('error');
    expect(t.timers).toHaveLength(1);
  });

  it('drains a large outbox in bounded batches', async () => {
    const t = await setup((events) => events.map((e) => ({ id: e.id, status: 'accepted' })), 0);
    const progress = createProgressRepo(t.db);
    for (let i = 0; i < 230; i++) await progress.recordStarted(t.me, { courseId: 'c', lessonId: `l${i}` });
    await t.engine.trigger();
    expect(t.server.syncCalls().map((c) => c.body.events.length)).toEqual([100, 100, 30]);
    expect(await t.db.outbox.count()).toBe(0);
  });

  it('never runs twice at once; a trigger during a run causes one more run', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let inFlight = 0;
    let maxInFlight = 0;
    const t = await setup(() => [], 1);
    const slowFetch = t.server.fetch;
    const engine = createSyncEngine({
      api: createApiClient(async (url, init) => {
        inFlight++;
        maxInFlight = Math.max(maxInFlight, inFlight);
        await gate;
        inFlight--;
        return slowFetch(url, init);
      }),
      identity: t.identity,
      outbox: t.outbox,
      isOnline: () => true,
      setTimer: () => 0,
      clearTimer: () => undefined,
    });
    const a = engine.trigger();
    const b = engine.trigger();
    const c = engine.trigger();
    release();
    await Promise.all([a, b, c]);
    expect(maxInFlight).toBe(1);
  });

  it('does not contact the server when there is nothing to send', async () => {
    const t = await setup(() => [], 0);
    await t.engine.trigger();
    expect(t.server.calls).toHaveLength(0);
    expect(t.engine.getSnapshot()).toMatchObject({ state: 'idle', pending: 0, lastSyncedAt: null });
  });

  it('does not try while the phone is offline and says so', async () => {
    const t = await setup(() => [], 2);
    const engine = createSyncEngine({ api: createApiClient(t.server.fetch), identity: t.identity, outbox: t.outbox, isOnline: () => false });
    await engine.trigger();
    expect(t.server.calls).toHaveLength(0);
    expect(engine.getSnapshot()).toMatchObject({ state: 'offline', pending: 2 });
  });
});
