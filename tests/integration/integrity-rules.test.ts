// Each plausibility rule against real SQLite (server/integrity/holds.ts): the
// record is stored, held out of every figure until a reviewer accepts it,
// then counted exactly once; dismissed records never count; the live rollups
// always equal a rebuild from the stored records.
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { newSecret, uuidv7 } from '../../shared/ids.ts';
import { completion, createStaff, login, setupTestApp, started, type TestApp } from './helpers.ts';
import { CATALOG, consentGiven, profileUpdated } from './resident-support.ts';
import { NOW } from './dashboard-support.ts';
import { createGuide, guideSync, joined, sessionCreated } from './guide-support.ts';
import { SESSION_CHECK_IN } from '../../server/integrity/holds.ts';

const TABLES = ['stats_learners', 'stats_learner_days', 'stats_learner_lessons', 'stats_learner_courses', 'stats_daily', 'stats_first_days', 'stats_first_course_days', 'stats_people', 'stats_course_days', 'stats_active_spans'];
const COUNTERS = ['learners', 'started', 'completed', 'reached'];

let t: TestApp;
let reviewer: string;
afterEach(() => t.close());

async function setup(plausibility: Record<string, number> = {}) {
  t = setupTestApp({ now: NOW, catalog: CATALOG, config: { trustProxy: true, plausibility } });
  await createStaff(t, 'office', 'reviewer');
  reviewer = await login(t, 'office', 'correct horse battery');
}

async function register(address = `203.0.113.${Math.floor(Math.random() * 200)}`) {
  const id = uuidv7();
  const secret = newSecret();
  expect((await t.postJson('/api/v1/learners', { id, secret }, { 'x-forwarded-for': address })).status).toBe(201);
  return { id, auth: { authorization: `Bearer ${id}.${secret}` } };
}
async function send(l: { id: string; auth: Record<string, string> }, events: Array<Record<string, unknown>>, deviceId = `phone-${l.id.slice(-8)}`) {
  const res = await t.postJson('/api/v1/sync', { deviceId, events: events.map((e) => ({ ...e, deviceId })) }, l.auth);
  expect(res.status).toBe(200);
  const { results } = (await res.json()) as { results: Array<{ status: string }> };
  expect(results.every((r) => r.status === 'accepted')).toBe(true);
  await t.settle(); // the figures below are read from the rollup tables themselves
}
const at = (minutes: number) => new Date(Date.parse('2025-06-10T08:00:00+07:00') + minutes * 60_000).toISOString();
const completions = async () => (await t.engine.get(sql`SELECT COALESCE(SUM(completions), 0) AS n, COALESCE(SUM(score_sum), 0) AS s FROM stats_daily`) as { n: number; s: number });
const lessonsOf = async (id: string) => (await t.engine.get(sql`SELECT COUNT(*) AS n FROM stats_learner_lessons WHERE learner_id = ${id}`) as { n: number }).n;
const held = async () => (await t.engine.get(sql`SELECT COUNT(*) AS n FROM integrity_holds WHERE status = 'held'`) as { n: number }).n;
const review = (learnerId: string, decision: string) => t.postJson(`/api/v1/integrity/learners/${learnerId}/review`, { decision }, { cookie: reviewer, origin: 'http://localhost' });

async function snapshot() {
  const out: Record<string, string[]> = {};
  for (const table of TABLES) {
    const rows = await t.engine.all(sql`SELECT * FROM ${sql.raw(table)}`) as Array<Record<string, unknown>>;
    out[table] = rows
      .filter((r) => !Object.entries(r).some(([k, v]) => COUNTERS.includes(k) && v === 0))
      .filter((r) => !('completions' in r && 'starts' in r && r.completions === 0 && r.starts === 0 && r.score_sum === 0))
      // A withdrawn learner with no profile keeps an empty row, which no figure reads.
      .filter((r) => !(table === 'stats_learners' && r.first_day === null && r.group_id === null && r.birth_year === null && r.gender === null))
      .map((r) => JSON.stringify(r))
      .sort();
  }
  return out;
}
/** The rollups equal a rebuild from the stored records (a second app on the same file with a changed rollup state rebuilds). */
async function expectEqualsRebuild() {
  const live = await snapshot();
  await t.engine.run(sql`UPDATE stats_state SET version = -1`);
  await t.appOnSameDatabase({ now: () => NOW, catalog: CATALOG }).request('/api/v1/stats/settle'); // rebuilt before its first answer
  expect(await snapshot()).toEqual(live);
}

