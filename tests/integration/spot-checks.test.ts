// The spot-check list (server/integrity/spot-checks.ts): a seeded random
// sample of verified records — guide-recorded completions, confirmed outcomes
// and self completions credited to a guided session, never a held record —
// the result of each recorded and audited, the totals following.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SpotCheck } from '../../shared/integrity/spot-check.ts';
import { drawSample } from '../../server/integrity/spot-checks.ts';
import { DRAW_KEY_FILE, drawKey, drawSeed } from '../../server/integrity/draw-key.ts';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStaff, login, ORIGIN, setupTestApp, type TestApp } from './helpers.ts';
import { NOW, seedFixture } from './dashboard-support.ts';
import { CATALOG, syncEvents } from './resident-support.ts';
import { completion, registerLearner } from './helpers.ts';
import { assistedCompletion, assistedRegistered, createGuide, guideSyncResults, joined, sessionCreated } from './guide-support.ts';
import { learnerCode } from '../../shared/guide/learner-code.ts';

let t: TestApp;
let office: Record<string, string>;
beforeAll(async () => {
  t = setupTestApp({ now: NOW, catalog: CATALOG });
  await seedFixture(t); // A1: one lesson recorded by the guide (06-12), one outcome confirmed (06-15)
  await createStaff(t, 'lan', 'reviewer');
  office = { cookie: await login(t, 'lan', 'correct horse battery'), origin: ORIGIN, 'content-type': 'application/json' };
}, 60_000);
afterAll(() => t.close());

const draw = (body: unknown) => t.request('/api/v1/integrity/spot-checks', { method: 'POST', headers: office, body: JSON.stringify(body) });
const record = (id: number, item: number, result: unknown) => t.request(`/api/v1/integrity/spot-checks/${id}/items/${item}`, { method: 'PUT', headers: office, body: JSON.stringify({ result }) });

