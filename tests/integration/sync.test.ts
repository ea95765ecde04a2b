import { sql } from 'drizzle-orm';
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newSecret, uuidv7 } from '../../shared/ids.ts';
import { createApiClient } from '../../web/src/net/api.ts';
import { openDatabase } from '../../web/src/resident/db/database.ts';
import { createIdentityRepo } from '../../web/src/resident/db/identity-repo.ts';
import { createOutboxRepo } from '../../web/src/resident/db/outbox-repo.ts';
import { createProgressRepo } from '../../web/src/resident/db/progress-repo.ts';
import { createSyncEngine } from '../../web/src/sync/sync-engine.ts';
import { completion, DEVICE_ID, ORIGIN, registerLearner, setupTestApp, started, type TestApp } from './helpers.ts';
import { createGuide, guideSyncResults, sessionCreated } from './guide-support.ts';

let t: TestApp;
let learner: Awaited<ReturnType<typeof registerLearner>>;
beforeEach(async () => {
  t = setupTestApp();
  learner = await registerLearner(t);
});
afterEach(() => t.close());

const sync = (events: unknown[], headers = learner.auth) => t.postJson('/api/v1/sync', { deviceId: DEVICE_ID, events }, headers);

describe('POST /api/v1/sync', () => {
  it('accepts valid events, stores them and records the device sync time', async () => {
    const events = [started(learner.id), completion(learner.id, { score: 95 })];
    const res = await sync(events);
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.results).toEqual(events.map((e) => ({ id: e.id, status: 'accepted' })));
    expect(body.serverTime).toBe(new Date(t.clock.now).toISOString());
    const row = await t.engine.get(sql`SELECT type, learner_id, course_id, lesson_id, score, received_at, payload FROM events WHERE id = ${events[1].id}`) as Record<string, unknown>;
    expect(row).toMatchObject({ type: 'lesson.completed', learner_id: learner.id, course_id: 'cyber-safety', score: 95, received_at: t.clock.now });
    expect(JSON.parse(row.payload as string)).toEqual(events[1]);
    expect(await t.engine.get(sql`SELECT last_sync_at FROM devices WHERE id = ${DEVICE_ID} AND learner_id = ${learner.id}`)).toEqual({ last_sync_at: t.clock.now });
  });

  it('reports accepted, duplicate and rejected in one batch, in request order', async () => {
    const old = completion(learner.id);
    await sync([old]);
    const fresh = completion(learner.id, { lessonId: 'two-step-login' });
    const bad = completion(learner.id, { score: 101 });
    const res = await sync([fresh, old, bad]);
    const { results } = await res.json();
    expect(results.map((r: { id: string; status: string }) => [r.id, r.status])).toEqual([
      [fresh.id, 'accepted'],
      [old.id, 'duplicate'],
      [bad.id, 'rejected'],
    ]);
    expect(results[2].error).toEqual({ code: 'invalid_event', message: expect.stringContaining('score') });
    expect(await t.count('events')).toBe(2);
  });

  it('makes no second row when the same batch is sent twice', async () => {
    const batch = [started(learner.id), completion(learner.id), completion(learner.id, { lessonId: 'phishing' })];
    const first = await (await sync(batch)).json();
    expect(first.results.every((r: { status: string }) => r.status === 'accepted')).toBe(true);
    expect(await t.count('events')).toBe(3);
    const second = await (await sync(batch)).json();
    expect(second.results).toEqual(batch.map((e) => ({ id: e.id, status: 'duplicate' })));
    expect(await t.count('events')).toBe(3);
  });

  it('treats a repeated id inside one batch as a duplicate', async () => {
    const event = completion(learner.id);
    const { results } = await (await sync([event, event])).json();
    expect(results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'duplicate']);
    expect(await t.count('events')).toBe(1);
  });

  it('does not let one bad event block the rest', async () => {
    const good1 = completion(learner.id);
    const good2 = started(learner.id);
    const { results } = await (await sync([good1, { type: 'lesson.completed', id: 'nope' }, 42, null, { ...good2 }])).json();
    expect(results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'rejected', 'rejected', 'rejected', 'accepted']);
    // Items without a usable string id still get a result, with an empty id.
    expect(results[1].id).toBe('nope');
    expect(results[2].id).toBe('');
    expect(results[3].id).toBe('');
    expect(await t.count('events')).toBe(2);
  });

  it('rejects an unknown event type with its own code', async () => {
    const event = { ...started(learner.id), type: 'lesson.deleted' };
    const { results } = await (await sync([event])).json();
    expect(results[0]).toMatchObject({ id: event.id, status: 'rejected', error: { code: 'unknown_type' } });
    expect(await t.count('events')).toBe(0);
  });

  it("rejects an event that belongs to another learner (forbidden), even a registered one", async () => {
    const other = await registerLearner(t);
    const theirs = completion(other.id);
    const mine = completion(learner.id);
    const { results } = await (await sync([theirs, mine])).json();
    expect(results[0]).toMatchObject({ id: theirs.id, status: 'rejected', error: { code: 'forbidden' } });
    expect(results[1]).toEqual({ id: mine.id, status: 'accepted' });
    expect(await t.engine.all(sql`SELECT learner_id FROM events`)).toEqual([{ learner_id: learner.id }]);
  });

  describe('an id already stored for another recorder', () => {
    it('is a conflict, never a duplicate: nothing is stored for the sender and the first owner keeps the row', async () => {
      const squatter = await registerLearner(t);
      const taken = completion(squatter.id);
      await t.postJson('/api/v1/sync', { deviceId: DEVICE_ID, events: [taken] }, squatter.auth);
      // Every kind of learner record, and the same id twice in one batch.
      const mine = [completion(learner.id, { id: taken.id }), started(learner.id, { id: taken.id }), { ...completion(learner.id), id: taken.id, score: 101 }];
      const { results } = await (await sync(mine)).json();
      expect(results.map((r: { status: string; error?: { code: string } }) => [r.status, r.error?.code])).toEqual([
        ['conflict', 'id_conflict'],
        ['conflict', 'id_conflict'],
        ['rejected', 'invalid_event'],
      ]);
      expect(await t.engine.all(sql`SELECT learner_id FROM events`)).toEqual([{ learner_id: squatter.id }]);
      // The owner's own resend is still a duplicate.
      const again = await (await t.postJson('/api/v1/sync', { deviceId: DEVICE_ID, events: [taken] }, squatter.auth)).json();
      expect(again.results).toEqual([{ id: taken.id, status: 'duplicate' }]);
    });

    it('is a conflict for guide records too', async () => {
      const lan = await createGuide(t, 'lan', ['tdp-1']);
      const minh = await createGuide(t, 'minh', ['tdp-1']);
      const session = sessionCreated(lan);
      expect(await guideSyncResults(t, lan, [session])).toEqual([{ id: session.id, status: 'accepted' }]);
      const results = await guideSyncResults(t, minh, [sessionCreated(minh, { id: session.id })]);
      expect(results).toEqual([{ id: session.id, status: 'conflict', error: { code: 'id_conflict', message: expect.any(String) } }]);
      expect(await t.count('guide_events')).toBe(1);
    });

    it("the phone keeps the record, sends it again under a new id and the lesson reaches the ward", async () => {
      const db = openDatabase(`conflict-${uuidv7()}`);
      try {
        const identity = createIdentityRepo(db);
        const outbox = createOutboxRepo(db);
        const me = await identity.getIdentity();
        await createProgressRepo(db).recordCompleted(me, { courseId: 'cyber-safety', lessonId: 'strong-passwords', contentVersion: 'v1', score: 90, durationSec: 300 });
        const [row] = await outbox.listPending();
        // Someone else's record already holds the id the phone made.
        const squatter = await registerLearner(t);
        await t.postJson('/api/v1/sync', { deviceId: DEVICE_ID, events: [completion(squatter.id, { id: row.id })] }, squatter.auth);
        const answers: string[] = [];
        const fetch = async (url: string, init?: RequestInit) => {
          const res = await t.app.request(`${ORIGIN}${url}`, init);
          if (url.endsWith('/sync')) answers.push(...(await res.clone().json()).results.map((r: { status: string }) => r.status));
          return res;
        };
        const engine = createSyncEngine({ api: createApiClient(fetch), identity, outbox, isOnline: () => true, setTimer: () => 0, clearTimer: () => undefined });
        await engine.trigger();
        expect(answers).toEqual(['conflict', 'accepted']);
        expect(await outbox.listPending()).toEqual([]);
        expect(await outbox.listDead()).toEqual([]);
        const stored = await t.engine.all(sql`SELECT id, score FROM events WHERE learner_id = ${me.learnerId} AND type = 'lesson.completed'`) as { id: string; score: number }[];
        expect(stored).toHaveLength(1);
        expect(stored[0].id).not.toBe(row.id);
        expect(stored[0].score).toBe(90);
      } finally {
        await db.delete();
      }
    });
  });

  it('counts a device as active only when the request stored (or resent) a record: all rejected, forbidden or conflicting is no activity', async () => {
    const other = await registerLearner(t);
    const theirs = completion(other.id);
    await t.postJson('/api/v1/sync', { deviceId: 'device-other-01', events: [theirs] }, other.auth);
    const refusedOnly = [completion(learner.id, { score: 101 }), { type: 'lesson.deleted' }, completion(other.id), completion(learner.id, { id: theirs.id }), 42];
    expect((await (await sync(refusedOnly)).json()).results.map((r: { status: string }) => r.status)).toEqual(['rejected', 'rejected', 'rejected', 'conflict', 'rejected']);
    expect((await sync([])).status).toBe(200);
    const activity = () => t.engine.all(sql`SELECT id FROM devices WHERE learner_id = ${learner.id}`);
    expect(await activity()).toEqual([]);
    const event = completion(learner.id);
    await sync([event]);
    expect(await activity()).toEqual([{ id: DEVICE_ID }]);
    // A resend from another of the learner's phones is that phone's activity too.
    await t.postJson('/api/v1/sync', { deviceId: 'device-test-0002', events: [event] }, learner.auth);
    expect(await activity()).toHaveLength(2);
  });

  it('clamps effective time to the receipt time when the phone clock runs ahead', async () => {
    const future = completion(learner.id, { occurredAt: '2030-01-01T00:00:00Z' });
    await sync([future]);
    const row = await t.engine.get(sql`SELECT occurred_at, effective_at FROM events`) as { occurred_at: number; effective_at: number };
    expect(row.occurred_at).toBe(Date.parse('2030-01-01T00:00:00Z'));
    expect(row.effective_at).toBe(t.clock.now);
  });

  describe('authentication', () => {
    it.each([
      ['no Authorization header', {}],
      ['a wrong secret', () => ({ authorization: `Bearer ${learner.id}.${newSecret()}` })],
      ['an unknown learner', () => ({ authorization: `Bearer ${uuidv7()}.${newSecret()}` })],
      ['a malformed header', () => ({ authorization: `Basic ${learner.id}` })],
    ])('answers 401 JSON for %s and writes nothing', async (_name, headers) => {
      const h = typeof headers === 'function' ? headers() : headers;
      const res = await t.postJson('/api/v1/sync', { deviceId: DEVICE_ID, events: [completion(learner.id)] }, h);
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('unauthorized');
      expect(await t.count('events')).toBe(0);
      expect(await t.count('devices')).toBe(0);
    });
  });

  it('refuses more events than the batch limit', async () => {
    const events = Array.from({ length: 501 }, () => started(learner.id));
    const res = await sync(events);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid_request');
    expect(await t.count('events')).toBe(0);
  });
});

describe('GET /api/v1/me/progress', () => {
  it("returns only the learner's own completions", async () => {
    const other = await registerLearner(t);
    const mine = completion(learner.id, { score: 70, occurredAt: '2025-06-01T08:00:00+07:00' });
    await sync([started(learner.id), mine]);
    await t.postJson('/api/v1/sync', { deviceId: DEVICE_ID, events: [completion(other.id)] }, other.auth);
    const res = await t.request('/api/v1/me/progress', { headers: learner.auth });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      completions: [{ courseId: 'cyber-safety', lessonId: 'strong-passwords', score: 70, occurredAt: '2025-06-01T08:00:00+07:00' }],
    });
  });

  it('needs learner credentials', async () => {
    expect((await t.request('/api/v1/me/progress')).status).toBe(401);
  });
});
