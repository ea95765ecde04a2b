// A ward whose records are all stored before its rollups catch up (a ward
// imported into a city, restored from a backup, or a city seeded in bulk)
// gets exactly the rollup and counter rows of the same records synced one
// request at a time with the rollups caught up after each, on a SQLite file
// and on PostgreSQL; and it catches up in a few multi-row statements per page
// of records, not a round trip per learner, day, course and lesson (which
// made a ward of 400,000 records take many minutes on PostgreSQL).
import Database from 'better-sqlite3';
import pg from 'pg';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Engine, EngineKind } from '../../server/db/engine/engine.ts';
import { learners } from '../../server/db/schema/index.ts';
import { createHoldTable, rollupForHolds } from '../../server/integrity/hold-table.ts';
import { createIntegrity } from '../../server/integrity/holds.ts';
import { createRecordPipeline } from '../../server/records/pipeline.ts';
import { createStatsRollup, type StatsCatalog } from '../../server/stats/rollup.ts';
import { DEFAULT_PLAUSIBILITY } from '../../shared/integrity/plausibility.ts';
import { BASIC_SKILLS } from '../../shared/skills.ts';
import { ENGINES, testEngines } from '../support/engines.ts';

const engines = testEngines();
const NOW = Date.parse('2026-11-20T03:00:00Z');
const H = 3_600_000;
const DAY = 24 * H;
const iso = (ms: number) => new Date(ms).toISOString();
const uuid = (prefix: number, n: number) => `0190000${prefix}-0000-7000-8000-${String(n).padStart(12, '0')}`;
/** Three lessons for each of the five basic skills, and a track course of two. */
const CATALOG: StatsCatalog = {
  courses: [
    ...BASIC_SKILLS.map((skill) => ({ id: `c-${skill}`, skill, lessons: [{ id: 'l1' }, { id: 'l2' }, { id: 'l3' }] })),
    { id: 'c-track', skill: 'device-basics', lessons: [{ id: 'l1' }, { id: 'l2' }] },
  ],
};
const LESSONS = CATALOG.courses.flatMap((c) => c.lessons.map((l) => [c.id, l.id] as const));
const LIMITS = { ...DEFAULT_PLAUSIBILITY, maxLessonsPerHour: 1000 };
/** More records than one page of the catch-up (5,000). */
const LEARNERS = 330;
const TABLES = ['stats_learners', 'stats_learner_days', 'stats_learner_lessons', 'stats_learner_courses', 'stats_daily', 'stats_first_days', 'stats_first_course_days', 'stats_people', 'stats_course_days', 'stats_active_spans'];
const COUNTERS = ['learners', 'started', 'completed', 'reached'];

function random(seed: number) {
  let s = seed;
  return () => (s = (s * 1_103_515_245 + 12_345) % 2_147_483_648) / 2_147_483_648;
}

/** Each learner's syncs, the same on every run: lessons over three weeks in any arrival order, profiles, a withdrawal, a held record. */
function plans() {
  const rnd = random(7);
  let next = 0;
  return Array.from({ length: LEARNERS }, (_, n) => {
    const learnerId = uuid(1, n);
    const deviceId = `phone-${String(n).padStart(6, '0')}`;
    const envelope = (at: number) => ({ id: uuid(2, next++), learnerId, deviceId, occurredAt: iso(at) });
    const records: Array<Record<string, unknown>> = [];
    const lessons = n % 10 === 0 ? LESSONS : LESSONS.filter(() => rnd() < 0.6);
    for (const [courseId, lessonId] of lessons) {
      const at = NOW - Math.floor(rnd() * 21) * DAY - Math.floor(rnd() * 12) * H;
      records.push({ ...envelope(at - H / 2), type: 'lesson.started', courseId, lessonId });
      // One learner in fifty finishes a lesson too fast to be plausible: held, counted by neither.
      const durationSec = n % 50 === 7 && lessonId === 'l2' ? 5 : 600;
      records.push({ ...envelope(at), type: 'lesson.completed', courseId, lessonId, contentVersion: 'v1', score: Math.floor(rnd() * 101), durationSec });
    }
    if (n % 3 === 0) records.push({ ...envelope(NOW - 20 * DAY), type: 'session.joined', code: 'ACDE3467', method: 'code' });
    if (n % 4 === 0) records.unshift({ ...envelope(NOW - 22 * DAY), type: 'profile.updated', profile: { displayName: null, birthYear: 1950 + (n % 40), gender: n % 8 === 0 ? 'female' : 'male', residentialGroupId: `tdp-${n % 5}`, unit: null } });
    if (n % 12 === 0) records.push({ ...envelope(NOW - DAY), type: 'consent.withdrawn', noticeVersion: 1 });
    // An offline phone sends its older records late.
    const shuffled = records.sort(() => rnd() - 0.5);
    const syncs: Array<Array<Record<string, unknown>>> = [];
    for (let i = 0; i < shuffled.length; ) {
      const size = 1 + Math.floor(rnd() * 12);
      syncs.push(shuffled.slice(i, i + size));
      i += size;
    }
    return { learnerId, deviceId, syncs };
  });
}

