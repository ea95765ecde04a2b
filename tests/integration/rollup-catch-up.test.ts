// Learner records roll up after their sync answered, from a durable cursor
// (server/stats/catch-up.ts). What a user must never notice: a figure read
// after a sync that lacks it, a record counted twice (after a restart, a
// resend or the migration that introduced the cursor), or one never counted.
import { sql } from 'drizzle-orm';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { MIGRATIONS_DIR } from '../../server/paths.ts';
import { CATCH_UP_DELAY_MS, MAX_WAIT_MS, PAUSE_MS } from '../../server/stats/catch-up.ts';
import { completion, createStaff, insertionOrder, TEST_ENGINE, login, registerLearner, setupTestApp, started, type TestApp } from './helpers.ts';
import { CATALOG, consentGiven, profileUpdated, syncEvents } from './resident-support.ts';
import { NOW } from './dashboard-support.ts';

let t: TestApp;
afterEach(() => t.close());

const TABLES = ['stats_learners', 'stats_learner_days', 'stats_learner_lessons', 'stats_learner_courses', 'stats_daily', 'stats_first_days', 'stats_first_course_days', 'stats_people', 'stats_course_days', 'stats_active_spans'];
const dailyCompletions = async () => (await t.engine.get(sql`SELECT COALESCE(SUM(completions), 0) AS n FROM stats_daily`) as { n: number }).n;
const cursor = async () => (await t.engine.get(sql`SELECT learner_events_through AS n FROM stats_state`) as { n: number }).n;
const lastEvent = async () => (await t.engine.get(sql`SELECT COALESCE(MAX(${insertionOrder(t.engine)}), 0) AS n FROM events`) as { n: number }).n;
/** Every rollup row, in a stable order. */
const snapshot = async () => {
  const out: Record<string, string[]> = {};
  for (const table of TABLES) out[table] = (await t.engine.all(sql`SELECT * FROM ${sql.identifier(table)}`)).map((r) => JSON.stringify(r)).sort();
  return out;
};
/** A restart: a new app on the same file (what `npm start` does after a crash), up to its first answer (rollups rebuilt or caught up). */
const restart = async () => void (await t.appOnSameDatabase({ now: () => NOW, catalog: CATALOG }).request('/api/v1/stats/settle'));
const lessons = CATALOG.courses.flatMap((c) => c.lessons.map((l) => ({ courseId: c.id, lessonId: l.id })));

async function learnerWithLessons(n: number) {
  const l = await registerLearner(t);
  const records = [
    consentGiven(l.id),
    profileUpdated(l.id, { residentialGroupId: 'tdp-1', birthYear: 1960 }),
    ...lessons.slice(0, n).flatMap((x, i) => [
      started(l.id, { ...x, occurredAt: `2025-06-1${i % 9}T08:00:00+07:00` }),
      completion(l.id, { ...x, occurredAt: `2025-06-1${i % 9}T08:20:00+07:00` }),
    ]),
  ];
  const results = await syncEvents(t, l.auth, records);
  expect(results.every((r: { status: string }) => r.status === 'accepted')).toBe(true);
  return { learner: l, records };
}

describe('rollups caught up after the sync answered', () => {
  it('the dashboard shows a sync the moment after it answered', async () => {
    t = setupTestApp({ now: NOW, catalog: CATALOG });
    await createStaff(t, 'office', 'reviewer');
    const cookie = await login(t, 'office', 'correct horse battery');
    await learnerWithLessons(3);
    // The answer did not wait for the rollups...
    expect(await dailyCompletions()).toBe(0);
    // ...and the dashboard's own request brings them in before it reads.
    const headline = await (await t.request('/api/v1/stats/headline?from=2025-06-01&to=2025-06-20', { headers: { cookie } })).json();
    expect(headline.headline.selfCompletions).toBe(3);
    expect(await dailyCompletions()).toBe(3);
    expect(await cursor()).toBe(await lastEvent());
  });

  it('with nobody asking, a timer rolls them up within a second or so', async () => {
    t = setupTestApp({ now: NOW, catalog: CATALOG });
    await learnerWithLessons(2);
    expect(await dailyCompletions()).toBe(0);
    const deadline = Date.now() + CATCH_UP_DELAY_MS + 4_000;
    while (await dailyCompletions() === 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    expect(await dailyCompletions()).toBe(2);
  });

  it('while phones keep syncing, the timer waits for a pause, but never longer than its limit', async () => {
    t = setupTestApp({ now: NOW, catalog: CATALOG });
    const { learner } = await learnerWithLessons(1);
    const firstAt = Date.now();
    let caughtUpAt = 0;
    let sends = 0;
    // A sync every PAUSE_MS / 3: never the pause the timer waits for.
    while (Date.now() - firstAt < MAX_WAIT_MS + 2_000) {
      await syncEvents(t, learner.auth, [profileUpdated(learner.id, { residentialGroupId: 'tdp-1', birthYear: 1960 + (sends++ % 30) })]);
      if (!caughtUpAt && await dailyCompletions() === 1) caughtUpAt = Date.now();
      await new Promise((r) => setTimeout(r, PAUSE_MS / 3));
    }
    // Past the usual delay the syncs were still answered first...
    expect(caughtUpAt - firstAt).toBeGreaterThan(CATCH_UP_DELAY_MS + PAUSE_MS);
    // ...and the first records still reached the figures within the limit.
    expect(caughtUpAt).toBeGreaterThan(0);
    expect(caughtUpAt - firstAt).toBeLessThan(MAX_WAIT_MS + 1_000);
    expect(sends).toBeGreaterThan(50);
  }, 20_000);

  it('a restart after a crash counts what was stored but not rolled up, exactly once, as a rebuild would', async () => {
    t = setupTestApp({ now: NOW, catalog: CATALOG });
    const a = await learnerWithLessons(4);
    await t.settle();
    const b = await learnerWithLessons(5);
    // The process stops here: b's records are stored (and acknowledged), not rolled up.
    expect(await cursor()).toBeLessThan(await lastEvent());
    await restart();
    expect(await cursor()).toBe(await lastEvent());
    expect(await dailyCompletions()).toBe(9);
    const live = await snapshot();
    // A second restart, and the phones resending everything, change nothing.
    await restart();
    await syncEvents(t, a.learner.auth, a.records);
    await syncEvents(t, b.learner.auth, b.records);
    await t.settle();
    expect(await snapshot()).toEqual(live);
    // And it equals a rebuild from the stored records.
    await t.engine.run(sql`UPDATE stats_state SET version = -1`);
    await restart();
    expect(await snapshot()).toEqual(live);
  });

  // SQLite's own migration: PostgreSQL's tables have had the cursor from their first migration.
  if (TEST_ENGINE === 'sqlite') it('the migration that added the cursor starts it after the last stored record: nothing counts twice', async () => {
    t = setupTestApp({ now: NOW, catalog: CATALOG });
    await learnerWithLessons(4);
    await t.settle();
    const before = await snapshot();
    // As a database rolled up by the old server looks before the migration: the column at its default.
    await t.engine.run(sql`UPDATE stats_state SET learner_events_through = 0`);
    const file = readdirSync(MIGRATIONS_DIR).find((f) => f.endsWith('_rollup_cursor.sql'))!;
    const [, backfill] = readFileSync(join(MIGRATIONS_DIR, file), 'utf8').split('--> statement-breakpoint');
    t.sqlite.exec(backfill);
    await restart();
    expect(await cursor()).toBe(await lastEvent());
    expect(await snapshot()).toEqual(before);
  });
});
