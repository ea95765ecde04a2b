// The dashboard's counters (server/db/schema/stats-counters.ts) are kept by
// SQLite triggers. Whatever path changes the rollups — live sync, a learner's
// erasure, a full rebuild — they must equal a recount from the rows.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completion, registerLearner, setupTestApp, started, type TestApp } from './helpers.ts';
import { NOW, seedFixture } from './dashboard-support.ts';
import { CATALOG, syncEvents } from './resident-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = setupTestApp({ now: NOW, catalog: CATALOG });
  await seedFixture(t);
}, 60_000);
afterAll(() => t.close());

const RECOUNT: Record<string, [string, string]> = {
  stats_first_days: [
    "SELECT coalesce(group_id, '') AS a, is_assisted AS b, first_day AS c, COUNT(*) AS n FROM stats_learners WHERE first_day IS NOT NULL GROUP BY 1, 2, 3",
    'SELECT group_key AS a, is_assisted AS b, day AS c, learners AS n FROM stats_first_days WHERE learners <> 0',
  ],
  stats_first_course_days: [
    "SELECT coalesce(group_id, '') AS a, first_course_day AS b, COUNT(*) AS n FROM stats_learners WHERE first_course_day IS NOT NULL GROUP BY 1, 2",
    'SELECT group_key AS a, day AS b, learners AS n FROM stats_first_course_days WHERE learners <> 0',
  ],
  stats_people: [
    `SELECT coalesce(group_id, '') AS a, coalesce(birth_year, 0) AS b, coalesce(gender, '') AS c, COUNT(first_day) AS r, COUNT(first_course_day) AS n
     FROM stats_learners GROUP BY 1, 2, 3 HAVING COUNT(first_day) <> 0 OR COUNT(first_course_day) <> 0`,
    'SELECT group_key AS a, birth_year AS b, gender AS c, reached AS r, completed AS n FROM stats_people WHERE reached <> 0 OR completed <> 0',
  ],
  stats_course_days: [
    `SELECT course_id AS a, day AS b, SUM(s) AS s, SUM(c) AS n FROM (
       SELECT course_id, started_day AS day, 1 AS s, 0 AS c FROM stats_learner_courses
       UNION ALL SELECT course_id, completed_day, 0, 1 FROM stats_learner_courses WHERE completed_day IS NOT NULL) AS days GROUP BY 1, 2`,
    'SELECT course_id AS a, day AS b, started AS s, completed AS n FROM stats_course_days WHERE started <> 0 OR completed <> 0',
  ],
  stats_active_spans: [
    `SELECT day AS a, coalesce(next_day, 2147483647) AS b, COUNT(*) AS n FROM (
       SELECT day, LEAD(day) OVER (PARTITION BY learner_id ORDER BY day) AS next_day FROM stats_learner_days) AS spans GROUP BY 1, 2`,
    'SELECT day AS a, next_day AS b, learners AS n FROM stats_active_spans WHERE learners <> 0',
  ],
  stats_device_hours: ['SELECT last_sync_at / 3600000 AS a, COUNT(*) AS n FROM devices GROUP BY 1', 'SELECT hour AS a, devices AS n FROM stats_device_hours WHERE devices <> 0'],
};

// Written to hold on both engines: no sums of comparisons, no aliases in HAVING, every subquery named.
async function expectCountersMatch(when: string) {
  for (const [table, [recount, stored]] of Object.entries(RECOUNT)) {
    const sort = (rows: unknown[]) => rows.map((r) => JSON.stringify(r)).sort();
    expect(sort(await t.engine.all(sql.raw(stored))), `${table} ${when}`).toEqual(sort(await t.engine.all(sql.raw(recount))));
  }
}

describe('stats counters', () => {
  it('match a recount after live sync, including days that arrive out of order', async () => {
    const l = await registerLearner(t);
    const day = (d: string) => `${d}T09:00:00+07:00`;
    // Later days first, then an earlier one in between and one before all.
    await syncEvents(t, l.auth, [started(l.id, { occurredAt: day('2025-06-10') }), started(l.id, { occurredAt: day('2025-06-14') })]);
    await syncEvents(t, l.auth, [completion(l.id, { occurredAt: day('2025-06-12') }), completion(l.id, { occurredAt: day('2025-06-01') })]);
    expect(await t.engine.get(sql`SELECT COUNT(*) AS n FROM stats_active_spans WHERE learners < 0`)).toEqual({ n: 0 });
    await expectCountersMatch('after sync');
  });

  it('match a recount after a learner is erased', async () => {
    const l = await registerLearner(t);
    await syncEvents(t, l.auth, [completion(l.id, { occurredAt: '2025-06-03T09:00:00+07:00' }), completion(l.id, { occurredAt: '2025-06-05T09:00:00+07:00' })]);
    expect((await t.request('/api/v1/me', { method: 'DELETE', headers: l.auth })).status).toBe(204);
    await expectCountersMatch('after erasure');
  });

  it('match a recount after the rollups are rebuilt from the events', async () => {
    await t.engine.run(sql`DELETE FROM stats_state`);
    await t.appOnSameDatabase({ now: () => NOW, catalog: CATALOG }).request('/api/v1/stats/settle'); // rebuilt before its first answer
    await expectCountersMatch('after rebuild');
  });
});
