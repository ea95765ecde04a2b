import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completion, createStaff, DEVICE_ID, login, registerLearner, setupTestApp, started, type TestApp, insertionOrder } from './helpers.ts';

// Hand-computed fixture. Vietnam is UTC+7; every event is received at
// 2025-06-10 19:00 Vietnam time.
//   A  completion  l1  2025-06-01 23:30 VN                  → day 06-01
//   A  completion  l2  2025-06-01 17:30 UTC = 06-02 00:30 VN → day 06-02
//   B  completion  l1  2025-06-02 08:00 VN                  → day 06-02
//   B  started     l3  2025-06-03 08:00 VN                  → (not a completion)
//   C  completion  l1  2030-01-01 (clock ahead) → clamped to receipt → day 06-10
//   C  completion  l1  2025-05-31 16:59:59 UTC = 23:59:59 VN → day 05-31
let t: TestApp;
let reviewerCookie: string;
let guideCookie: string;
let learnerAuth: Record<string, string>;

beforeAll(async () => {
  t = setupTestApp({ now: Date.parse('2025-06-10T12:00:00Z') });
  const [a, b, c] = [await registerLearner(t), await registerLearner(t), await registerLearner(t)];
  learnerAuth = a.auth;
  const send = async (learner: typeof a, events: unknown[]) => {
    const res = await t.postJson('/api/v1/sync', { deviceId: DEVICE_ID, events }, learner.auth);
    const { results } = await res.json();
    expect(results.every((r: { status: string }) => r.status === 'accepted')).toBe(true);
  };
  await send(a, [
    completion(a.id, { lessonId: 'l1', occurredAt: '2025-06-01T23:30:00+07:00' }),
    completion(a.id, { lessonId: 'l2', occurredAt: '2025-06-01T17:30:00Z' }),
  ]);
  await send(b, [
    completion(b.id, { lessonId: 'l1', occurredAt: '2025-06-02T08:00:00+07:00' }),
    started(b.id, { lessonId: 'l3', occurredAt: '2025-06-03T08:00:00+07:00' }),
  ]);
  await send(c, [
    completion(c.id, { lessonId: 'l1', occurredAt: '2030-01-01T00:00:00Z' }),
    completion(c.id, { lessonId: 'l1', occurredAt: '2025-05-31T16:59:59Z' }),
  ]);
  await createStaff(t, 'reviewer', 'reviewer');
  await createStaff(t, 'guide', 'guide');
  reviewerCookie = await login(t, 'reviewer', 'correct horse battery');
  guideCookie = await login(t, 'guide', 'correct horse battery');
}, 30_000);
afterAll(() => t.close());

const summary = (query: string, cookie = reviewerCookie) => t.request(`/api/v1/stats/summary${query}`, { headers: { cookie } });