/** `stored`: the records are only stored (as an import or a restore writes them), no catch-up scheduled after each. */
async function world(engine: Engine, stored = false) {
  for (let n = 0; n < LEARNERS; n++) await engine.db.insert(learners).values({ id: uuid(1, n), secretHash: 'h', createdAt: NOW - 30 * DAY });
  const holdTable = createHoldTable(engine);
  const rollup = createStatsRollup(engine, CATALOG, () => NOW, holdTable.counted);
  await rollup.ensureFresh();
  const integrity = createIntegrity(engine, { rollup: rollupForHolds(engine, rollup), catalog: { lessonMinutes: () => 10 }, limits: LIMITS, now: () => NOW });
  const pipeline = createRecordPipeline(engine, [integrity.projection, stored ? { ...rollup.projection, learner: undefined } : rollup.projection]);
  /** Sends every learner's syncs, learner after learner; `after` runs after each. */
  async function sendAll(after: () => Promise<void>) {
    let records = 0;
    for (const { learnerId, deviceId, syncs } of plans())
      for (const batch of syncs) {
        const results = await pipeline.learner.ingest({ by: { id: learnerId, deviceId }, records: batch, receivedAt: NOW });
        expect(results.filter((r) => r.status !== 'accepted')).toEqual([]);
        records += batch.length;
        await after();
      }
    return records;
  }
  return { rollup, sendAll };
}

/** Every rollup and counter row a figure reads, counters that netted out to zero left out. */
async function tables(engine: Engine) {
  const out: Record<string, string[]> = {};
  for (const table of TABLES) {
    const rows = await engine.all<Record<string, unknown>>(sql`SELECT * FROM ${sql.identifier(table)}`);
    out[table] = rows
      .filter((r) => !Object.entries(r).some(([k, v]) => COUNTERS.includes(k) && v === 0))
      .map((row) => JSON.stringify(row))
      .sort();
  }
  return out;
}

/** Statements the engine's driver runs while `work` runs. */
async function statementsDuring(kind: EngineKind, work: () => Promise<void>): Promise<number> {
  const probe = new Database(':memory:');
  const spies =
    kind === 'sqlite'
      ? (['run', 'all', 'get', 'iterate'] as const).map((m) => vi.spyOn(Object.getPrototypeOf(probe.prepare('SELECT 1')), m))
      : [vi.spyOn(pg.Client.prototype, 'query')];
  try {
    await work();
    return spies.reduce((n, spy) => n + spy.mock.calls.length, 0);
  } finally {
    for (const spy of spies) spy.mockRestore();
    probe.close();
  }
}

const seen: Partial<Record<EngineKind, unknown>> = {};
afterEach(() => vi.restoreAllMocks());

describe.each(ENGINES)('catching up from many stored records on %s', (kind) => {
  it('gives the rollup and counter rows of the same records caught up after every sync, in a few statements per page', async () => {
    const stepEngine = await engines.fresh(kind);
    const step = await world(stepEngine);
    const records = await step.sendAll(() => step.rollup.catchUp());
    expect(records).toBeGreaterThan(5_000);
    const oneSyncAtATime = await tables(stepEngine);

    const bulkEngine = await engines.fresh(kind);
    const bulk = await world(bulkEngine, true);
    await bulk.sendAll(async () => {});
    // Nothing rolled up yet: every record waits for the catch-up.
    expect((await bulkEngine.all(sql`SELECT * FROM stats_learner_lessons`)).length).toBe(0);
    const statements = await statementsDuring(kind, () => bulk.rollup.catchUp());
    const caughtUp = await tables(bulkEngine);
    expect(caughtUp).toEqual(oneSyncAtATime);
    // Figures a reader sees: courses complete, the five skills, withdrawn profiles, held records left out.
    expect(caughtUp.stats_learner_courses.filter((r) => !r.includes('"completed_day":null')).length).toBeGreaterThan(LEARNERS / 10 * CATALOG.courses.length - 1);
    expect(caughtUp.stats_learners.filter((r) => !r.includes('"five_skills_day":null')).length).toBeGreaterThanOrEqual(LEARNERS / 10);
    // A few statements per page of thousands of records (and one per profile change), where one per key was several per record.
    expect(statements).toBeLessThan(records / 10);
    seen[kind] = caughtUp;
  }, 300_000);
});

describe('both engines', () => {
  it('hold the same rows', () => {
    expect(seen.sqlite).toBeDefined();
    expect(seen.postgres).toEqual(seen.sqlite);
  });
});
