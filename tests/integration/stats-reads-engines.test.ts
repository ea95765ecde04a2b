// The ward statistics reads (server/stats: the dashboard's sections, the
// summary, the self-check summary, the CSV export) on a SQLite file and on a
// throw-away PostgreSQL cluster. The same ward is written on both: the
// rollup rows directly (stats_learners, stats_learner_courses,
// stats_learner_days, stats_daily; the counters follow by each engine's
// triggers), plus the record tables the figures read as they are (events,
// guide events, sessions, check-ins, holds, certificates, devices, households,
// self-check results). Every figure must be the same on both engines and the
// same as worked out by hand below, "<5" and "*" included.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../server/db/engine/engine.ts';
import {
  certificates,
  devices,
  events,
  guideEvents,
  guideSessions,
  householdMembers,
  households,
  integrityHolds,
  learners,
  selfCheckResults,
  sessionCheckins,
  statsDaily,
  statsLearnerCourses,
  statsLearnerDays,
  statsLearners,
  users,
} from '../../server/db/schema/index.ts';
import { createCatalog } from '../../server/resident/catalog.ts';
import { createSelfCheckSummary } from '../../server/self-check/summary.ts';
import { createDashboard } from '../../server/stats/dashboard.ts';
import { tablesToCsv } from '../../server/stats/export-files.ts';
import { createStatsQueries } from '../../server/stats/summary.ts';
import { dashboardTables } from '../../server/stats/tables.ts';
import { BASIC_SKILLS, SKILLS } from '../../shared/skills.ts';
import type { Dashboard } from '../../shared/stats/api.ts';
import { dayFromIso } from '../../shared/stats/days.ts';
import { ENGINES, testEngines } from '../support/engines.ts';

const engines = testEngines();
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** A Vietnam wall-clock moment (UTC+7) in epoch ms. */
const at = (local: string) => Date.parse(`${local}+07:00`);
const NOW = at('2025-06-20T12:00:00');
const RANGE = { from: '2025-05-01', to: '2025-06-15' };
const day = dayFromIso;

const CATALOG = createCatalog({
  courses: [
    { id: 'dvc', skill: 'public-services', title: { vi: 'Dịch vụ công', en: 'Public services' }, lessons: [{ id: 'l1' }, { id: 'l2' }] },
    { id: 'thanh-toan', skill: 'digital-payments', title: { vi: 'Thanh toán', en: 'Payments' }, lessons: [{ id: 'l1' }] },
  ],
});

/** Learner n (1–17) as a UUID. */
const L = (n: number) => `0190f0c2-0000-7000-8000-${String(n).padStart(12, '0')}`;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

/**
 * The ward's learners (stats_learners):
 * - tdp-1: L1–L8, first active 2025-04-10; L1–L5 finished a course on 04-20
 *   (and hold all five basic skills), L6 on 06-05. L1–L4 women born 1960, L5–L8 men born 1985.
 * - tdp-2: L9–L14, first active 05-12; L9–L13 finished a course on 06-02.
 *   L9–L11 women born 1985, L12–L14 men born 1960.
 * - tdp-3: L15, L16, registered by a guide (assisted), first active 05-20; no age or gender.
 * - no group: L17, first active 06-10, a woman born 2000.
 */