describe('spot-checks', () => {
  it('a seeded shuffle: the same seed gives the same sample, every record can be drawn', () => {
    const records = Array.from({ length: 30 }, (_, i) => i);
    expect(drawSample(records, 5, 42)).toEqual(drawSample(records, 5, 42));
    expect(new Set(drawSample(records, 30, 7)).size).toBe(30);
    const seen = new Set<number>();
    for (let seed = 0; seed < 200; seed++) for (const x of drawSample(records, 3, seed)) seen.add(x);
    expect(seen.size).toBe(30);
  });

  it('draws verified records with what to confirm, records results, audits both', async () => {
    expect(await (await t.request('/api/v1/integrity/spot-checks/latest', { headers: office })).json()).toEqual({ check: null });
    const res = await draw({ from: '2025-06-01', to: '2025-06-20', size: 10 });
    expect(res.status).toBe(201);
    const check = (await res.json()) as SpotCheck;
    expect(check.population).toBe(2);
    expect(check.items).toHaveLength(2);
    expect(check.items.map((i) => i.kind).sort()).toEqual(['completion', 'outcome']);
    const lesson = check.items.find((i) => i.kind === 'completion')!;
    expect(lesson).toMatchObject({ courseId: 'online-shopping', lessonId: 'safe-shops', groupId: 'tdp-2', day: '2025-06-12', guide: 'GUIDE', result: null });
    expect(lesson.code).toMatch(/^[A-Z0-9]{6}$/);
    expect(JSON.stringify(check)).not.toContain('Nguyễn');
    expect(check.totals).toEqual({ confirmed: 0, notConfirmed: 0, unreachable: 0, pending: 2 });

    expect((await record(check.id, 1, 'confirmed')).status).toBe(200);
    const after = (await (await record(check.id, 2, 'unreachable')).json()) as SpotCheck;
    expect(after.totals).toEqual({ confirmed: 1, notConfirmed: 0, unreachable: 1, pending: 0 });
    const latest = (await (await t.request('/api/v1/integrity/spot-checks/latest', { headers: office })).json()) as { check: SpotCheck };
    expect(latest.check.totals).toEqual(after.totals);

    // The same period over the same records: the same seed, the same list.
    const again = (await (await draw({ from: '2025-06-01', to: '2025-06-20', size: 10 })).json()) as SpotCheck;
    expect(again.items.map((i) => [i.kind, i.code])).toEqual(check.items.map((i) => [i.kind, i.code]));
    expect(again.seed).toBe(check.seed);

    const audit = await t.engine.all(sql`SELECT action FROM audit_log WHERE action LIKE 'integrity.spot_check%' ORDER BY id`) as Array<{ action: string }>;
    expect(audit.map((a) => a.action)).toEqual(['integrity.spot_check_drawn', 'integrity.spot_check_recorded', 'integrity.spot_check_recorded', 'integrity.spot_check_drawn']);
  });

  it('refuses bad input without writing', async () => {
    const before = await t.snapshot();
    expect((await draw({ from: '2025-06-20', to: '2025-06-01', size: 3 })).status).toBe(400);
    expect((await draw({ from: '2025-06-01', to: '2025-06-20', size: 0 })).status).toBe(400);
    expect((await draw({ from: '2025-06-01', to: '2025-06-20', size: 51 })).status).toBe(400);
    expect((await record(1, 1, 'maybe')).status).toBe(400);
    expect((await record(999, 1, 'confirmed')).status).toBe(404);
    expect((await record(1, 99, 'confirmed')).status).toBe(404);
    expect((await t.request('/api/v1/integrity/spot-checks/x/items/1', { method: 'PUT', headers: office, body: JSON.stringify({ result: 'confirmed' }) })).status).toBe(400);
    expect(await t.snapshot()).toBe(before);
  });

  it('the seed is the server\'s, not the drawer\'s: a chosen seed is refused, redrawing gives the same sample, and an auditor reproduces it', async () => {
    const before = await t.snapshot();
    const chosen = await draw({ from: '2025-05-01', to: '2025-06-20', size: 1, seed: 3 });
    expect(chosen.status).toBe(400);
    expect(await t.snapshot()).toBe(before);

    // Drawing again and again does not shop for a friendlier sample: one record of two, the same each time.
    const draws = [];
    for (let i = 0; i < 5; i++) draws.push((await (await draw({ from: '2025-05-01', to: '2025-06-20', size: 1 })).json()) as SpotCheck);
    expect(new Set(draws.map((d) => d.seed)).size).toBe(1);
    expect(new Set(draws.map((d) => d.items[0].kind)).size).toBe(1);

    // An auditor with the seed shown and the records of the period in id order gets the same list.
    const ids = (await t.engine.all(sql`SELECT id FROM guide_events WHERE type IN ('lesson.completed', 'outcome.confirmed') AND effective_at >= ${Date.parse('2025-05-01T00:00:00+07:00')} AND effective_at < ${Date.parse('2025-06-21T00:00:00+07:00')} ORDER BY id`) as Array<{ id: string }>).map((r) => r.id);
    const drawn = (await t.engine.all(sql`SELECT event_id FROM spot_check_items WHERE check_id = ${draws[0].id} ORDER BY item_no`) as Array<{ event_id: string }>).map((r) => r.event_id);
    expect(drawSample(ids, 1, draws[0].seed)).toEqual(drawn);
  });

  it('keeps its drawing key beside the database, readable by the server only, and derives different seeds for different draws', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hvs-key-'));
    try {
      const key = drawKey(join(dir, 'hoc-vu-so.db'));
      expect(statSync(join(dir, DRAW_KEY_FILE)).mode & 0o777).toBe(0o600);
      expect(drawKey(join(dir, 'hoc-vu-so.db')).equals(key)).toBe(true);
      expect(readFileSync(join(dir, DRAW_KEY_FILE)).equals(key)).toBe(true);
      const q = { from: '2025-06-01', to: '2025-06-20', size: 10, records: ['a', 'b'] };
      expect(drawSeed(key, q)).toBe(drawSeed(key, q));
      expect(drawSeed(key, { ...q, to: '2025-06-21' })).not.toBe(drawSeed(key, q));
      expect(drawSeed(Buffer.alloc(32, 1), q)).not.toBe(drawSeed(key, q));
    } finally {
      rmSync(dir, { recursive: true });
    }
  });
});

