// The scripted-learner attack of the field review: 20 learners registered
// from one address, each reporting every lesson done in 0 seconds, used to
// move a residential group's coverage from "<5" to 21. They are now stored
// but held: coverage does not move until a reviewer accepts them, and then
// each counts exactly once (server/integrity/holds.ts).
import { afterEach, describe, expect, it } from 'vitest';
import { newSecret, uuidv7 } from '../../shared/ids.ts';
import { completion, createStaff, login, setupTestApp, type TestApp } from './helpers.ts';
import { CATALOG, consentGiven, profileUpdated } from './resident-support.ts';
import { NOW } from './dashboard-support.ts';

let t: TestApp;
let reviewer: string;
async function setup(plausibility = {}) {
  t = setupTestApp({ now: NOW, catalog: CATALOG, config: { trustProxy: true, plausibility } });
  await createStaff(t, 'office', 'reviewer');
  reviewer = await login(t, 'office', 'correct horse battery');
}
afterEach(() => t.close());

const ALL_LESSONS = CATALOG.courses.flatMap((c) => c.lessons.map((l) => ({ courseId: c.id, lessonId: l.id })));

async function register(address: string) {
  const id = uuidv7();
  const secret = newSecret();
  const res = await t.postJson('/api/v1/learners', { id, secret }, { 'x-forwarded-for': address });
  expect(res.status).toBe(201);
  return { id, auth: { authorization: `Bearer ${id}.${secret}` } };
}

/** A learner in tdp-1 who completes every lesson, `durationSec` each, on their own phone. */
async function learnEverything(l: { id: string; auth: Record<string, string> }, durationSec: number, day: string) {
  const events = [
    consentGiven(l.id),
    profileUpdated(l.id, { residentialGroupId: 'tdp-1' }),
    ...ALL_LESSONS.map((x, i) => completion(l.id, { ...x, durationSec, occurredAt: new Date(Date.parse(`${day}T08:00:00+07:00`) + i * 15 * 60_000).toISOString() })),
  ].map((e) => ({ ...e, deviceId: `phone-${l.id.slice(-12)}` }));
  const res = await t.postJson('/api/v1/sync', { deviceId: `phone-${l.id.slice(-12)}`, events }, l.auth);
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: Array<{ status: string }> }).results;
}

async function tdp1() {
  const res = await t.request('/api/v1/stats/coverage?from=2025-06-01&to=2025-06-20', { headers: { cookie: reviewer } });
  expect(res.status).toBe(200);
  const { coverage } = (await res.json()) as { coverage: Array<{ groupId: string; reached: number | string; completed: number | string }> };
  const row = coverage.find((r) => r.groupId === 'tdp-1')!;
  return { reached: row.reached, completed: row.completed };
}
const headlineLessons = async () => {
  const res = await t.request('/api/v1/stats/headline?from=2025-06-01&to=2025-06-20', { headers: { cookie: reviewer } });
  return ((await res.json()) as { headline: { lessonsCompleted: number; learners: number } }).headline;
};

/** The attack: 20 learners from one address, every lesson "done" in 0 seconds. */
async function attack() {
  const scripted = [];
  for (let i = 0; i < 20; i++) scripted.push(await register('198.51.100.66'));
  for (const l of scripted) expect((await learnEverything(l, 0, '2025-06-12')).every((r) => r.status === 'accepted')).toBe(true);
}

describe('20 scripted learners', () => {
  it('without the rules (as before them), move coverage from "<5" to 22 at once', async () => {
    await setup({ minLessonSeconds: 0, minShareOfLessonTime: 0, maxRegistrationsPerAddress: 1_000 });
    for (const address of ['203.0.113.7', '203.0.113.8']) await learnEverything(await register(address), 300, '2025-06-10');
    const before = await tdp1();
    const started = performance.now();
    await attack();
    const after = await tdp1();
    expect([before.reached, after.reached]).toEqual(['<5', 22]);
    console.log(`without the rules, tdp-1 reached: ${before.reached} → ${after.reached} (attack took ${Math.round(performance.now() - started)} ms in-process)`);
  });

  it('do not move coverage until a reviewer accepts them; then each counts once', async () => {
    await setup();
    // Two real residents, each on their own phone and address, five minutes a lesson.
    for (const address of ['203.0.113.7', '203.0.113.8']) expect((await learnEverything(await register(address), 300, '2025-06-10')).every((r) => r.status === 'accepted')).toBe(true);
    const before = await tdp1();
    expect(before).toEqual({ reached: '<5', completed: '<5' });
    const lessonsBefore = (await headlineLessons()).lessonsCompleted;
    expect(lessonsBefore).toBe(2 * ALL_LESSONS.length);

    // Every record is answered 'accepted' (nothing for a script to learn from, nothing lost for a real phone).
    await attack();
    const during = await tdp1();
    expect(during).toEqual(before);
    expect((await headlineLessons()).lessonsCompleted).toBe(lessonsBefore);

    // The anomaly view lists them; accepting all of them counts each once.
    const view = await t.request('/api/v1/integrity/anomalies', { headers: { cookie: reviewer } });
    expect(view.status).toBe(200);
    const anomalies = (await view.json()) as { learners: Array<{ ref: string; code: string; rules: string[] }>; rules: Array<{ rule: string; learners: number }> };
    expect(anomalies.learners).toHaveLength(20);
    expect(anomalies.rules.find((r) => r.rule === 'registrations-per-address')?.learners).toBe(20);
    expect(anomalies.rules.find((r) => r.rule === 'too-fast')?.learners).toBe(20);
    for (const l of anomalies.learners) {
      const res = await t.postJson(`/api/v1/integrity/learners/${l.ref}/review`, { decision: 'accepted' }, { cookie: reviewer, origin: 'http://localhost' });
      expect(res.status).toBe(200);
    }
    // Accepting again changes nothing.
    const again = await t.postJson(`/api/v1/integrity/learners/${anomalies.learners[0].ref}/review`, { decision: 'accepted' }, { cookie: reviewer, origin: 'http://localhost' });
    expect(((await again.json()) as { records: number }).records).toBe(0);
    const after = await tdp1();
    expect(after).toEqual({ reached: 22, completed: 22 });
    expect((await headlineLessons()).lessonsCompleted).toBe(22 * ALL_LESSONS.length);
    console.log(`scripted-learner attack, tdp-1 reached: before ${before.reached}, after the attack ${during.reached}, after a reviewer accepted all 20 ${after.reached}`);
  });
});