function learnerRows() {
  const row = (n: number, groupId: string | null, firstDay: string, extra: Partial<typeof statsLearners.$inferInsert> = {}) => ({
    learnerId: L(n),
    isAssisted: 0,
    firstDay: day(firstDay),
    lastDay: day(firstDay),
    firstCourseDay: null,
    fiveSkillsDay: null,
    groupId,
    birthYear: null,
    gender: null,
    ...extra,
  });
  return [
    ...range(1, 4).map((n) => row(n, 'tdp-1', '2025-04-10', { firstCourseDay: day('2025-04-20'), fiveSkillsDay: day('2025-04-25'), birthYear: 1960, gender: 'female' })),
    row(5, 'tdp-1', '2025-04-10', { firstCourseDay: day('2025-04-20'), fiveSkillsDay: day('2025-04-25'), birthYear: 1985, gender: 'male' }),
    row(6, 'tdp-1', '2025-04-10', { firstCourseDay: day('2025-06-05'), birthYear: 1985, gender: 'male' }),
    ...range(7, 8).map((n) => row(n, 'tdp-1', '2025-04-10', { birthYear: 1985, gender: 'male' })),
    ...range(9, 11).map((n) => row(n, 'tdp-2', '2025-05-12', { firstCourseDay: day('2025-06-02'), birthYear: 1985, gender: 'female' })),
    ...range(12, 13).map((n) => row(n, 'tdp-2', '2025-05-12', { firstCourseDay: day('2025-06-02'), birthYear: 1960, gender: 'male' })),
    row(14, 'tdp-2', '2025-05-12', { birthYear: 1960, gender: 'male' }),
    ...range(15, 16).map((n) => row(n, 'tdp-3', '2025-05-20', { isAssisted: 1 })),
    row(17, null, '2025-06-10', { birthYear: 2000, gender: 'female' }),
  ];
}

