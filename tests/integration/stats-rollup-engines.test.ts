// The dashboard's rollups (server/stats/rollup.ts and its catch-up) the same
// on a SQLite file and on PostgreSQL: records sent through the record
// pipeline reach the rollup tables (a guide's inside its sync, a learner's by
// the catch-up), a course and the five skills count as complete, a held
// record counts only once a reviewer accepts it, a learner flagged later is
// taken back out, and a rebuild from the stored records gives the same
// tables. Every id and time is fixed, so the two engines' tables are compared
// whole at the end. On PostgreSQL alone, records numbered earlier can commit
// later: the catch-up must still count them.
import { eq, sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine, EngineKind } from '../../server/db/engine/engine.ts';
import { events, learners, statsDaily, statsLearnerCourses, statsLearners, statsState, users } from '../../server/db/schema/index.ts';
import { createHoldTable, rollupForHolds } from '../../server/integrity/hold-table.ts';
import { createIntegrity, type Integrity } from '../../server/integrity/holds.ts';
import { createRecordPipeline, type RecordPipeline } from '../../server/records/pipeline.ts';
import { createStatsRollup, type StatsCatalog, type StatsRollup } from '../../server/stats/rollup.ts';
import { dialectOf } from '../../server/stats/sql.ts';
import { DEFAULT_PLAUSIBILITY } from '../../shared/integrity/plausibility.ts';
import { BASIC_SKILLS } from '../../shared/skills.ts';
import { dayOf } from '../../shared/stats/days.ts';
import { ENGINES, testEngines } from '../support/engines.ts';

const engines = testEngines();
const NOW = Date.parse('2026-11-20T03:00:00Z');
const MIN = 60_000;
const H = 60 * MIN;
const DAY = 24 * H;
const iso = (ms: number) => new Date(ms).toISOString();
/** A fixed UUID per number, so both engines see the same ids. */
const uuid = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const [AN, CHI, DUNG, EM, PHUONG, GIANG] = [1, 2, 3, 4, 5, 6].map(uuid);
const ASSISTED = uuid(7);
const GUIDE = 'guide-1';
/** One course of two lessons for each of the five basic skills, and one course of a track. */
const CATALOG: StatsCatalog = {
  courses: [
    ...BASIC_SKILLS.map((skill) => ({ id: `c-${skill}`, skill, lessons: [{ id: 'l1' }, { id: 'l2' }] })),
    { id: 'c-track', skill: 'device-basics', lessons: [{ id: 'l1' }, { id: 'l2' }] },
  ],
};
const BASIC = CATALOG.courses.slice(0, BASIC_SKILLS.length);
// Room for a whole course list in an hour; two learners a phone, so a third flags them all.
const LIMITS = { ...DEFAULT_PLAUSIBILITY, maxLessonsPerHour: 100, maxLearnersPerDevice: 2 };
const TABLES = ['stats_learners', 'stats_learner_days', 'stats_learner_lessons', 'stats_learner_courses', 'stats_daily', 'stats_first_days', 'stats_first_course_days', 'stats_people', 'stats_course_days', 'stats_active_spans'];

let next = 100;
const started = (learnerId: string, deviceId: string, courseId: string, lessonId: string, at: number) => ({ id: uuid(next++), type: 'lesson.started', learnerId, deviceId, occurredAt: iso(at), courseId, lessonId });
const completion = (learnerId: string, deviceId: string, courseId: string, lessonId: string, at: number, durationSec = 600) => ({
  id: uuid(next++),
  type: 'lesson.completed',
  learnerId,
  deviceId,
  occurredAt: iso(at),
  courseId,
  lessonId,
  contentVersion: 'v1',
  score: 80,
  durationSec,
});
const guideRecord = (type: string, at: number, more: Record<string, unknown>) => ({ id: uuid(next++), type, recordedBy: GUIDE, deviceId: 'guide-phone-0001', occurredAt: iso(at), ...more });

const COUNTERS = ['learners', 'started', 'completed', 'reached'];

