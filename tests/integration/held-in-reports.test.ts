// Records a plausibility rule holds count in no figure until a reviewer
// accepts them (server/stats/verified-records.ts), here the two that read the
// record tables directly: the movement's indicators (a confirmed outcome,
// attendance) and the guide team report (credited self completions, lessons
// a guide recorded, outcomes, attendance). Real SQLite, the ordinary routes.
import { sql } from 'drizzle-orm';
import { beforeAll, afterAll, describe, expect, it } from 'vitest';
import type { IndicatorReport } from '../../shared/indicators/api.ts';
import type { TeamReport } from '../../shared/guide/api.ts';
import { completion, registerLearner, setupTestApp, type TestApp } from './helpers.ts';
import { assistedCompletion, assistedRegistered, createGuide, guideSyncResults, joined, outcome, sessionCreated, type Guide } from './guide-support.ts';
import { CATALOG, syncEvents } from './resident-support.ts';
import { SAMPLE_PLAN, staffMember, type Member } from './unit-support.ts';

let t: TestApp;
let guide: Guide;
let reviewer: Member;
const H = 3_600_000;
const START = Date.parse('2025-06-14T08:00:00+07:00');
const iso = (ms: number) => new Date(ms).toISOString();
const learners: string[] = [];

beforeAll(async () => {
  t = setupTestApp({ catalog: CATALOG, now: Date.parse('2025-07-05T03:00:00Z') });
  guide = await createGuide(t, 'lan', ['tdp-1']);
  reviewer = await staffMember(t, 'vhxh', 'reviewer');
  const session = sessionCreated(guide, { code: 'HJKM3467', startsAt: iso(START), durationMin: 120, courses: ['cyber-safety'], occurredAt: iso(START - 600_000) });
  // P registered at the session; Q registered earlier, elsewhere.
  const p = assistedRegistered(guide, { sessionId: session.sessionId, occurredAt: iso(START + 600_000) });
  const q = assistedRegistered(guide, { name: 'Ông Quang', occurredAt: '2025-06-01T09:00:00+07:00' });
  // Three days after the session ended, the guide files a lesson for each and P's platform outcome under it: held ("outside-session").
  const late = iso(START + 75 * H);
  const results = await guideSyncResults(t, guide, [
    session,
    p,
    q,
    assistedCompletion(guide, p.learnerId, { sessionId: session.sessionId, occurredAt: late }),
    assistedCompletion(guide, q.learnerId, { sessionId: session.sessionId, occurredAt: late }),
    outcome(guide, p.learnerId, { sessionId: session.sessionId, outcome: 'national-platform-confirmed', occurredAt: late }),
  ]);
  expect(results.every((r) => r.status === 'accepted')).toBe(true);
  // A resident checks in and reports a lesson of the session's course in 3 seconds: held ("too fast").
  const r = await registerLearner(t);
  const synced = await syncEvents(t, r.auth, [
    joined(r.id, 'HJKM3467', { occurredAt: iso(START + 5 * 60_000) }),
    completion(r.id, { courseId: 'cyber-safety', lessonId: 'phishing', durationSec: 3, occurredAt: iso(START + 30 * 60_000) }),
  ]);
  expect(synced.every((x) => x.status === 'accepted')).toBe(true);
  learners.push(p.learnerId, q.learnerId, r.id);
  const held = await t.engine.all(sql`SELECT learner_id AS id FROM integrity_holds WHERE status = 'held'`) as Array<{ id: string }>;
  expect(held).toHaveLength(4);
}, 60_000);
afterAll(() => t.close());

async function indicators() {
  const res = await t.request(`/api/v1/plans/${SAMPLE_PLAN}/indicators?period=2025`, { headers: reviewer.headers });
  expect(res.status).toBe(200);
  const report = (await res.json()) as IndicatorReport;
  const ward = (id: string) => report.rows.find((x) => x.id === id)!.ward.actual;
  return { platformConfirmed: ward('platform-confirmed'), participants: ward('participants') };
}
async function teamReport() {
  const report = (await (await t.request('/api/v1/guide/report?from=2025-06-01&to=2025-06-30', { headers: guide.headers })).json()) as TeamReport;
  const { sessions, attendees, selfCompletions, assistedCompletions, outcomes } = report.guides.find((g) => g.guideId === guide.id)!;
  return { guide: { sessions, attendees, selfCompletions, assistedCompletions, outcomes }, team: report.teams.find((x) => x.team === 'cns') };
}
const accept = async (learnerId: string) => {
  const res = await t.postJson(`/api/v1/integrity/learners/${learnerId}/review`, { decision: 'accepted' }, reviewer.headers);
  expect(res.status).toBe(200);
};

describe('held records in the indicators and the team report', () => {
  it('count nowhere while held: not the outcome, the lessons, the credited completion, nor attendance shown only by a held record', async () => {
    // P (registered there) and the resident (checked in) attended; Q only by a held lesson.
    expect(await indicators()).toEqual({ platformConfirmed: 0, participants: 2 });
    const report = await teamReport();
    expect(report.guide).toEqual({ sessions: 1, attendees: 2, selfCompletions: 0, assistedCompletions: 0, outcomes: 0 });
    expect(report.team).toEqual({ team: 'cns', ...report.guide });
  });

  it('count once a reviewer accepts them', async () => {
    for (const id of learners) await accept(id);
    expect(await indicators()).toEqual({ platformConfirmed: 1, participants: 3 });
    const report = await teamReport();
    expect(report.guide).toEqual({ sessions: 1, attendees: 3, selfCompletions: 1, assistedCompletions: 2, outcomes: 1 });
    expect(report.team).toEqual({ team: 'cns', ...report.guide });
  });
});
