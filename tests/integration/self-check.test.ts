// The skills self-check through the one record pipeline: each attempt is
// stored exactly once (a resend is a duplicate and moves nothing), a late
// phone's earlier attempt becomes the first, a bad record changes nothing,
// and the office reads first against latest as aggregates with the "<5" rule.
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids.ts';
import { selfCheckSummarySchema, type SelfCheckSummary } from '../../shared/stats/self-check.ts';
import { createStaff, DEVICE_ID, login, ORIGIN, registerLearner, setupTestApp, type TestApp } from './helpers.ts';
import { CATALOG, consentGiven, profileUpdated, syncEvents } from './resident-support.ts';

let t: TestApp;
beforeEach(() => {
  t = setupTestApp({ catalog: CATALOG, now: Date.parse('2025-07-01T03:00:00Z') });
});
afterEach(() => t.close());

type Result = { skill: string; right: number; total: number };
const attempt = (learnerId: string, occurredAt: string, results: Result[]) => ({
  id: uuidv7(Date.parse(occurredAt)),
  type: 'selfcheck.completed',
  learnerId,
  deviceId: DEVICE_ID,
  occurredAt,
  bankVersion: 'abc123def0',
  results,
  durationSec: 280,
});
const low = [
  { skill: 'public-services', right: 1, total: 3 },
  { skill: 'cyber-safety', right: 1, total: 3 },
];
const high = [
  { skill: 'public-services', right: 3, total: 3 },
  { skill: 'cyber-safety', right: 2, total: 3 },
];

async function learnerIn(group: string) {
  const l = await registerLearner(t);
  await syncEvents(t, l.auth, [consentGiven(l.id), profileUpdated(l.id, { residentialGroupId: group })]);
  return l;
}

async function summary(): Promise<SelfCheckSummary> {
  await createStaff(t, 'reviewer', 'reviewer');
  const cookie = await login(t, 'reviewer', 'correct horse battery');
  const res = await t.request('/api/v1/stats/self-check', { headers: { cookie, origin: ORIGIN } });
  expect(res.status).toBe(200);
  return selfCheckSummarySchema.parse(await res.json());
}

describe('the skills self-check on the server', () => {
  it('stores each attempt once, keeps first and latest by time, and refuses a bad record without a change', async () => {
    const l = await learnerIn('tdp-1');
    const first = attempt(l.id, '2025-06-01T09:00:00+07:00', low);
    const second = attempt(l.id, '2025-06-20T09:00:00+07:00', high);
    // The later attempt arrives first (another phone synced sooner), then both again.
    expect((await syncEvents(t, l.auth, [second])).map((r) => r.status)).toEqual(['accepted']);
    expect((await syncEvents(t, l.auth, [first, second])).map((r) => r.status)).toEqual(['accepted', 'duplicate']);
    expect((await syncEvents(t, l.auth, [first])).map((r) => r.status)).toEqual(['duplicate']);

    const rows = await t.engine.all(sql`SELECT skill, attempts, first_score, latest_score, first_event_id, latest_event_id FROM self_check_results ORDER BY skill`);
    expect(rows).toEqual([
      { skill: 'cyber-safety', attempts: 2, first_score: 33, latest_score: 67, first_event_id: first.id, latest_event_id: second.id },
      { skill: 'public-services', attempts: 2, first_score: 33, latest_score: 100, first_event_id: first.id, latest_event_id: second.id },
    ]);
    expect(await t.engine.get(sql`SELECT COUNT(*) AS n FROM events WHERE type = 'selfcheck.completed'`)).toEqual({ n: 2 });

    const before = await t.snapshot();
    const bad = [
      attempt(l.id, '2025-06-21T09:00:00+07:00', [{ skill: 'public-services', right: 4, total: 3 }]),
      attempt(l.id, '2025-06-21T09:00:00+07:00', [{ skill: 'not-a-skill', right: 1, total: 3 }]),
      attempt(l.id, '2025-06-21T09:00:00+07:00', [low[0], low[0]]),
    ];
    expect((await syncEvents(t, l.auth, bad)).map((r) => r.status)).toEqual(['rejected', 'rejected', 'rejected']);
    expect(await t.snapshot()).toEqual(before);

    // Erasing the learner removes their self-check rows too.
    expect((await t.request('/api/v1/me', { method: 'DELETE', headers: l.auth })).status).toBeLessThan(300);
    expect(await t.count('self_check_results')).toBe(0);
  });

  it('shows first against latest per residential group, hiding small groups and what would reveal them', async () => {
    const plan: [string, number][] = [
      ['tdp-1', 7],
      ['tdp-2', 6],
      ['tdp-3', 2],
    ];
    for (const [group, n] of plan) {
      for (let i = 0; i < n; i++) {
        const l = await learnerIn(group);
        await syncEvents(t, l.auth, [attempt(l.id, '2025-06-01T09:00:00+07:00', low), attempt(l.id, '2025-06-25T09:00:00+07:00', high)]);
      }
    }
    // One learner took it only once: counted as having taken it, not in before/after.
    const once = await learnerIn('tdp-1');
    await syncEvents(t, once.auth, [attempt(once.id, '2025-06-02T09:00:00+07:00', low)]);

    const s = await summary();
    expect(s.tookIt).toBe(16);
    // Per learner: first (33 + 33) / 2 = 33, latest (100 + 67) / 2 = 83.5.
    expect(s.ward).toEqual({ repeated: 15, firstAverage: 33, latestAverage: 83.5, improved: 15 });
    const byGroup = Object.fromEntries(s.groups.map((g) => [g.groupId, g]));
    expect(byGroup['tdp-1']).toMatchObject({ name: 'Tổ dân phố 1', repeated: 7, firstAverage: 33, latestAverage: 83.5, improved: 7 });
    // Two people: "<5", no figures built on them; the next-smallest group is hidden too.
    expect(byGroup['tdp-3']).toMatchObject({ repeated: '<5', firstAverage: null, latestAverage: null, improved: null });
    expect(byGroup['tdp-2']).toMatchObject({ repeated: '*', firstAverage: null, latestAverage: null, improved: null });
    expect(byGroup['tdp-4']).toMatchObject({ repeated: 0, firstAverage: null, improved: null });
    const bySkill = Object.fromEntries(s.skills.map((k) => [k.skill, k]));
    expect(bySkill['public-services']).toMatchObject({ repeated: 15, firstAverage: 33, latestAverage: 100 });
    expect(bySkill['online-shopping']).toMatchObject({ repeated: 0, firstAverage: null });
    // Nothing about a single person leaves the server.
    expect(JSON.stringify(s)).not.toContain(once.id);
  });

  it('refuses a query parameter with a 400 JSON error', async () => {
    await createStaff(t, 'reviewer', 'reviewer');
    const cookie = await login(t, 'reviewer', 'correct horse battery');
    const res = await t.request('/api/v1/stats/self-check?group=tdp-1', { headers: { cookie, origin: ORIGIN } });
    expect(res.status).toBe(400);
    expect((await res.json()).error.code).toBeTruthy();
  });
});