/** Every rollup and counter row a figure reads, in a stable order. */
async function tables(engine: Engine) {
  const out: Record<string, string[]> = {};
  for (const table of TABLES) {
    const rows = await engine.all<Record<string, unknown>>(sql`SELECT * FROM ${sql.identifier(table)}`);
    out[table] = rows
      // What subtraction leaves behind and a rebuild never writes: counters and daily rows at zero,
      .filter((r) => !Object.entries(r).some(([k, v]) => COUNTERS.includes(k) && v === 0))
      .filter((r) => !('completions' in r && 'starts' in r && r.completions === 0 && r.starts === 0 && r.score_sum === 0))
      // and a withdrawn learner's empty row (no profile), which no figure reads.
      .filter((r) => !(table === 'stats_learners' && r.first_day === null && r.group_id === null && r.birth_year === null && r.gender === null))
      .map((row) => JSON.stringify(row))
      .sort();
  }
  return out;
}

/** The rollups of one engine: the pipeline with the holds and the rollups, as server/app.ts wires them. */
async function world(engine: Engine) {
  const holdTable = createHoldTable(engine);
  const rollup = createStatsRollup(engine, CATALOG, () => NOW, holdTable.counted);
  await rollup.ensureFresh();
  const integrity = createIntegrity(engine, { rollup: rollupForHolds(engine, rollup), catalog: { lessonMinutes: () => 10 }, limits: LIMITS, now: () => NOW });
  const pipeline = createRecordPipeline(engine, [integrity.projection, rollup.projection]);
  return { rollup, integrity, pipeline };
}

const daily = async (engine: Engine) =>
  (await engine.get<{ starts: number; completions: number; assisted: number }>(
    sql`SELECT coalesce(sum(${statsDaily.starts}), 0) AS starts, coalesce(sum(${statsDaily.completions}), 0) AS completions, coalesce(sum(${statsDaily.assistedCompletions}), 0) AS assisted FROM ${statsDaily}`,
  ))!;
const learnerRow = async (engine: Engine, id: string) => (await engine.db.select().from(statsLearners).where(eq(statsLearners.learnerId, id)))[0];
const lessonsOf = async (engine: Engine, id: string) => (await engine.all(sql`SELECT * FROM stats_learner_lessons WHERE learner_id = ${id}`)).length;

/** What each engine's tables held at the end, compared at the end. */
const seen: Partial<Record<EngineKind, unknown>> = {};