describe('spot-checks over guided sessions', () => {
  let u: TestApp;
  let reviewer: Record<string, string>;
  let resident: string;
  const START = Date.parse('2025-06-14T08:00:00+07:00');
  const at = (minutes: number) => new Date(START + minutes * 60_000).toISOString();
  beforeAll(async () => {
    u = setupTestApp({ now: NOW, catalog: CATALOG });
    const guide = await createGuide(u, 'hoa', ['tdp-1']);
    const session = sessionCreated(guide, { code: 'HJKM3467', title: 'An toàn trên mạng', startsAt: at(0), durationMin: 120, courses: ['cyber-safety'], occurredAt: at(-10) });
    const p = assistedRegistered(guide, { sessionId: session.sessionId, occurredAt: at(5) });
    const sent = await guideSyncResults(u, guide, [
      session,
      p,
      // In the session's time: verified. Three days after it ended: held ("outside-session").
      assistedCompletion(guide, p.learnerId, { sessionId: session.sessionId, occurredAt: at(40) }),
      assistedCompletion(guide, p.learnerId, { sessionId: session.sessionId, lessonId: 'phishing', occurredAt: at(75 * 60) }),
    ]);
    expect(sent.every((x) => x.status === 'accepted')).toBe(true);
    const r = await registerLearner(u);
    resident = r.id;
    const synced = await syncEvents(u, r.auth, [
      joined(r.id, 'HJKM3467', { occurredAt: at(10) }),
      // Credited to the session: verified.
      completion(r.id, { courseId: 'cyber-safety', lessonId: 'phishing', occurredAt: at(50) }),
      // Credited to the session but reported in 3 seconds: held.
      completion(r.id, { courseId: 'cyber-safety', lessonId: 'strong-passwords', durationSec: 3, occurredAt: at(60) }),
      // Not one of the session's courses: self-reported, not verified.
      completion(r.id, { courseId: 'digital-payments', lessonId: 'vietqr', occurredAt: at(70) }),
    ]);
    expect(synced.every((x) => x.status === 'accepted')).toBe(true);
    await createStaff(u, 'vhxh', 'reviewer');
    reviewer = { cookie: await login(u, 'vhxh', 'correct horse battery'), origin: ORIGIN, 'content-type': 'application/json' };
  }, 60_000);
  afterAll(() => u.close());
  const drawIn = async () => {
    const res = await u.request('/api/v1/integrity/spot-checks', { method: 'POST', headers: reviewer, body: JSON.stringify({ from: '2025-06-01', to: '2025-06-20', size: 50 }) });
    expect(res.status).toBe(201);
    return (await res.json()) as SpotCheck;
  };

  it('draws self completions credited to a session, naming it, and leaves held records out', async () => {
    const check = await drawIn();
    expect(check.population).toBe(2);
    expect(check.items.map((i) => i.kind).sort()).toEqual(['completion', 'session-completion']);
    const credited = check.items.find((i) => i.kind === 'session-completion')!;
    expect(credited).toMatchObject({
      code: learnerCode(resident),
      courseId: 'cyber-safety',
      lessonId: 'phishing',
      day: '2025-06-14',
      guide: 'HOA',
      session: { code: 'HJKM3467', title: 'An toàn trên mạng', day: '2025-06-14' },
      result: null,
    });
    expect(check.items.find((i) => i.kind === 'completion')!.session).toBeNull();

    const res = await u.request(`/api/v1/integrity/spot-checks/${check.id}/items/${credited.itemNo}`, { method: 'PUT', headers: reviewer, body: JSON.stringify({ result: 'confirmed' }) });
    expect(res.status).toBe(200);
    const after = (await res.json()) as SpotCheck;
    expect(after.items.find((i) => i.itemNo === credited.itemNo)!.result).toBe('confirmed');
    expect(after.totals).toEqual({ confirmed: 1, notConfirmed: 0, unreachable: 0, pending: 1 });
  });

  it('draws the held records too once a reviewer accepts them', async () => {
    const learners = await u.engine.all(sql`SELECT DISTINCT learner_id AS id FROM integrity_holds WHERE status = 'held'`) as Array<{ id: string }>;
    expect(learners).toHaveLength(2);
    for (const { id } of learners) expect((await u.postJson(`/api/v1/integrity/learners/${id}/review`, { decision: 'accepted' }, reviewer)).status).toBe(200);
    const check = await drawIn();
    expect(check.population).toBe(4);
    expect(check.items.map((i) => i.kind).sort()).toEqual(['completion', 'completion', 'session-completion', 'session-completion']);
  });
});
