import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { newSecret, uuidv7 } from '../../shared/ids.ts';
import { completion, DEVICE_ID, registerLearner, setupTestApp, started, type TestApp } from './helpers.ts';

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
    const row = t.sqlite.prepare('SELECT type, learner_id, course_id, lesson_id, score, received_at, payload FROM events WHERE id = ?').get(events[1].id) as Record<string, unknown>;
    expect(row).toMatchObject({ type: 'lesson.completed', learner_id: learner.id, course_id: 'cyber-safety', score: 95, received_at: t.clock.now });
    expect(JSON.parse(row.payload as string)).toEqual(events[1]);
    expect(t.sqlite.prepare('SELECT last_sync_at FROM devices WHERE id = ? AND learner_id = ?').get(DEVICE_ID, learner.id)).toEqual({ last_sync_at: t.clock.now });
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
    expect(t.count('events')).toBe(2);
  });

  it('makes no second row when the same batch is sent twice', async () => {
    const batch = [started(learner.id), completion(learner.id), completion(learner.id, { lessonId: 'phishing' })];
    const first = await (await sync(batch)).json();
    expect(first.results.every((r: { status: string }) => r.status === 'accepted')).toBe(true);
    expect(t.count('events')).toBe(3);
    const second = await (await sync(batch)).json();
    expect(second.results).toEqual(batch.map((e) => ({ id: e.id, status: 'duplicate' })));
    expect(t.count('events')).toBe(3);
  });

  it('treats a repeated id inside one batch as a duplicate', async () => {
    const event = completion(learner.id);
    const { results } = await (await sync([event, event])).json();
    expect(results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'duplicate']);
    expect(t.count('events')).toBe(1);
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
    expect(t.count('events')).toBe(2);
  });

  it('rejects an unknown event type with its own code', async () => {
    const event = { ...started(learner.id), type: 'lesson.deleted' };
    const { results } = await (await sync([event])).json();
    expect(results[0]).toMatchObject({ id: event.id, status: 'rejected', error: { code: 'unknown_type' } });
    expect(t.count('events')).toBe(0);
  });

  it("rejects an event that belongs to another learner (forbidden), even a registered one", async () => {
    const other = await registerLearner(t);
    const theirs = completion(other.id);
    const mine = completion(learner.id);
    const { results } = await (await sync([theirs, mine])).json();
    expect(results[0]).toMatchObject({ id: theirs.id, status: 'rejected', error: { code: 'forbidden' } });
    expect(results[1]).toEqual({ id: mine.id, status: 'accepted' });
    expect(t.sqlite.prepare('SELECT learner_id FROM events').all()).toEqual([{ learner_id: learner.id }]);
  });

  it('clamps effective time to the receipt time when the phone clock runs ahead', async () => {
    const future = completion(learner.id, { occurredAt: '2030-01-01T00:00:00Z' });
    await sync([future]);
    const row = t.sqlite.prepare('SELECT occurred_at, effective_at FROM events').get() as { occurred_at: number; effective_at: number };
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
      expect(t.count('events')).toBe(0);
      expect(t.count('devices')).toBe(0);
    });
  });

  it('refuses more events than the batch limit', async () => {
    const events = Array.from({ length: 501 }, () => started(learner.id));
    const res = await sync(events);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid_request');
    expect(t.count('events')).toBe(0);
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