describe.each(ENGINES)('stats rollups on %s', (kind) => {
  let engine: Engine;
  let rollup: StatsRollup;
  let integrity: Integrity;
  let pipeline: RecordPipeline;

  beforeAll(async () => {
    next = 100;
    engine = await engines.fresh(kind);
    for (const id of [AN, CHI, DUNG, EM, PHUONG, GIANG]) await engine.db.insert(learners).values({ id, secretHash: 'h', createdAt: NOW - 30 * DAY });
    await engine.db.insert(users).values({ id: GUIDE, username: 'guide1', displayName: 'Guide One', role: 'guide', passwordHash: 'x', createdAt: NOW - 30 * DAY, disabled: false });
    ({ rollup, integrity, pipeline } = await world(engine));
  }, 60_000);

  const send = async (learnerId: string, deviceId: string, records: unknown[]) => {
    const results = await pipeline.learner.ingest({ by: { id: learnerId, deviceId }, records, receivedAt: NOW });
    expect(results.map((r) => r.status)).toEqual(records.map(() => 'accepted'));
    return records as Array<{ id: string }>;
  };

  it("rolls a guide's records up inside their sync", async () => {
    const at = NOW - 2 * DAY;
    const records = [
      guideRecord('assisted.registered', at, { learnerId: ASSISTED, name: 'Bà Tư', birthYear: 1950, gender: 'female', groupId: 'tdp-1', consent: true, consentAt: iso(at) }),
      guideRecord('lesson.completed', at + 30 * MIN, { learnerId: ASSISTED, courseId: BASIC[0].id, lessonId: 'l1', contentVersion: 'v1', score: 90, durationSec: 900 }),
    ];
    const results = await pipeline.guide.ingest({ by: { id: GUIDE, deviceId: 'guide-phone-0001' }, records, receivedAt: NOW });
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    // No catch-up: the guide's records are in the figures when the sync answers.
    expect(await daily(engine)).toEqual({ starts: 0, completions: 1, assisted: 1 });
    expect(await learnerRow(engine, ASSISTED)).toMatchObject({ isAssisted: 1, groupId: 'tdp-1', birthYear: 1950, gender: 'female', firstDay: dayOf(at), lastDay: dayOf(at + 30 * MIN) });
  });

  it("rolls a learner's records up at the catch-up: days, lessons, each course and the five skills complete", async () => {
    const day1 = NOW - 5 * DAY;
    const day2 = NOW - 3 * DAY;
    // Day one: every basic course's first lesson (one started first); day two: the second lessons.
    await send(AN, 'phone-an-01', [started(AN, 'phone-an-01', BASIC[0].id, 'l1', day1), ...BASIC.map((c, i) => completion(AN, 'phone-an-01', c.id, 'l1', day1 + (i + 1) * 10 * MIN))]);
    await send(AN, 'phone-an-01', BASIC.map((c, i) => completion(AN, 'phone-an-01', c.id, 'l2', day2 + (i + 1) * 10 * MIN)));
    // The sync answered before the rollups took the records in.
    expect(await learnerRow(engine, AN)).toBeUndefined();
    await rollup.catchUp();
    expect(await daily(engine)).toEqual({ starts: 1, completions: 11, assisted: 1 });
    expect(await learnerRow(engine, AN)).toMatchObject({ isAssisted: 0, firstDay: dayOf(day1), lastDay: dayOf(day2), firstCourseDay: dayOf(day2), fiveSkillsDay: dayOf(day2) });
    const courses = await engine.db.select({ courseId: statsLearnerCourses.courseId, startedDay: statsLearnerCourses.startedDay, completedDay: statsLearnerCourses.completedDay }).from(statsLearnerCourses).where(eq(statsLearnerCourses.learnerId, AN));
    expect(courses.sort((a, b) => a.courseId.localeCompare(b.courseId))).toEqual(BASIC.map((c) => ({ courseId: c.id, startedDay: dayOf(day1), completedDay: dayOf(day2) })).sort((a, b) => a.courseId.localeCompare(b.courseId)));
    expect(await lessonsOf(engine, AN)).toBe(10);
    expect((await engine.all(sql`SELECT * FROM stats_learner_days WHERE learner_id = ${AN}`)).length).toBe(2);
    // The counters the dashboard sums followed (triggers on both engines).
    expect(await engine.get(sql`SELECT coalesce(sum(learners), 0) AS n FROM stats_first_course_days`)).toEqual({ n: 1 });
    expect(await engine.get(sql`SELECT coalesce(sum(completed), 0) AS n FROM stats_course_days`)).toEqual({ n: 5 });
    // The cursor stands at the last stored record.
    const last = await engine.get<{ n: number }>(sql`SELECT max(${dialectOf(kind).rowOrder(events)}) AS n FROM ${events}`);
    expect(rollup.learnerRecordsThrough()).toBe(last!.n);
    expect((await engine.db.select({ through: statsState.learnerEventsThrough }).from(statsState))[0].through).toBe(last!.n);
  });

  it('leaves a held record out until a reviewer accepts it, then counts it once', async () => {
    const at = NOW - 2 * H;
    await send(CHI, 'phone-chi-01', [completion(CHI, 'phone-chi-01', 'c-track', 'l1', at), completion(CHI, 'phone-chi-01', 'c-track', 'l2', at + 20 * MIN, 5)]);
    await rollup.catchUp();
    expect(await lessonsOf(engine, CHI)).toBe(1);
    expect((await daily(engine)).completions).toBe(12);
    expect((await integrity.review(CHI, 'accepted', 'office')).records).toBe(1);
    expect(await lessonsOf(engine, CHI)).toBe(2);
    expect((await daily(engine)).completions).toBe(13);
    expect((await integrity.review(CHI, 'accepted', 'office')).records).toBe(0);
    await rollup.catchUp();
    expect((await daily(engine)).completions).toBe(13);
  });

  it('takes a flagged learner back out of the figures, keeping what was never counted out too', async () => {
    const at = NOW - H;
    await send(DUNG, 'phone-shared-1', [completion(DUNG, 'phone-shared-1', 'c-track', 'l1', at)]);
    await send(EM, 'phone-shared-1', [completion(EM, 'phone-shared-1', 'c-track', 'l1', at + MIN)]);
    await rollup.catchUp();
    expect((await daily(engine)).completions).toBe(15);
    expect(await lessonsOf(engine, DUNG)).toBe(1);
    // A third learner on the phone: all three go under review, and what counted is taken out.
    await send(PHUONG, 'phone-shared-1', [completion(PHUONG, 'phone-shared-1', 'c-track', 'l1', at + 2 * MIN)]);
    await rollup.catchUp();
    expect((await daily(engine)).completions).toBe(13);
    expect([await lessonsOf(engine, DUNG), await lessonsOf(engine, EM), await lessonsOf(engine, PHUONG)]).toEqual([0, 0, 0]);
    expect(await learnerRow(engine, DUNG)).toMatchObject({ firstDay: null, lastDay: null });
  });

  it('rebuilds the same tables from the stored records as the records built one sync at a time', async () => {
    await send(GIANG, 'phone-giang-01', [completion(GIANG, 'phone-giang-01', 'c-track', 'l1', NOW - 30 * MIN)]);
    await rollup.catchUp();
    const live = await tables(engine);
    await rollup.rebuild();
    expect(await tables(engine)).toEqual(live);
    // A record the catch-up has not reached when a rebuild runs is counted once, by one or the other.
    await send(GIANG, 'phone-giang-01', [completion(GIANG, 'phone-giang-01', 'c-track', 'l2', NOW - 20 * MIN)]);
    await rollup.rebuild();
    await rollup.catchUp();
    expect((await daily(engine)).completions).toBe(15);
    const withBoth = await tables(engine);
    // A start on a database without the rollups' state row rebuilds them: the same rows again.
    await engine.run(sql`DELETE FROM ${statsState}`);
    const restarted = await world(engine);
    await restarted.rollup.catchUp();
    expect(await tables(engine)).toEqual(withBoth);
    seen[kind] = withBoth;
  });
});