describe('GET /api/v1/stats/summary', () => {
  it('summarises everything without a range', async () => {
    const res = await summary('');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({
      from: null,
      to: null,
      learners: 3,
      completions: 5,
      perLesson: [
        { courseId: 'cyber-safety', lessonId: 'l1', completions: 4 },
        { courseId: 'cyber-safety', lessonId: 'l2', completions: 1 },
      ],
      perDay: [
        { day: '2025-05-31', completions: 1 },
        { day: '2025-06-01', completions: 1 },
        { day: '2025-06-02', completions: 2 },
        { day: '2025-06-10', completions: 1 },
      ],
    });
  });

  it('counts Vietnam calendar days, both ends inclusive', async () => {
    expect(await (await summary('?from=2025-06-01&to=2025-06-02')).json()).toEqual({
      from: '2025-06-01',
      to: '2025-06-02',
      learners: 2,
      completions: 3,
      perLesson: [
        { courseId: 'cyber-safety', lessonId: 'l1', completions: 2 },
        { courseId: 'cyber-safety', lessonId: 'l2', completions: 1 },
      ],
      perDay: [
        { day: '2025-06-01', completions: 1 },
        { day: '2025-06-02', completions: 2 },
      ],
    });
  });

  it('counts learners with any event, not only completions', async () => {
    expect(await (await summary('?from=2025-06-03&to=2025-06-03')).json()).toMatchObject({ learners: 1, completions: 0, perLesson: [], perDay: [] });
  });

  it('places a future-dated event on the day it was received', async () => {
    expect(await (await summary('?from=2025-06-10')).json()).toMatchObject({ from: '2025-06-10', to: null, learners: 1, completions: 1, perDay: [{ day: '2025-06-10', completions: 1 }] });
    expect((await (await summary('?from=2030-01-01')).json()).completions).toBe(0);
  });

  it.each([
    ['from after to', '?from=2025-06-03&to=2025-06-01'],
    ['an impossible date', '?from=2025-02-30'],
    ['a non-date', '?to=yesterday'],
    ['an unknown parameter', '?learner=all'],
    ['broken percent-encoding', '?from=%E0%A4%A'],
  ])('answers 400 for %s', async (_name, query) => {
    const res = await summary(query);
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBe('invalid_request');
  });

  it('is open to guides, closed to anonymous visitors (401) and learners (401)', async () => {
    expect((await summary('', guideCookie)).status).toBe(200);
    expect((await t.request('/api/v1/stats/summary')).status).toBe(401);
    expect((await t.request('/api/v1/stats/summary', { headers: learnerAuth })).status).toBe(401);
  });
});

describe('a phone whose clock reset', () => {
  // Received 2025-06-10 19:00 Vietnam time. Dates more than a year before
  // arrival are a reset clock's: counted on the day the record arrived.
  const far = ['0001-01-01T00:00:00Z', '0099-12-31T23:00:00Z', '1900-01-01T00:00:00Z', '1970-01-01T00:00:00Z', '2024-06-01T00:00:00Z'];
  it('counts far-past dates on the day they arrived, keeps the phone time, and believes dates within the year', async () => {
    const t2 = setupTestApp({ now: Date.parse('2025-06-10T12:00:00Z') });
    try {
      const learner = await registerLearner(t2);
      const events = [...far.map((occurredAt, i) => completion(learner.id, { lessonId: `l${i}`, occurredAt })), completion(learner.id, { lessonId: 'recent', occurredAt: '2024-12-01T09:00:00+07:00' })];
      const { results } = await (await t2.postJson('/api/v1/sync', { deviceId: DEVICE_ID, events }, learner.auth)).json();
      expect(results.map((r: { status: string }) => r.status)).toEqual(events.map(() => 'accepted'));
      const rows = await t2.engine.all(sql`SELECT occurred_at, effective_at FROM events ORDER BY ${insertionOrder(t2.engine)}`) as { occurred_at: number; effective_at: number }[];
      expect(rows.map((r) => r.occurred_at)).toEqual(events.map((e) => Date.parse(e.occurredAt)));
      expect(rows.map((r) => r.effective_at)).toEqual([...far.map(() => t2.clock.now), Date.parse('2024-12-01T09:00:00+07:00')]);
      await createStaff(t2, 'reviewer', 'reviewer');
      const cookie = await login(t2, 'reviewer', 'correct horse battery');
      const today = await (await t2.request('/api/v1/stats/summary?from=2025-06-10&to=2025-06-10', { headers: { cookie } })).json();
      expect(today).toMatchObject({ learners: 1, completions: far.length, perDay: [{ day: '2025-06-10', completions: far.length }] });
    } finally {
      await t2.close();
    }
  });

  it('puts "this month" of a date in years 1–99 in that year, not in 1900–1999', async () => {
    const res = await t.request('/api/v1/stats/coverage?from=0050-03-05&to=0050-03-10', { headers: { cookie: reviewerCookie } });
    expect(res.status).toBe(200);
    expect((await res.json()).range).toMatchObject({ from: '0050-03-05', to: '0050-03-10', monthFrom: '0050-03-01' });
  });
});
