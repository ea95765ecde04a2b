// Guide mode rules, role × endpoint: what a guide may do, and what a learner,
// a reviewer, an admin, a guide of another group or nobody may not.
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completion, createStaff, login, ORIGIN, registerLearner, setupTestApp, type TestApp, DEVICE_ID } from './helpers.ts';
import { assistedCompletion, assistedRegistered, createGuide, guideSyncResults, joined, outcome, sessionCreated, type Guide } from './guide-support.ts';

let t: TestApp;
let lan: Guide; // cns, tdp-1 and tdp-2
let minh: Guide; // da06, tdp-3
beforeEach(async () => {
  t = setupTestApp();
  lan = await createGuide(t, 'lan', ['tdp-1', 'tdp-2'], 'cns');
  minh = await createGuide(t, 'minh', ['tdp-3'], 'da06');
});
afterEach(() => t.close());

const sync = async (learner: { auth: Record<string, string> }, events: unknown[]) => {
  const res = await t.postJson('/api/v1/sync', { deviceId: DEVICE_ID, events }, learner.auth);
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: Array<{ status: string; error?: { code: string; message: string } }> }).results;
};

describe('guide sync: who may send what', () => {
  it('refuses a learner credential, anonymous requests and non-guide staff, writing nothing', async () => {
    const learner = await registerLearner(t);
    const event = sessionCreated(lan);
    const asLearner = await t.postJson('/api/v1/guide/sync', { deviceId: 'guide-phone-0001', events: [event] }, learner.auth);
    expect(asLearner.status).toBe(401);
    expect((await t.postJson('/api/v1/guide/sync', { deviceId: 'guide-phone-0001', events: [event] })).status).toBe(401);
    await createStaff(t, 'rev', 'reviewer');
    const rev = await login(t, 'rev', 'correct horse battery');
    expect((await t.postJson('/api/v1/guide/sync', { deviceId: 'guide-phone-0001', events: [event] }, { cookie: rev, origin: ORIGIN })).status).toBe(403);
    // Without the Origin header the CSRF guard refuses a cookie write.
    expect((await t.postJson('/api/v1/guide/sync', { deviceId: 'guide-phone-0001', events: [event] }, { cookie: lan.cookie })).status).toBe(403);
    expect(await t.count('guide_events')).toBe(0);
    expect(await t.count('guide_sessions')).toBe(0);
  });

  it('accepts a session once, reports a resend as duplicate, and refuses a taken code or another group', async () => {
    const session = sessionCreated(lan);
    expect(await guideSyncResults(t, lan, [session])).toEqual([{ id: session.id, status: 'accepted' }]);
    expect(await guideSyncResults(t, lan, [session])).toEqual([{ id: session.id, status: 'duplicate' }]);
    const sameCode = sessionCreated(lan, { code: session.code });
    const otherGroup = sessionCreated(lan, { code: 'QQQQQQQQ', groupId: 'tdp-3' });
    const bad = sessionCreated(lan, { code: 'abc' });
    const impostor = sessionCreated(lan, { code: 'RRRRRRRR', recordedBy: minh.id });
    const results = await guideSyncResults(t, lan, [sameCode, otherGroup, bad, impostor]);
    expect(results.map((r) => r.error?.code)).toEqual(['code_taken', 'forbidden', 'invalid_event', 'forbidden']);
    expect(await t.count('guide_sessions')).toBe(1);
    expect(await t.count('guide_events')).toBe(1);
  });

  it('records assisted learning only for own learners in assigned groups', async () => {
    const anna = assistedRegistered(lan);
    const done = assistedCompletion(lan, anna.learnerId);
    const elsewhere = assistedRegistered(lan, { groupId: 'tdp-3' });
    const noConsent = assistedRegistered(lan, { consent: false });
    const results = await guideSyncResults(t, lan, [anna, done, elsewhere, noConsent]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'rejected', 'rejected']);
    expect(results[2].error?.code).toBe('forbidden');
    expect(results[3].error?.code).toBe('invalid_event');
    // Another guide cannot record for Lan's assisted learner, even in a batch of its own.
    const stolen = await guideSyncResults(t, minh, [assistedCompletion(minh, anna.learnerId), outcome(minh, anna.learnerId)]);
    expect(stolen.map((r) => r.error?.code)).toEqual(['forbidden', 'forbidden']);
    // A resident who never joined Lan's session is not Lan's to record for.
    const stranger = await registerLearner(t);
    expect((await guideSyncResults(t, lan, [outcome(lan, stranger.id)]))[0].error?.code).toBe('forbidden');
    expect(await t.count('assisted_learners')).toBe(1);
    const row = await t.engine.all(sql`SELECT recorded_by AS r, learner_id AS l FROM guide_events WHERE type = 'lesson.completed'`);
    expect(row).toEqual([{ r: lan.id, l: anna.learnerId }]);
  });

  it('takes an assisted learner whose gender was not said, stored as "not given" and counted as unknown', async () => {
    const notSaid = assistedRegistered(lan, { gender: null });
    const unknownWord = assistedRegistered(lan, { gender: 'unknown' });
    const results = await guideSyncResults(t, lan, [notSaid, unknownWord]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'rejected']);
    expect(await t.engine.all(sql`SELECT gender FROM assisted_learners`)).toEqual([{ gender: '' }]);
    expect(await t.engine.all(sql`SELECT gender FROM stats_learners WHERE learner_id = ${notSaid.learnerId}`)).toEqual([{ gender: null }]);
  });

  it('stops recording once the guide is no longer assigned to the group', async () => {
    const anna = assistedRegistered(lan);
    await guideSyncResults(t, lan, [anna]);
    await t.engine.run(sql`DELETE FROM guide_groups WHERE user_id = ${lan.id} AND group_id = 'tdp-1'`);
    expect((await guideSyncResults(t, lan, [assistedCompletion(lan, anna.learnerId)]))[0].error?.code).toBe('forbidden');
  });
});