async function seedWard(engine: Engine) {
  const { db } = engine;
  await db.insert(learners).values(range(1, 17).map((n) => ({ id: L(n), secretHash: 'h', createdAt: at('2025-04-01T08:00:00') })));
  await db.insert(users).values([
    { id: 'g-lan', username: 'lan', displayName: 'Lan', role: 'guide', team: 'cns', passwordHash: 'x', createdAt: 0, disabled: false },
    { id: 'g-minh', username: 'minh', displayName: 'Minh', role: 'guide', team: 'da06', passwordHash: 'x', createdAt: 0, disabled: false },
  ]);
  await db.insert(statsLearners).values(learnerRows());
  // Courses: started and finished days (the per-course counters follow by trigger).
  const course = (n: number, courseId: string, started: string, completed: string | null = null) => ({ learnerId: L(n), courseId, startedDay: day(started), completedDay: completed === null ? null : day(completed) });
  await db.insert(statsLearnerCourses).values([
    ...range(1, 5).map((n) => course(n, 'dvc', '2025-04-10', '2025-04-20')),
    course(6, 'thanh-toan', '2025-04-10', '2025-06-05'),
    ...range(7, 8).map((n) => course(n, 'dvc', '2025-04-10')),
    ...range(9, 13).map((n) => course(n, 'dvc', '2025-05-12', '2025-06-02')),
    course(14, 'dvc', '2025-05-12'),
    ...range(15, 16).map((n) => course(n, 'dvc', '2025-05-20')),
  ]);
  // Active days (the span counters follow by trigger).
  const active = (n: number, d: string) => ({ learnerId: L(n), day: day(d) });
  await db.insert(statsLearnerDays).values([
    ...range(1, 8).map((n) => active(n, '2025-04-10')),
    active(1, '2025-06-12'),
    active(6, '2025-06-05'),
    ...range(9, 14).flatMap((n) => [active(n, '2025-05-12'), active(n, '2025-06-02')]),
    ...range(15, 16).map((n) => active(n, '2025-05-20')),
    active(17, '2025-06-10'),
  ]);
  // Lesson completions per day ('cu' is a course no longer in the catalogue).
  const daily = (d: string, courseId: string, lessonId: string, completions: number, scoreSum: number, assistedCompletions = 0) => ({ day: day(d), courseId, lessonId, starts: completions, completions, assistedCompletions, scoreSum });
  await db.insert(statsDaily).values([
    daily('2025-04-10', 'dvc', 'l1', 8, 640),
    daily('2025-05-12', 'dvc', 'l1', 6, 480),
    daily('2025-05-15', 'cu', 'l1', 3, 270),
    daily('2025-05-20', 'dvc', 'l1', 2, 140, 2),
    daily('2025-06-02', 'dvc', 'l2', 5, 450),
    daily('2025-06-05', 'thanh-toan', 'l1', 1, 100),
  ]);
  // A guided session L9 checked in to; L9's own completion during it is credited to it.
  await db.insert(guideSessions).values({ id: 's1', code: 'ABC123', guideId: 'g-lan', groupId: 'tdp-2', title: 'Dịch vụ công', place: 'Nhà văn hóa', startsAt: at('2025-05-12T09:00:00'), endsAt: at('2025-05-12T11:00:00'), courses: '["dvc"]', closedAt: null });
  await db.insert(sessionCheckins).values({ code: 'ABC123', learnerId: L(9), eventId: 'checkin-9', joinedAt: at('2025-05-12T09:05:00') });
  const completion = (id: string, n: number, lessonId: string, local: string) => ({ id, type: 'lesson.completed', learnerId: L(n), deviceId: `phone-${n}`, courseId: 'dvc', lessonId, occurredAt: at(local), receivedAt: at(local), effectiveAt: at(local), payload: '{}', score: 80 });
  await db.insert(events).values([
    completion('e9-1', 9, 'l1', '2025-05-12T10:00:00'),
    completion('e10-1', 10, 'l1', '2025-05-12T15:00:00'),
    completion('e10-2', 10, 'l2', '2025-06-02T15:00:00'),
  ]);
  // L10's second lesson is held by a plausibility rule: their certificate stands "under review".
  await db.insert(integrityHolds).values([
    { eventId: 'e10-2', learnerId: L(10), rules: '["too-fast"]', heldAt: at('2025-06-02T16:00:00'), status: 'held', decidedBy: null, decidedAt: null },
    { eventId: 'ge-held', learnerId: L(15), rules: '["too-many"]', heldAt: at('2025-05-25T16:00:00'), status: 'held', decidedBy: null, decidedAt: null },
  ]);
  await db.insert(certificates).values([
    { code: 'CERT9', learnerId: L(9), courseId: 'dvc', issuedAt: at('2025-06-02T12:00:00') },
    { code: 'CERT10', learnerId: L(10), courseId: 'dvc', issuedAt: at('2025-06-02T12:00:00') },
  ]);
  // Outcomes a guide confirmed: L15's first twice (counted once), L15's second, L16's; one held.
  const outcome = (id: string, n: number, value: string, local: string) => ({ id, type: 'outcome.confirmed', recordedBy: 'g-lan', deviceId: 'guide-phone', learnerId: L(n), sessionId: null, courseId: null, lessonId: null, occurredAt: at(local), receivedAt: at(local) + HOUR, effectiveAt: at(local), payload: JSON.stringify({ outcome: value }) });
  await db.insert(guideEvents).values([
    outcome('ge-1', 15, 'vneid-level2-activated', '2025-05-20T10:00:00'),
    outcome('ge-2', 15, 'vneid-level2-activated', '2025-05-21T10:00:00'),
    outcome('ge-3', 15, 'first-online-dossier', '2025-05-22T10:00:00'),
    outcome('ge-4', 16, 'vneid-level2-activated', '2025-05-20T11:00:00'),
    outcome('ge-held', 15, 'first-cashless-payment', '2025-05-25T10:00:00'),
  ]);
  // Households of tdp-1: L1–L6 one each; five of them have a member with all five basic skills.
  await db.insert(households).values(range(1, 6).map((n) => ({ id: `h${n}`, groupId: 'tdp-1', label: `Hộ ${n}`, createdBy: 'g-lan', createdAt: 0 })));
  await db.insert(householdMembers).values(range(1, 6).map((n) => ({ learnerId: L(n), householdId: `h${n}`, linkedBy: 'g-lan', linkedAt: 0 })));
  // Devices: six synced two hours ago, two three days ago, one forty days ago.
  await db.insert(devices).values([
    ...range(1, 6).map((n) => ({ id: `phone-${n}`, learnerId: L(n), lastSyncAt: NOW - 2 * HOUR })),
    ...range(7, 8).map((n) => ({ id: `phone-${n}`, learnerId: L(n), lastSyncAt: NOW - 3 * DAY })),
    { id: 'phone-9', learnerId: L(9), lastSyncAt: NOW - 40 * DAY },
  ]);
  // The self-check: L1–L4 40 → 80, L5 60 → 60, L9 20 → 50, L17 50 → 90 (each twice); L14 once.
  const check = (n: number, attempts: number, first: number, latest: number) => ({ learnerId: L(n), skill: 'public-services', attempts, firstEventId: `sc-${n}-1`, firstAt: 0, firstScore: first, latestEventId: `sc-${n}-2`, latestAt: 1, latestScore: latest });
  await db.insert(selfCheckResults).values([...range(1, 4).map((n) => check(n, 2, 40, 80)), check(5, 2, 60, 60), check(9, 2, 20, 50), check(17, 2, 50, 90), check(14, 1, 70, 70)]);
}

