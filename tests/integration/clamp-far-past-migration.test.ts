// SQLite only, by nature: it replays one of SQLite's own migrations
// (server/db/migrations) over a database the old server left; PostgreSQL's
// tables were made with the clamp already in place.
// Migration clamp_far_past: records stored before the far-past clamp, dated
// 1970 by a phone whose clock reset, were counted on 1 January 1970. After
// the migration (and the rollup rebuild it asks for at the next start) they
// count on the day they arrived, exactly as the ingest now files them
// (server/records/times.ts); a record dated within the year keeps its date.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { MIGRATIONS_DIR } from '../../server/paths.ts';
import { effectiveTime } from '../../server/records/times.ts';
import { dayOf, isoFromDay } from '../../shared/stats/days.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { completion, createStaff, DEVICE_ID, login, ORIGIN, registerLearner, setupTestApp, type TestApp } from './helpers.ts';
import { CATALOG } from './resident-support.ts';
import { NOW } from './dashboard-support.ts';

let t: TestApp;
afterEach(() => t.close());

/** Runs the migration's statements in one transaction, as drizzle's migrator does. */
function runMigration() {
  const file = readdirSync(MIGRATIONS_DIR).find((f) => f.endsWith('_clamp_far_past.sql'))!;
  const statements = readFileSync(join(MIGRATIONS_DIR, file), 'utf8').split('--> statement-breakpoint');
  t.sqlite.transaction(() => statements.forEach((s) => t.sqlite.exec(s)))();
}

/** Stores a record as the server did before the clamp: effective time min(phone, arrival), no far-past rule. */
function storeOldStyle(e: ReturnType<typeof completion> & { type: string }, receivedAt: number) {
  const occurredAt = Date.parse(e.occurredAt);
  t.sqlite
    .prepare('INSERT INTO events (id, type, learner_id, device_id, course_id, lesson_id, occurred_at, received_at, effective_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)')
    .run(e.id, e.type, e.learnerId, e.deviceId, e.courseId, e.lessonId, occurredAt, receivedAt, Math.min(occurredAt, receivedAt), JSON.stringify(e));
}
const dailyDays = () => (t.sqlite.prepare('SELECT day, completions FROM stats_daily WHERE completions > 0 ORDER BY day').all() as Array<{ day: number; completions: number }>).map((r) => [isoFromDay(r.day), r.completions]);
/** A restart: a new app on the same file rebuilds the rollups when their state row asks for it, before its first answer. */
const restart = async () => void (await createApp({ db: t.db, sqlite: t.sqlite, now: () => NOW, catalog: CATALOG }).request('/api/v1/stats/settle'));

describe('migration clamp_far_past', () => {
  it('re-dates a 1970 record to its arrival day and the rebuilt rollups count it there', async () => {
    t = setupTestApp({ now: NOW, catalog: CATALOG });
    const learner = await registerLearner(t);
    const arrived = NOW - 3 * 86_400_000; // arrived three days before "now"
    const reset = completion(learner.id, { occurredAt: '1970-01-01T00:00:07Z', lessonId: 'phishing' });
    const offline = completion(learner.id, { occurredAt: '2024-09-01T09:00:00+07:00' }); // 9 months before arrival: believed
    storeOldStyle(reset, arrived);
    storeOldStyle(offline, arrived);
    const checkin = { id: uuidv7(), type: 'session.joined', learnerId: learner.id, deviceId: DEVICE_ID, occurredAt: '1970-01-01T00:01:00Z', code: 'HJKM3467', method: 'code' };
    t.sqlite
      .prepare('INSERT INTO events (id, type, learner_id, device_id, occurred_at, received_at, effective_at, payload) VALUES (?, ?, ?, ?, ?, ?, ?, ?)')
      .run(checkin.id, checkin.type, learner.id, DEVICE_ID, 60_000, arrived, 60_000, JSON.stringify(checkin));
    t.sqlite.prepare('INSERT INTO session_checkins (code, learner_id, event_id, joined_at) VALUES (?, ?, ?, ?)').run('HJKM3467', learner.id, checkin.id, 60_000);
    // The rollups as the old server built them.
    t.sqlite.prepare('UPDATE stats_state SET version = -1').run();
    await restart();
    expect(dailyDays()).toEqual([['1970-01-01', 1], ['2024-09-01', 1]]);

    runMigration();
    await restart();

    const effective = (id: string) => (t.sqlite.prepare('SELECT effective_at AS at FROM events WHERE id = ?').get(id) as { at: number }).at;
    expect(effective(reset.id)).toBe(effectiveTime(Date.parse(reset.occurredAt), arrived));
    expect(effective(reset.id)).toBe(arrived);
    expect(effective(offline.id)).toBe(Date.parse(offline.occurredAt));
    expect(effective(checkin.id)).toBe(arrived);
    expect(t.sqlite.prepare('SELECT joined_at AS at FROM session_checkins WHERE event_id = ?').get(checkin.id)).toEqual({ at: arrived });
    expect(dailyDays()).toEqual([['2024-09-01', 1], [isoFromDay(dayOf(arrived)), 1]]);
    // The learner's first active day is no longer 1970 either.
    expect(t.sqlite.prepare('SELECT first_day AS d FROM stats_learners WHERE learner_id = ?').get(learner.id)).toEqual({ d: dayOf(Date.parse(offline.occurredAt)) });

    // And the dashboard over the arrival day counts it.
    await createStaff(t, 'lan', 'reviewer');
    const office = { cookie: await login(t, 'lan', 'correct horse battery'), origin: ORIGIN };
    const day = isoFromDay(dayOf(arrived));
    const res = await t.request(`/api/v1/stats/headline?from=${day}&to=${day}`, { headers: office });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { headline: { lessonsCompleted: number } }).headline.lessonsCompleted).toBe(1);

    // Running it twice changes nothing more.
    const before = dailyDays();
    runMigration();
    await restart();
    expect(dailyDays()).toEqual(before);
  });
});