describe('outcomes and check-ins from a learner credential', () => {
  it('rejects every guide-only event type sent by a learner', async () => {
    const learner = await registerLearner(t);
    const base = { learnerId: learner.id, deviceId: DEVICE_ID, occurredAt: '2025-06-01T09:00:00+07:00', recordedBy: lan.id };
    const results = await sync(learner, [
      { ...outcome(lan, learner.id) },
      { ...sessionCreated(lan), ...base },
      { ...assistedRegistered(lan), learnerId: learner.id },
      completion(learner.id, { recordedBy: lan.id }),
    ]);
    expect(results.map((r) => r.error?.code)).toEqual(['forbidden', 'forbidden', 'forbidden', 'invalid_event']);
    expect(results[0].error?.message).toContain('Only a guide');
    expect(await t.count('events')).toBe(0);
  });

  it('checks in idempotently, rejects a closed session, and lets the guide record for the attendee', async () => {
    const session = sessionCreated(lan);
    await guideSyncResults(t, lan, [session]);
    const learner = await registerLearner(t);
    const first = joined(learner.id, session.code);
    expect((await sync(learner, [first, joined(learner.id, session.code)])).map((r) => r.status)).toEqual(['accepted', 'accepted']);
    expect(await sync(learner, [first])).toEqual([{ id: first.id, status: 'duplicate' }]);
    expect(await t.count('session_checkins')).toBe(1);
    // Now Lan may confirm an outcome for this resident; Minh may not.
    expect((await guideSyncResults(t, lan, [outcome(lan, learner.id, { sessionId: session.sessionId })]))[0].status).toBe('accepted');
    expect((await guideSyncResults(t, minh, [outcome(minh, learner.id)]))[0].error?.code).toBe('forbidden');
    // Minh cannot attach events to Lan's session either.
    const other = await registerLearner(t);
    const closing = { ...assistedRegistered(lan), type: 'session.closed', sessionId: session.sessionId };
    delete (closing as Record<string, unknown>).learnerId;
    for (const k of ['name', 'birthYear', 'gender', 'groupId', 'consent', 'consentAt']) delete (closing as Record<string, unknown>)[k];
    expect((await guideSyncResults(t, minh, [{ ...closing, recordedBy: minh.id }]))[0].error?.code).toBe('forbidden');
    expect((await guideSyncResults(t, lan, [closing]))[0].status).toBe('accepted');
    t.clock.now += 60_000;
    const late = await sync(other, [joined(other.id, session.code, { occurredAt: new Date(t.clock.now).toISOString() })]);
    expect(late[0]).toMatchObject({ status: 'rejected', error: { code: 'session_closed' } });
    expect(await t.count('session_checkins')).toBe(1);
  });

  it('rejects a check-in long after the session ended, and keeps one for a session not synced yet', async () => {
    const session = sessionCreated(lan, { startsAt: '2025-05-20T08:00:00+07:00' });
    await guideSyncResults(t, lan, [session]);
    const learner = await registerLearner(t);
    const results = await sync(learner, [joined(learner.id, session.code), joined(learner.id, 'WXYWXYWX')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'accepted']);
    expect(results[0].error?.message).toContain('ended');
  });
});

