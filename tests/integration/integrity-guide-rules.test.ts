// The guide rules of shared/integrity/plausibility.ts against real SQLite:
// a guide's lessons and outcomes that no session could hold are stored,
// answered 'accepted' (the guide's phone loses nothing), held out of every
// figure and listed in the anomaly view until a reviewer decides; a real
// session at a cultural house trips none of them; live rollups equal a
// rebuild throughout.
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { createCatalog } from '../../server/resident/catalog.ts';
import type { Anomalies } from '../../shared/integrity/api.ts';
import { reviewRef } from '../../server/integrity/anomalies.ts';
import { createStaff, login, ORIGIN, setupTestApp, type TestApp } from './helpers.ts';
import { NOW } from './dashboard-support.ts';
import { assistedCompletion, assistedRegistered, createGuide, guideSyncResults, outcome, sessionCreated, type Guide } from './guide-support.ts';

// Lessons with their authors' minutes, as the built catalogue has them: 20 minutes each, so at
// least 240 s each at the fastest believable pace (a fifth).
const CATALOG = createCatalog({
  courses: [
    { id: 'cyber-safety', skill: 'cyber-safety', title: { vi: 'An toàn', en: 'Safety' }, lessons: [{ id: 'strong-passwords', minutes: 10 }, { id: 'phishing', minutes: 10 }] },
    { id: 'long-course', skill: 'public-services', title: { vi: 'Khóa dài', en: 'Long' }, lessons: Array.from({ length: 40 }, (_, i) => ({ id: `lesson-${i + 1}`, minutes: 20 })) },
  ],
});

let t: TestApp;
let guide: Guide;
let office: Record<string, string>;
afterEach(() => t.close());

async function setup() {
  t = setupTestApp({ now: NOW, catalog: CATALOG });
  guide = await createGuide(t, 'guide1', ['tdp-1']);
  await createStaff(t, 'office', 'reviewer');
  office = { cookie: await login(t, 'office', 'correct horse battery'), origin: ORIGIN };
}

const H = 3_600_000;
const START = Date.parse('2025-06-14T08:00:00+07:00');
const iso = (ms: number) => new Date(ms).toISOString();
async function send(events: unknown[]) {
  const results = await guideSyncResults(t, guide, events);
  expect(results.filter((r) => r.status !== 'accepted')).toEqual([]);
}
const held = async () => (await t.engine.all(sql`SELECT rules FROM integrity_holds WHERE status = 'held'`) as Array<{ rules: string }>).map((r) => JSON.parse(r.rules) as string[]);
const assistedCompletions = async () => (await t.engine.get(sql`SELECT COALESCE(SUM(assisted_completions), 0) AS n FROM stats_daily`) as { n: number }).n;
const anomalies = async () => (await (await t.request('/api/v1/integrity/anomalies', { headers: office })).json()) as Anomalies;
const review = (learnerId: string, decision: string) => t.postJson(`/api/v1/integrity/learners/${learnerId}/review`, { decision }, office);
const headline = async () => ((await (await t.request('/api/v1/stats/headline?from=2025-06-01&to=2025-06-20', { headers: office })).json()) as { headline: { outcomesConfirmed: number; assistedCompletions: number } }).headline;

async function rollups() {
  const out: Record<string, unknown[]> = {};
  for (const table of ['stats_daily', 'stats_learners', 'stats_learner_lessons', 'stats_learner_days']) {
    out[table] = (await t.engine.all(sql`SELECT * FROM ${sql.raw(table)}`) as Array<Record<string, unknown>>).filter((r) => !('completions' in r && r.completions === 0 && r.starts === 0 && r.assisted_completions === 0)).map((r) => JSON.stringify(r)).sort();
  }
  return out;
}
async function expectEqualsRebuild() {
  const live = await rollups();
  await t.engine.run(sql`UPDATE stats_state SET version = -1`);
  await t.appOnSameDatabase({ now: () => NOW, catalog: CATALOG }).request('/api/v1/stats/settle'); // rebuilt before its first answer
  expect(await rollups()).toEqual(live);
}