describe('too fast for the lesson', () => {
  it('holds a completion under the floor, counts the rest; accept counts it once', async () => {
    await setup();
    const l = await register();
    await send(l, [completion(l.id, { durationSec: 5, occurredAt: at(0) }), completion(l.id, { lessonId: 'phishing', durationSec: 300, occurredAt: at(10) })]);
    expect(await t.count('events')).toBe(2);
    expect((await completions()).n).toBe(1);
    expect(await lessonsOf(l.id)).toBe(1);
    expect(await held()).toBe(1);
    await expectEqualsRebuild();

    expect((await (await review(l.id, 'accepted')).json()).records).toBe(1);
    expect((await completions()).n).toBe(2);
    expect(await lessonsOf(l.id)).toBe(2);
    // A second accept (or a resend of the record) changes nothing.
    expect((await (await review(l.id, 'accepted')).json()).records).toBe(0);
    expect((await completions()).n).toBe(2);
    await expectEqualsRebuild();
  });

  it('a dismissed record never counts', async () => {
    await setup();
    const l = await register();
    await send(l, [completion(l.id, { durationSec: 0, occurredAt: at(0) })]);
    expect((await review(l.id, 'dismissed')).status).toBe(200);
    expect((await completions()).n).toBe(0);
    await expectEqualsRebuild();
  });
});

describe('lessons per hour', () => {
  it('holds completions past the limit within one hour of the phone clock', async () => {
    await setup({ maxLessonsPerHour: 3 });
    const l = await register();
    const lessons = CATALOG.courses.flatMap((c) => c.lessons.map((x) => ({ courseId: c.id, lessonId: x.id })));
    await send(l, lessons.slice(0, 5).map((x, i) => completion(l.id, { ...x, durationSec: 300, occurredAt: at(i * 5) })));
    expect((await completions()).n).toBe(3);
    expect(await held()).toBe(2);
    // Two hours later the hour is fresh.
    await send(l, [completion(l.id, { ...lessons[5], durationSec: 300, occurredAt: at(180) })]);
    expect((await completions()).n).toBe(4);
    await expectEqualsRebuild();
  });
});

describe('learners per device', () => {
  it('puts every learner of a crowded phone under review, withdrawing what already counted', async () => {
    await setup({ maxLearnersPerDevice: 3 });
    const people = [];
    for (let i = 0; i < 4; i++) people.push(await register());
    for (const [i, l] of people.slice(0, 3).entries()) {
      await send(l, [consentGiven(l.id), profileUpdated(l.id, { residentialGroupId: 'tdp-1' }), started(l.id, { occurredAt: at(i) }), completion(l.id, { occurredAt: at(i + 10) })], 'shared-phone');
    }
    expect((await completions()).n).toBe(3);
    const reachedBefore = (await t.engine.get(sql`SELECT COALESCE(SUM(learners), 0) AS n FROM stats_first_days WHERE group_key = 'tdp-1'`) as { n: number }).n;
    expect(reachedBefore).toBe(3);
    // A fourth learner on the same phone: all four wait for a reviewer.
    const fourth = people[3];
    await send(fourth, [consentGiven(fourth.id), profileUpdated(fourth.id, { residentialGroupId: 'tdp-1' }), completion(fourth.id, { occurredAt: at(30) })], 'shared-phone');
    expect((await completions()).n).toBe(0);
    expect((await t.engine.get(sql`SELECT COALESCE(SUM(learners), 0) AS n FROM stats_first_days WHERE group_key = 'tdp-1'`) as { n: number }).n).toBe(0);
    expect(await held()).toBe(7);
    await expectEqualsRebuild();

    // Their profile still stands (group, consent); only their learning waits.
    const view = await (await t.request('/api/v1/integrity/anomalies', { headers: { cookie: reviewer } })).json();
    expect(view.rules.find((r: { rule: string }) => r.rule === 'learners-per-device')).toEqual({ rule: 'learners-per-device', learners: 4, records: 7 });
    expect(view.groups).toEqual([{ groupId: 'tdp-1', learners: 4, records: 7 }]);
    expect(view.learners.map((x: { code: string }) => x.code).every((c: string) => /^[A-Z0-9]{6}$/.test(c))).toBe(true);
    expect(JSON.stringify(view)).not.toMatch(/Lan|1958/);

    for (const l of people.slice(0, 2)) await review(l.id, 'accepted');
    await review(people[2].id, 'dismissed');
    expect((await completions()).n).toBe(2);
    // An accepted learner's next records count; a dismissed one's never do.
    await send(people[0], [completion(people[0].id, { lessonId: 'phishing', occurredAt: at(60) })], 'shared-phone');
    await send(people[2], [completion(people[2].id, { lessonId: 'phishing', occurredAt: at(60) })], 'shared-phone');
    expect((await completions()).n).toBe(3);
    await expectEqualsRebuild();

    // Decisions are in the audit log, by learner code.
    const audit = await t.engine.all(sql`SELECT action, target_type, target_id FROM audit_log WHERE action LIKE 'integrity.%' ORDER BY id`) as Array<{ action: string; target_type: string; target_id: string }>;
    expect(audit.map((a) => a.action)).toEqual(['integrity.accepted', 'integrity.accepted', 'integrity.dismissed']);
    expect(audit.every((a) => a.target_type === 'learner' && a.target_id.length === 6)).toBe(true);
  });
});

