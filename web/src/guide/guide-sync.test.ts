// Guide mode syncs like a resident's phone: records wait offline and say so,
// a busy server's Retry-After is honoured, rejected records are counted and
// never resent, and an ended login stops retrying (keeping the queue) until
// the guide logs in again. Driven through guide mode's real API client over
// a stubbed fetch.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { openGuideDatabase, type GuideDatabase } from './db.ts';
import { guideApi } from './guide-api.ts';
import { createGuideRepo } from './guide-repo.ts';
import { createGuideSync, followOutbox } from './guide-sync.ts';

const me = { guideId: 'guide-lan', deviceId: 'guide-phone-0001' };
const dbs: GuideDatabase[] = [];
afterEach(async () => {
  vi.unstubAllGlobals();
  for (const db of dbs.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
});

type Answer = (events: Array<{ id: string }>) => Response;
const accept: Answer = (events) => Response.json({ results: events.map((e) => ({ id: e.id, status: 'accepted' })), serverTime: new Date().toISOString() });

async function setup(answer: Answer, online = true) {
  const db = openGuideDatabase(`guide-sync-${crypto.randomUUID()}`);
  dbs.push(db);
  const repo = createGuideRepo(db);
  const sent: number[] = [];
  let reply = answer;
  vi.stubGlobal('fetch', async (_url: string, init?: RequestInit) => {
    const { events } = JSON.parse(String(init?.body)) as { events: Array<{ id: string }> };
    sent.push(events.length);
    return reply(events);
  });
  const timers: number[] = [];
  const engine = createGuideSync({
    repo,
    api: guideApi,
    deviceId: () => me.deviceId,
    isOnline: () => online,
    random: () => 0.5,
    now: () => 1_000_000,
    setTimer: (_fn, ms) => timers.push(ms),
    clearTimer: () => undefined,
  });
  await repo.createSession(me, { title: 'Buổi 1', groupId: 'tdp-1', place: 'Nhà văn hoá', startsAt: '2025-06-01T02:00:00.000Z', durationMin: 90, courses: ['cyber-safety'] });
  await repo.createHousehold(me, { groupId: 'tdp-1', label: 'Số 12, ngõ 5' });
  return { repo, engine, timers, sent, setAnswer: (a: Answer) => void (reply = a) };
}

describe('guide sync', () => {
  it('sends every waiting record, then says nothing waits and when they were sent', async () => {
    const t = await setup(accept);
    await t.engine.trigger();
    expect(t.sent).toEqual([2]);
    expect(t.engine.getSnapshot()).toMatchObject({ state: 'idle', pending: 0, dead: 0, lastSyncedAt: new Date(1_000_000).toISOString() });
    expect(await t.repo.outbox.listPending()).toHaveLength(0);
  });

  it('offline: keeps the records, says so with the count, and arms a retry', async () => {
    const t = await setup(accept, false);
    await t.engine.trigger();
    expect(t.sent).toEqual([]);
    expect(t.engine.getSnapshot()).toMatchObject({ state: 'offline', pending: 2 });
    expect(t.timers).toHaveLength(1);
  });

  it('a busy server (429): waits, keeps the records and retries no sooner than Retry-After', async () => {
    const t = await setup(() => Response.json({ error: { code: 'rate_limited', message: 'Too many requests' } }, { status: 429, headers: { 'retry-after': '120' } }));
    await t.engine.trigger();
    expect(t.engine.getSnapshot()).toMatchObject({ state: 'waiting', pending: 2, retryAt: 1_000_000 + 120_000 });
    expect(t.timers).toEqual([120_000]);
  });

  it('a server error: backs off, then sends on the next try', async () => {
    const t = await setup(() => Response.json({ error: { code: 'internal', message: 'x' } }, { status: 500 }));
    await t.engine.trigger();
    expect(t.engine.getSnapshot()).toMatchObject({ state: 'error', pending: 2 });
    expect(t.timers).toHaveLength(1);
    t.setAnswer(accept);
    await t.engine.trigger();
    expect(t.engine.getSnapshot()).toMatchObject({ state: 'idle', pending: 0 });
  });

  it('an ended login (401): keeps the queue, stops retrying, and sends after the next login', async () => {
    const t = await setup(() => Response.json({ error: { code: 'unauthorized', message: 'Please log in' } }, { status: 401 }));
    await t.engine.trigger();
    expect(t.engine.getSnapshot()).toMatchObject({ state: 'login-required', pending: 2, retryAt: null });
    expect(t.timers).toEqual([]);
    expect(await t.repo.outbox.listPending()).toHaveLength(2);
    t.setAnswer(accept);
    await t.engine.trigger();
    expect(t.engine.getSnapshot()).toMatchObject({ state: 'idle', pending: 0 });
  });

  it('a refused record is counted, kept and never sent again', async () => {
    const t = await setup((events) =>
      Response.json({ results: events.map((e, i) => (i === 0 ? { id: e.id, status: 'rejected', error: { code: 'forbidden', message: 'no' } } : { id: e.id, status: 'accepted' })), serverTime: '' }),
    );
    await t.engine.trigger();
    expect(t.engine.getSnapshot()).toMatchObject({ state: 'idle', pending: 0, dead: 1 });
    await t.engine.trigger();
    expect(t.sent).toEqual([2]);
  });
});

describe('guide sync seen from another tab', () => {
  it('minor 15: shows nothing waiting once another tab (or a background sync) sent the records, without running itself', async () => {
    const t = await setup(accept);
    // The screen's own engine never runs: it is offline.
    const screen = createGuideSync({ repo: t.repo, api: guideApi, deviceId: () => me.deviceId, isOnline: () => false, setTimer: () => 0, clearTimer: () => undefined });
    const stop = followOutbox(t.repo, screen);
    await vi.waitFor(() => expect(screen.getSnapshot().pending).toBe(2));
    // Another tab opens the same database and sends.
    const otherTab = openGuideDatabase(dbs[0].name);
    dbs.push(otherTab);
    const other = createGuideSync({ repo: createGuideRepo(otherTab), api: guideApi, deviceId: () => me.deviceId, isOnline: () => true, now: () => 2_000_000, setTimer: () => 0, clearTimer: () => undefined });
    await other.trigger();
    await vi.waitFor(() => expect(screen.getSnapshot()).toMatchObject({ pending: 0, lastSyncedAt: new Date(2_000_000).toISOString() }));
    stop();
  });
});
