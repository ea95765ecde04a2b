// Sync requests that arrive together are committed as one group
// (server/sync/group-commit.ts) and each request's rollup work is merged per
// learner, day, course and lesson (server/stats/rollup-batch.ts). Whatever the
// batching, concurrency and order of arrival, every event must be stored
// exactly once and the dashboard's rollups must equal a rebuild from the
// stored events.
import { afterEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids.ts';
import { sql } from 'drizzle-orm';
import { completion, ORIGIN, registerLearner, setupTestApp, started, type TestApp } from './helpers.ts';
import { CATALOG, consentGiven, profileUpdated } from './resident-support.ts';

const NOW = Date.parse('2025-06-20T05:00:00Z');
// Only catalogue lessons: others are refused before they are stored (integrity-catalogue.test.ts).
const LESSONS = CATALOG.courses.flatMap((c) => c.lessons.map((l) => [c.id, l.id]));
const TABLES = [
  'stats_learners', 'stats_learner_days', 'stats_learner_lessons', 'stats_learner_courses', 'stats_daily',
  'stats_first_days', 'stats_first_course_days', 'stats_people', 'stats_course_days', 'stats_active_spans',
];

function random(seed: number) {
  let s = seed;
  return () => ((s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648);
}

/** Each table's rows, ignoring counter rows that netted out to zero. */
async function snapshot(t: TestApp) {
  const out: Record<string, string[]> = {};
  for (const table of TABLES) {
    const rows = await t.engine.all<Record<string, unknown>>(sql`SELECT * FROM ${sql.identifier(table)}`);
    out[table] = rows
      .filter((r) => !['learners', 'started', 'completed', 'reached'].some((k) => k in r) || Object.entries(r).some(([k, v]) => ['learners', 'started', 'completed', 'reached'].includes(k) && v !== 0))
      .map((r) => JSON.stringify(r))
      .sort();
  }
  return out;
}

async function post(t: TestApp, auth: Record<string, string>, events: unknown[]) {
  const res = await t.postJson('/api/v1/sync', { deviceId: 'device-test-0001', events }, auth);
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: Array<{ id: string; status: string }> }).results;
}

let t: TestApp | undefined;
afterEach(() => t?.close());

describe('grouped sync with merged rollups', () => {
  it.each([1, 2, 3])('stores each event once and keeps rollups equal to a rebuild (seed %i)', async (seed) => {
    t = setupTestApp({ now: NOW, catalog: CATALOG });
    const app = t;
    const rnd = random(seed);
    const learners = await Promise.all(Array.from({ length: 5 }, () => registerLearner(app)));
    const plans = learners.map((l, n) => {
      const events: Array<Record<string, unknown>> = n % 2 === 0 ? [consentGiven(l.id), profileUpdated(l.id, { residentialGroupId: null, birthYear: 1950 + n })] : [];
      for (let i = 0; i < 40; i++) {
        const [courseId, lessonId] = LESSONS[Math.floor(rnd() * LESSONS.length)];
        const occurredAt = new Date(Date.UTC(2025, 5, 1 + Math.floor(rnd() * 18), 2 + Math.floor(rnd() * 10))).toISOString();
        const fields = { occurredAt, courseId, lessonId, id: uuidv7() };
        events.push(rnd() < 0.4 ? started(l.id, fields) : completion(l.id, { ...fields, score: Math.floor(rnd() * 101) }));
      }
      // Every catalog course completed, so completion and household days are exercised.
      for (const [courseId, lessonId] of LESSONS) events.push(completion(l.id, { courseId, lessonId, occurredAt: `2025-06-${String(10 + n).padStart(2, '0')}T09:00:00+07:00` }));
      // Arrival order is not time order: an offline phone's older events come later.
      const profile = events.splice(0, n % 2 === 0 ? 2 : 0);
      const rest = events.sort(() => rnd() - 0.5);
      return { learner: l, events: [...profile, ...rest] };
    });

    // All learners at once (so requests are grouped), each phone one batch at a time.
    const statuses = new Map<string, string[]>();
    await Promise.all(
      plans.map(async ({ learner, events }) => {
        for (let i = 0; i < events.length; ) {
          const size = 1 + Math.floor(rnd() * 25);
          const batch = events.slice(i, i + size);
          i += size;
          // Sometimes the phone resends a batch while the first send is still in flight.
          const sends = rnd() < 0.3 ? [post(app, learner.auth, batch), post(app, learner.auth, batch)] : [post(app, learner.auth, batch)];
          for (const results of await Promise.all(sends)) for (const r of results) statuses.set(r.id, [...(statuses.get(r.id) ?? []), r.status]);
        }
      }),
    );

    const total = plans.reduce((n, p) => n + p.events.length, 0);
    expect(await app.count('events')).toBe(total);
    for (const [id, s] of statuses) expect(s.filter((x) => x === 'accepted'), id).toHaveLength(1);
    await app.settle();
    expect(await app.count('stats_learner_courses WHERE completed_day IS NOT NULL')).toBeGreaterThanOrEqual(learners.length * CATALOG.courses.length);

    const live = await snapshot(app);
    await app.engine.run(sql`DELETE FROM stats_state`);
    // Started again without a cursor: the rollups are rebuilt from the events before the first request is answered.
    await app.appOnSameDatabase({ now: () => NOW, catalog: CATALOG }).request(`${ORIGIN}/api/v1/stats/settle`);
    expect(await snapshot(app)).toEqual(live);
  });
});