/** Every figure worked out by hand from the rows above, for 2025-05-01 – 2025-06-15 on 2025-06-20. */
const EXPECTED = {
  headline: {
    learners: 17,
    // L9–L17.
    newLearners: 9,
    // Last active day in 06-09 – 06-15: L1 (06-12), L17 (06-10).
    active7: 2,
    // In 05-17 – 06-15: L1, L6, L9–L14, L15, L16, L17.
    active30: 11,
    assistedLearners: 2,
    selfLearners: 15,
    // Official kinds (the default: verified, self-reported, outcomes): verified 2 + 1 credited, self-reported 15 - 1.
    lessonsCompleted: 17,
    assistedCompletions: 2,
    selfCompletions: 15,
    // dvc 5 on 06-02, thanh-toan 1 on 06-05.
    coursesCompleted: 6,
    // Two issued, L10's under review.
    certificates: 1,
    // (L15, vneid), (L15, dossier), (L16, vneid); the held one left out.
    outcomesConfirmed: 3,
    sessionsHeld: 1,
    lessonsCounted: ['verified', 'self-reported'],
    outcomesCounted: true,
  },
  // Reached [8, 6, 2, 0, 0, 0 | 1]: 2 and 1 are "<5" and add up to less than 5, so the next smallest (6) is hidden too.
  coverage: [
    { groupId: 'tdp-1', reached: 8, reachedShare: 0.02, completed: 6, completedShare: 0.015, householdsRecorded: 6, householdsFiveSkills: 5, householdShare: 0.0333, completedThisMonth: '<5', growthPoints: null },
    { groupId: 'tdp-2', reached: '*', reachedShare: null, completed: 5, completedShare: 0.0125, householdsRecorded: 0, householdsFiveSkills: 0, householdShare: 0, completedThisMonth: 5, growthPoints: 1.25 },
    { groupId: 'tdp-3', reached: '<5', reachedShare: null, completed: 0, completedShare: 0, householdsRecorded: 0, householdsFiveSkills: 0, householdShare: 0, completedThisMonth: 0, growthPoints: 0 },
    ...['tdp-4', 'tdp-5', 'tdp-6'].map((groupId) => ({ groupId, reached: 0, reachedShare: 0, completed: 0, completedShare: 0, householdsRecorded: 0, householdsFiveSkills: 0, householdShare: 0, completedThisMonth: 0, growthPoints: 0 })),
    { groupId: null, reached: '<5', reachedShare: null, completed: 0, completedShare: null, householdsRecorded: 0, householdsFiveSkills: 0, householdShare: null, completedThisMonth: 0, growthPoints: null },
  ],
  courses: [
    // Started 8 in the range (6 + 2), 5 finished; 10 of 15 finished by the end; (480 + 140 + 450) / 13 = 82.3.
    { courseId: 'dvc', skill: 'public-services', starts: 8, completions: 5, completionRate: 0.6667, lessonCompletions: 13, averageScore: 82.3 },
    { courseId: 'thanh-toan', skill: 'digital-payments', starts: 0, completions: '<5', completionRate: null, lessonCompletions: 1, averageScore: null },
    { courseId: 'cu', skill: null, starts: 0, completions: 0, completionRate: null, lessonCompletions: 3, averageScore: null },
  ],
  skills: [
    { skill: 'public-services', starts: 8, completions: 5, completionRate: 0.6667, lessonCompletions: 13, averageScore: 82.3 },
    { skill: 'digital-payments', starts: 0, completions: '<5', completionRate: null, lessonCompletions: 1, averageScore: null },
  ],
  // As of 2025-05-31 (April added 8 reached / 5 completed, May 8 / 0; June is not over).
  // Reached totals [0, 7, 0, 7, 2]: the 2 alone is hidden, so the first 7 is hidden too.
  demographicsAsOf: '2025-05-31',
  demographics: [
    { band: 'under-30', reached: { female: 0, male: 0, other: 0, unknown: 0, total: 0 }, completed: { female: 0, male: 0, other: 0, unknown: 0, total: 0 } },
    { band: '30-44', reached: { female: '<5', male: '<5', other: 0, unknown: 0, total: '*' }, completed: { female: 0, male: '<5', other: 0, unknown: 0, total: '<5' } },
    { band: '45-59', reached: { female: 0, male: 0, other: 0, unknown: 0, total: 0 }, completed: { female: 0, male: 0, other: 0, unknown: 0, total: 0 } },
    { band: '60-plus', reached: { female: '<5', male: '<5', other: 0, unknown: 0, total: 7 }, completed: { female: '<5', male: 0, other: 0, unknown: 0, total: '<5' } },
    { band: 'unknown', reached: { female: 0, male: 0, other: 0, unknown: '<5', total: '<5' }, completed: { female: 0, male: 0, other: 0, unknown: 0, total: 0 } },
  ],
  // Weeks from Monday 2025-04-28. New learners [0, 0, 6, 2, 0, 0, 1]: 2 and 1 hidden, so 6 as well.
  trend: [
    { week: '2025-04-28', lessonCompletions: 0, newLearners: 0, courseCompletions: 0 },
    { week: '2025-05-05', lessonCompletions: 0, newLearners: 0, courseCompletions: 0 },
    { week: '2025-05-12', lessonCompletions: 9, newLearners: '*', courseCompletions: 0 },
    { week: '2025-05-19', lessonCompletions: 2, newLearners: '<5', courseCompletions: 0 },
    { week: '2025-05-26', lessonCompletions: 0, newLearners: 0, courseCompletions: 0 },
    { week: '2025-06-02', lessonCompletions: 6, newLearners: 0, courseCompletions: 6 },
    { week: '2025-06-09', lessonCompletions: 0, newLearners: '<5', courseCompletions: 0 },
  ],
  kinds: { verified: 3, selfReported: 14, outcomes: 3, held: 1 },
  freshness: {
    guides: [
      { guide: 'Lan', team: 'cns', lastSyncAt: new Date(at('2025-05-25T10:00:00') + HOUR).toISOString() },
      { guide: 'Minh', team: 'da06', lastSyncAt: null },
    ],
    devices: { within1Day: 6, within7Days: '<5', within30Days: 0, older: '<5', lastSyncAt: new Date(NOW - 2 * HOUR).toISOString() },
  },
  summary: {
    from: RANGE.from,
    to: RANGE.to,
    learners: 11,
    completions: 17,
    perLesson: [
      { courseId: 'cu', lessonId: 'l1', completions: 3 },
      { courseId: 'dvc', lessonId: 'l1', completions: 8 },
      { courseId: 'dvc', lessonId: 'l2', completions: 5 },
      { courseId: 'thanh-toan', lessonId: 'l1', completions: 1 },
    ],
    perDay: [
      { day: '2025-05-12', completions: 6 },
      { day: '2025-05-15', completions: 3 },
      { day: '2025-05-20', completions: 2 },
      { day: '2025-06-02', completions: 5 },
      { day: '2025-06-05', completions: 1 },
    ],
  },
  // Repeated: L1–L5 (tdp-1), L9 (tdp-2), L17 (no group). Firsts 4×40, 60, 20, 50 → 41.4; latests 4×80, 60, 50, 90 → 74.3; 6 improved.
  // Groups [5, 1, 0, …]: the 1 alone is hidden, so the 5 is hidden too, with the figures built on it.
  selfCheck: {
    tookIt: 8,
    ward: { repeated: 7, firstAverage: 41.4, latestAverage: 74.3, improved: 6 },
    groups: [
      { groupId: 'tdp-1', name: 'Tổ dân phố 1', repeated: '*', firstAverage: null, latestAverage: null, improved: null },
      { groupId: 'tdp-2', name: 'Tổ dân phố 2', repeated: '<5', firstAverage: null, latestAverage: null, improved: null },
      ...[3, 4, 5, 6].map((n) => ({ groupId: `tdp-${n}`, name: `Tổ dân phố ${n}`, repeated: 0, firstAverage: null, latestAverage: null, improved: null })),
    ],
    skills: SKILLS.filter((s) => s === 'public-services' || (BASIC_SKILLS as readonly string[]).includes(s)).map((skill) =>
      skill === 'public-services' ? { skill, repeated: 7, firstAverage: 41.4, latestAverage: 74.3, improved: 6 } : { skill, repeated: 0, firstAverage: null, latestAverage: null, improved: null },
    ),
  },
};