describe('public session look-up', () => {
  it('shows an open session by code and rate-limits wrong codes per address', async () => {
    const session = sessionCreated(lan);
    await guideSyncResults(t, lan, [session]);
    const ok = await t.request(`/api/v1/sessions/${session.code.toLowerCase()}`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toMatchObject({ code: session.code, title: 'Buổi học VNeID', state: 'open', courses: ['cyber-safety'] });
    let last = 0;
    for (let i = 0; i < 31; i++) last = (await t.request('/api/v1/sessions/WWWWWWWW')).status;
    expect(last).toBe(429);
    // Blocked addresses cannot probe real codes either.
    expect((await t.request(`/api/v1/sessions/${session.code}`)).status).toBe(429);
  });
});

describe('roster and team report', () => {
  it('counts attendees, self and assisted completions and outcomes exactly', async () => {
    const session = sessionCreated(lan);
    await guideSyncResults(t, lan, [session]);
    const resident = await registerLearner(t);
    await sync(resident, [joined(resident.id, session.code), completion(resident.id)]);
    // Completions in a course outside the session, or before the check-in, are not the session's.
    await sync(resident, [completion(resident.id, { courseId: 'online-shopping' }), completion(resident.id, { lessonId: 'other', occurredAt: '2025-06-01T09:00:00+07:00' })]);
    const anna = assistedRegistered(lan, { sessionId: session.sessionId });
    await guideSyncResults(t, lan, [
      anna,
      assistedCompletion(lan, anna.learnerId, { sessionId: session.sessionId }),
      assistedCompletion(lan, anna.learnerId, { sessionId: session.sessionId, lessonId: 'spot-scams' }),
      outcome(lan, anna.learnerId, { sessionId: session.sessionId }),
    ]);

    const roster = await t.request(`/api/v1/guide/sessions/${session.sessionId}`, { headers: lan.headers });
    expect(roster.status).toBe(200);
    const body = await roster.json();
    expect(body.totals).toEqual({ attendees: 2, newLearners: 1, selfCompletions: 1, assistedCompletions: 2, outcomes: 1 });
    const assisted = body.attendees.find((a: { kind: string }) => a.kind === 'assisted');
    expect(assisted).toMatchObject({ name: 'Bà Nguyễn Thị Lan', lessonsCompleted: 2, outcomes: ['vneid-level2-activated'], isNew: true });
    expect(body.attendees.find((a: { kind: string }) => a.kind === 'self')).toMatchObject({ name: null, lessonsCompleted: 1 });

    expect((await t.request(`/api/v1/guide/sessions/${session.sessionId}`, { headers: minh.headers })).status).toBe(403);

    const report = await (await t.request('/api/v1/guide/report?from=2025-06-01&to=2025-06-01', { headers: lan.headers })).json();
    expect(report.guides).toEqual([
      { guideId: lan.id, displayName: 'LAN', team: 'cns', sessions: 1, attendees: 2, selfCompletions: 1, assistedCompletions: 2, outcomes: 1 },
      { guideId: minh.id, displayName: 'MINH', team: 'da06', sessions: 0, attendees: 0, selfCompletions: 0, assistedCompletions: 0, outcomes: 0 },
    ]);
    expect(report.teams[0]).toEqual({ team: 'cns', sessions: 1, attendees: 2, selfCompletions: 1, assistedCompletions: 2, outcomes: 1 });
    const empty = await (await t.request('/api/v1/guide/report?from=2025-06-02', { headers: lan.headers })).json();
    expect(empty.teams[0]).toMatchObject({ sessions: 0, attendees: 0, assistedCompletions: 0 });

    const csv = await t.request('/api/v1/guide/report.csv?from=2025-06-01&to=2025-06-01', { headers: lan.headers });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const text = await csv.text();
    expect(text).toContain('guide,cns,LAN,1,2,1,2,1\r\n');
    expect(text).toContain('team,da06,,0,0,0,0,0\r\n');

    const learner = await registerLearner(t);
    expect((await t.request('/api/v1/guide/report', { headers: learner.auth })).status).toBe(401);
    expect((await t.request('/api/v1/guide/report?from=2025-06-03&to=2025-06-01', { headers: lan.headers })).status).toBe(400);
  });
});

describe('follow-up and households', () => {
  it('lists learners of an assigned group only, names only for assisted ones', async () => {
    // Registered 40 days ago (the guide's phone synced it late); a recent one is not "inactive".
    const anna = assistedRegistered(lan, { occurredAt: '2025-04-22T09:00:00+07:00', consentAt: '2025-04-22T09:00:00+07:00' });
    const binh = assistedRegistered(lan, { name: 'Ông Bình' });
    await guideSyncResults(t, lan, [anna, binh]);
    const res = await t.request('/api/v1/guide/groups/tdp-1/follow-up', { headers: lan.headers });
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.inactive).toMatchObject([{ learnerId: anna.learnerId, kind: 'assisted', name: 'Bà Nguyễn Thị Lan' }]);
    expect((await t.request('/api/v1/guide/groups/tdp-1/follow-up', { headers: minh.headers })).status).toBe(403);
    expect((await t.request('/api/v1/guide/groups/tdp-1/households', { headers: minh.headers })).status).toBe(403);
  });

  it('creates households in assigned groups and links own learners', async () => {
    const anna = assistedRegistered(lan);
    const house = { id: crypto.randomUUID(), type: 'household.created', recordedBy: lan.id, deviceId: 'guide-phone-0001', occurredAt: '2025-06-01T09:00:00+07:00', householdId: '0197a000-0000-7000-8000-000000000001', groupId: 'tdp-1', label: 'Số 12 ngõ 5' };
    const link = { ...house, id: crypto.randomUUID(), type: 'household.linked', learnerId: anna.learnerId, groupId: undefined, label: undefined };
    const foreign = { ...house, id: crypto.randomUUID(), groupId: 'tdp-3', householdId: '0197a000-0000-7000-8000-000000000002' };
    const results = await guideSyncResults(t, lan, [anna, house, JSON.parse(JSON.stringify(link)), foreign]);
    expect(results.map((r) => r.error?.code ?? r.status)).toEqual(['accepted', 'accepted', 'accepted', 'forbidden']);
    const list = await (await t.request('/api/v1/guide/groups/tdp-1/households', { headers: lan.headers })).json();
    expect(list.households).toEqual([{ id: house.householdId, label: 'Số 12 ngõ 5', members: 1, covered: false }]);
  });
});