describe('on PostgreSQL, records committed out of their numbered order', () => {
  it('are still counted: the catch-up waits for a transaction storing earlier-numbered records before it moves its cursor', async () => {
    const engine = await engines.fresh('postgres');
    for (const id of [AN, CHI]) await engine.db.insert(learners).values({ id, secretHash: 'h', createdAt: NOW - DAY });
    const { rollup, pipeline } = await world(engine);
    // Each on a phone of their own and in another hour: the two transactions
    // share no row (not even the counter of phones syncing that hour), so B
    // does not wait for A.
    const request = (learnerId: string, receivedAt: number) => {
      const deviceId = `phone-${learnerId.slice(-4)}`;
      return { by: { id: learnerId, deviceId }, records: [completion(learnerId, deviceId, 'c-track', 'l1', NOW - 3 * H)], receivedAt };
    };
    // A: stores An's record (the lower number) and stays open...
    let commitA!: () => void;
    let storedA!: () => void;
    const aStored = new Promise<void>((resolve) => (storedA = resolve));
    const a = engine.transaction(async (tx) => {
      await pipeline.learner.writeInTransaction(tx, request(AN, NOW - 2 * H));
      storedA();
      await new Promise<void>((resolve) => (commitA = resolve));
    });
    await aStored;
    // ...while B stores Chi's (the higher number) and commits first.
    expect((await pipeline.learner.ingest(request(CHI, NOW))).map((r) => r.status)).toEqual(['accepted']);
    const order = dialectOf('postgres').rowOrder(events);
    const numbers = await engine.all<{ learnerId: string; n: number }>(sql`SELECT learner_id AS "learnerId", ${order} AS n FROM ${events}`);
    expect(numbers).toEqual([{ learnerId: CHI, n: 2 }]); // A's row (number 1) is not visible yet
    // A catch-up between the two commits; A commits while it runs (or, without the lock, after it finished).
    const first = rollup.catchUp();
    await Promise.race([first, new Promise((resolve) => setTimeout(resolve, 500))]);
    commitA();
    await a;
    await first;
    await rollup.catchUp();
    expect([await lessonsOf(engine, AN), await lessonsOf(engine, CHI)]).toEqual([1, 1]);
    expect((await daily(engine)).completions).toBe(2);
  }, 60_000);
});

describe('both engines', () => {
  it('hold the same rollup and counter rows', () => {
    expect(seen.sqlite).toBeDefined();
    expect(seen.postgres).toEqual(seen.sqlite);
  });
});