const COVERAGE_KEYS = ['groupId', 'reached', 'reachedShare', 'completed', 'completedShare', 'householdsRecorded', 'householdsFiveSkills', 'householdShare', 'completedThisMonth', 'growthPoints'] as const;
const coverageFigures = (rows: Dashboard['coverage']) => rows.map((r) => Object.fromEntries(COVERAGE_KEYS.map((k) => [k, r[k]])));
const courseFigures = (rows: Dashboard['courses']) => rows.map(({ title: _title, ...figures }) => figures);

/** What each engine answered, to compare the two. */
const seen: Record<string, Record<string, unknown>> = {};

describe.each(ENGINES)('ward statistics reads on %s', (kind) => {
  let engine: Engine;
  let dashboard: ReturnType<typeof createDashboard>;
  const answers: Record<string, unknown> = (seen[kind] = {});

  beforeAll(async () => {
    engine = await engines.fresh(kind);
    await seedWard(engine);
    dashboard = createDashboard(engine, CATALOG, () => NOW);
  }, 120_000);

  it('reads the dashboard as worked out by hand: headline, coverage with a small group hidden, courses, demographics, trend, kinds, freshness', async () => {
    const d = await dashboard.all(RANGE);
    answers.dashboard = { ...d, meta: { ...d.meta, generatedAt: null } };
    expect(d.range).toEqual({ from: '2025-05-01', to: '2025-06-15', monthFrom: '2025-06-01', group: null });
    expect(d.meta).toMatchObject({ wardName: 'Phường Kiến An (mẫu)', isSampleProfile: true, isDemo: false });
    expect(d.headline).toEqual(EXPECTED.headline);
    expect(coverageFigures(d.coverage)).toEqual(EXPECTED.coverage);
    expect(d.coverageCounted).toEqual(['verified', 'self-reported']);
    expect(courseFigures(d.courses)).toEqual(EXPECTED.courses);
    expect(d.courses[0].title).toEqual({ vi: 'Dịch vụ công', en: 'Public services' });
    expect(d.skills).toEqual(EXPECTED.skills);
    expect(d.demographicsAsOf).toBe(EXPECTED.demographicsAsOf);
    expect(d.demographics).toEqual(EXPECTED.demographics);
    expect(d.trend).toEqual(EXPECTED.trend);
    expect(d.kinds).toMatchObject(EXPECTED.kinds);
    expect(d.freshness).toEqual(EXPECTED.freshness);
  });

  it('answers each section alone as the whole dashboard does, and one group on its own', async () => {
    expect((await dashboard.headline(RANGE)).headline).toEqual(EXPECTED.headline);
    expect(coverageFigures((await dashboard.coverage(RANGE)).coverage)).toEqual(EXPECTED.coverage);
    expect(coverageFigures((await dashboard.coverage({ ...RANGE, group: 'tdp-2' })).coverage)).toEqual([EXPECTED.coverage[1]]);
    expect(courseFigures((await dashboard.courses(RANGE)).courses)).toEqual(EXPECTED.courses);
    expect((await dashboard.demographics(RANGE)).demographics).toEqual(EXPECTED.demographics);
    expect((await dashboard.trend(RANGE)).trend).toEqual(EXPECTED.trend);
    const ranking = (await dashboard.ranking(RANGE)).ranking;
    answers.ranking = ranking;
    // Completion coverage: tdp-1 6/400 = 1.5 %, tdp-2 5/400 = 1.25 %, the rest 0 and sharing third place.
    expect(ranking.byCoverage.map((r) => [r.rank, r.groupId, r.value])).toEqual([
      [1, 'tdp-1', 1.5],
      [2, 'tdp-2', 1.25],
      [3, 'tdp-3', 0],
      [3, 'tdp-4', 0],
      [3, 'tdp-5', 0],
      [3, 'tdp-6', 0],
    ]);
    await expect(dashboard.headline({ ...RANGE, group: 'tdp-9' })).rejects.toMatchObject({ status: 400 });
  });

  it('reads the summary for integrators and the self-check summary as worked out by hand', async () => {
    const summary = await createStatsQueries(engine)(RANGE.from, RANGE.to);
    answers.summary = summary;
    expect(summary).toEqual(EXPECTED.summary);
    const selfCheck = await createSelfCheckSummary(engine)();
    answers.selfCheck = selfCheck;
    expect(selfCheck).toEqual(EXPECTED.selfCheck);
  });

  it('exports the same figures to CSV, "<5" and "*" kept', async () => {
    const csv = tablesToCsv(dashboardTables(await dashboard.all(RANGE), 'vi'));
    answers.csv = csv;
    const lines = csv.split('\r\n');
    expect(lines).toContain('Tổ dân phố 1,400,150,8,2,6,1.5,6,5,3.3,<5,');
    expect(lines).toContain('Tổ dân phố 2,400,150,*,,5,1.3,0,0,0,5,1.25');
    expect(lines).toContain('Tổ dân phố 3,400,150,<5,,0,0,0,0,0,0,0');
    expect(lines).toContain('Chưa khai báo tổ,,,<5,,0,,0,0,,0,');
    expect(lines).toContain('Người học (lũy kế đến cuối kỳ),17');
    // The course's title, its skill's name, then its figures.
    expect(lines.find((line) => line.startsWith('Dịch vụ công,'))).toMatch(/,8,5,66\.7,13,82\.3$/);
    expect(lines.find((line) => line.startsWith('Thanh toán,'))).toMatch(/,0,<5,,1,$/);
    expect(lines).toContain('2025-05-12,9,*,0');
  });

  it('counts people by the official kinds chosen: only learning a guide stands behind', async () => {
    await dashboard.saveOfficialKinds(['verified'], 'admin', NOW);
    const d = await dashboard.all(RANGE);
    answers.verified = { ...d, meta: { ...d.meta, generatedAt: null } };
    // Verified by the end: L9 (a completion credited to a session), L15 and L16 (registered by a guide).
    expect(d.coverageCounted).toEqual(['verified']);
    expect(coverageFigures(d.coverage).slice(0, 3)).toEqual([
      { ...EXPECTED.coverage[0], reached: 0, reachedShare: 0, completed: 0, completedShare: 0, householdsFiveSkills: 0, householdShare: 0, completedThisMonth: 0, growthPoints: 0 },
      { ...EXPECTED.coverage[1], reached: '<5', completed: '<5', completedShare: null, completedThisMonth: '<5', growthPoints: null },
      { ...EXPECTED.coverage[2], reached: '<5' },
    ]);
    expect(d.headline).toMatchObject({ lessonsCompleted: 3, lessonsCounted: ['verified'], outcomesConfirmed: 0, outcomesCounted: false });
  });
});

describe('ward statistics reads on both engines', () => {
  it('gives the same answers on SQLite and PostgreSQL', () => {
    const read = ['csv', 'dashboard', 'ranking', 'selfCheck', 'summary', 'verified'];
    expect(Object.keys(seen.sqlite ?? {}).sort()).toEqual(read);
    expect(Object.keys(seen.postgres ?? {}).sort()).toEqual(read);
    expect(seen.postgres).toEqual(seen.sqlite);
  });
});