describe('guide rules', () => {
  it('a real session at a cultural house trips none: 30 residents, 2 lessons and an outcome each, recorded at its end', async () => {
    await setup();
    const session = sessionCreated(guide, { startsAt: iso(START), durationMin: 120, occurredAt: iso(START - 10 * 60_000) });
    const people = Array.from({ length: 30 }, () => assistedRegistered(guide, { sessionId: session.sessionId, occurredAt: iso(START + 5 * 60_000) }));
    const end = START + 2 * H;
    const records = people.flatMap((p, i) => [
      assistedCompletion(guide, p.learnerId, { sessionId: session.sessionId, lessonId: 'strong-passwords', occurredAt: iso(end + i * 20_000) }),
      assistedCompletion(guide, p.learnerId, { sessionId: session.sessionId, lessonId: 'phishing', occurredAt: iso(end + i * 20_000 + 5_000) }),
      outcome(guide, p.learnerId, { sessionId: session.sessionId, occurredAt: iso(end + i * 20_000 + 10_000) }),
    ]);
    await send([session, ...people, ...records]);
    expect(await held()).toEqual([]);
    expect(await assistedCompletions()).toBe(60);
    expect((await headline()).outcomesConfirmed).toBe(30);
  });

  it('holds the lessons beyond what the session could hold for one learner; accept counts them once', async () => {
    await setup();
    // 30 minutes plus the hour's slack hold 90 minutes: 22 lessons at 240 s each; the guide files all 40.
    const session = sessionCreated(guide, { startsAt: iso(START), durationMin: 30, courses: ['long-course'], occurredAt: iso(START) });
    const p = assistedRegistered(guide, { sessionId: session.sessionId, occurredAt: iso(START) });
    const lessons = Array.from({ length: 40 }, (_, i) => assistedCompletion(guide, p.learnerId, { sessionId: session.sessionId, courseId: 'long-course', lessonId: `lesson-${i + 1}`, occurredAt: iso(START + 20 * 60_000 + i * 1000) }));
    await send([session, p, ...lessons]);
    expect(await held()).toEqual(Array.from({ length: 18 }, () => ['guided-lessons-per-learner']));
    expect(await assistedCompletions()).toBe(22);
    const view = await anomalies();
    expect(view.rules.find((r) => r.rule === 'guided-lessons-per-learner')).toEqual({ rule: 'guided-lessons-per-learner', learners: 1, records: 18 });
    expect(view.learners.map((l) => [l.ref, l.rules, l.held])).toEqual([[reviewRef(p.learnerId), ['guided-lessons-per-learner'], 18]]);
    expect(JSON.stringify(view)).not.toContain(p.learnerId);
    expect(view.limits.maxGuidedLearnersPerHour).toBe(40);
    await expectEqualsRebuild();

    expect((await (await review(p.learnerId, 'accepted')).json()).records).toBe(18);
    expect(await assistedCompletions()).toBe(40);
    expect((await (await review(p.learnerId, 'accepted')).json()).records).toBe(0);
    expect(await assistedCompletions()).toBe(40);
    await expectEqualsRebuild();
  });

  it('holds a guide\'s records for the 41st learner within an hour and after; dismissed ones never count', async () => {
    await setup();
    const people = Array.from({ length: 45 }, () => assistedRegistered(guide, { occurredAt: iso(START) }));
    const lessons = people.map((p, i) => assistedCompletion(guide, p.learnerId, { occurredAt: iso(START + i * 60_000) }));
    await send([...people, ...lessons]);
    expect(await held()).toEqual(Array.from({ length: 5 }, () => ['guided-learners-per-hour']));
    expect(await assistedCompletions()).toBe(40);
    // Decided by the handles the view gives, never by learner ids.
    const waiting = (await anomalies()).learners.map((l) => l.ref);
    expect(waiting.sort()).toEqual(people.slice(40).map((p) => reviewRef(p.learnerId)).sort());
    for (const id of waiting) expect((await review(id, 'dismissed')).status).toBe(200);
    expect(await assistedCompletions()).toBe(40);
    await expectEqualsRebuild();
    // An hour later, the same guide records again as usual.
    const later = assistedCompletion(guide, people[0].learnerId, { lessonId: 'phishing', occurredAt: iso(START + 46 * 60_000 + H) });
    await send([later]);
    expect(await assistedCompletions()).toBe(41);
  });

  it('holds lessons and outcomes recorded outside the time of the session they name', async () => {
    await setup();
    const session = sessionCreated(guide, { startsAt: iso(START), durationMin: 90, occurredAt: iso(START) });
    const p = assistedRegistered(guide, { sessionId: session.sessionId, occurredAt: iso(START) });
    const inTime = assistedCompletion(guide, p.learnerId, { sessionId: session.sessionId, occurredAt: iso(START + 30 * 60_000) });
    // Three days after the session ended.
    const late = assistedCompletion(guide, p.learnerId, { sessionId: session.sessionId, lessonId: 'phishing', occurredAt: iso(START + 75 * H) });
    const lateOutcome = outcome(guide, p.learnerId, { sessionId: session.sessionId, occurredAt: iso(START + 75 * H) });
    await send([session, p, inTime, late, lateOutcome]);
    expect(await held()).toEqual([['outside-session'], ['outside-session']]);
    expect(await assistedCompletions()).toBe(1);
    expect((await headline()).outcomesConfirmed).toBe(0);
    await expectEqualsRebuild();
    expect((await (await review(p.learnerId, 'accepted')).json()).records).toBe(2);
    expect(await assistedCompletions()).toBe(2);
    expect((await headline()).outcomesConfirmed).toBe(1);
    await expectEqualsRebuild();
  });
});