describe('registrations per address', () => {
  it('puts a burst from one address under review, and erasure removes the holds', async () => {
    await setup({ maxRegistrationsPerAddress: 2 });
    const a = await register('198.51.100.1');
    await send(a, [completion(a.id, { occurredAt: at(0) })]);
    expect((await completions()).n).toBe(1);
    const b = await register('198.51.100.1');
    const c = await register('198.51.100.1');
    expect((await completions()).n).toBe(0);
    await send(b, [completion(b.id, { occurredAt: at(0) })]);
    expect((await completions()).n).toBe(0);
    expect(await held()).toBe(2);
    // Another address is not affected.
    const d = await register('198.51.100.2');
    await send(d, [completion(d.id, { occurredAt: at(0) })]);
    expect((await completions()).n).toBe(1);
    await expectEqualsRebuild();
    // Erasing a learner under review leaves no hold behind.
    expect((await t.request('/api/v1/me', { method: 'DELETE', headers: b.auth })).status).toBeLessThan(300);
    expect((await t.engine.get(sql`SELECT COUNT(*) AS n FROM integrity_holds WHERE learner_id = ${b.id}`) as { n: number }).n).toBe(0);
    expect((await t.engine.get(sql`SELECT COUNT(*) AS n FROM integrity_learners WHERE learner_id = ${b.id}`) as { n: number }).n).toBe(0);
    void c;
  });

  it('a check-in to a session its guide has synced vouches for a burst; other rules and unknown codes still wait for a reviewer', async () => {
    await setup({ maxRegistrationsPerAddress: 2 });
    // A session at the cultural house: everyone registers over its wifi.
    const lan = await createGuide(t, 'lan', ['tdp-1']);
    const session = sessionCreated(lan, { code: 'ACDE3467', startsAt: at(0), occurredAt: at(-10) });
    expect((await guideSync(t, lan, [session])).status).toBe(200);
    const [a, b, c] = [await register('192.0.2.50'), await register('192.0.2.50'), await register('192.0.2.50')];
    await send(a, [completion(a.id, { occurredAt: at(20) })]);
    await send(b, [completion(b.id, { occurredAt: at(20) })]);
    expect((await completions()).n).toBe(0);
    expect(await held()).toBe(2);

    // a checks in: accepted as checked in, its held completion counts once, and so does the next.
    await send(a, [joined(a.id, 'ACDE3467', { occurredAt: at(5) })]);
    expect((await completions()).n).toBe(1);
    const decided = await t.engine.get(sql`SELECT decision, decided_by AS by FROM integrity_learners WHERE learner_id = ${a.id}`);
    expect(decided).toEqual({ decision: 'accepted', by: SESSION_CHECK_IN });
    await send(a, [joined(a.id, 'ACDE3467', { occurredAt: at(6) })]); // a resend changes nothing
    expect((await completions()).n).toBe(1);

    // c finished a lesson in no time: that record still waits for a reviewer after c checks in; c's others count.
    await send(c, [completion(c.id, { occurredAt: at(21), durationSec: 1 }), completion(c.id, { lessonId: 'phishing', occurredAt: at(40) })]);
    await send(c, [joined(c.id, 'ACDE3467', { occurredAt: at(5) })]);
    expect((await completions()).n).toBe(2);
    expect(await held()).toBe(2); // b's, and c's lesson done in a second

    // b names a code no guide has synced: it stays held.
    await send(b, [joined(b.id, 'FGHJ4679', { occurredAt: at(5) })]);
    expect((await completions()).n).toBe(2);
    await expectEqualsRebuild();
  });

  it('a review of an unknown learner is 404, a malformed id or decision 400; none writes, nor does one with nothing held', async () => {
    await setup();
    const l = await register();
    const before = await t.snapshot();
    expect((await (await review(l.id, 'accepted')).json()).records).toBe(0);
    expect((await review(uuidv7(), 'accepted')).status).toBe(404);
    expect((await review('not-an-id', 'accepted')).status).toBe(400);
    expect((await review(uuidv7(), 'maybe')).status).toBe(400);
    expect(await t.snapshot()).toBe(before);
  });
});
