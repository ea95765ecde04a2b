// The movement's indicators (server/indicators) on both engines: the same
// learners, guide records, holds, households, teams, sessions, check-ins and
// certificates written to a SQLite file and to PostgreSQL give the same
// actual per residential group and for the ward, for each definition of
// basic skills and each kind of learner the ward counts (a resident's own
// completion credited to a session only for that session's courses); the
// targets saved and corrected; and the report's part I as the plan report
// reads it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Engine, EngineKind } from '../../server/db/engine/engine.ts';
import {
  assistedLearners,
  certificates,
  events,
  guideEvents,
  guideGroups,
  guideSessions,
  householdMembers,
  households,
  integrityHolds,
  learners,
  sessionCheckins,
  statsLearners,
  users,
  wardFigureSettings,
} from '../../server/db/schema/index.ts';
import { createIndicatorActuals, type Actuals } from '../../server/indicators/actuals.ts';
import { createIndicatorReport, wardIndicators } from '../../server/indicators/report.ts';
import { createIndicatorTargets } from '../../server/indicators/targets.ts';
import type { BasicSkillsRule } from '../../shared/indicators/definitions.ts';
import { dayFromIso } from '../../shared/stats/days.ts';
import type { LearnerKinds } from '../../server/stats/learner-kinds.ts';
import { ENGINES, testEngines } from '../support/engines.ts';

const engines = testEngines();
const PLAN = 'sample-nq57';
const at = (iso: string) => Date.parse(`${iso}+07:00`);
const day = (iso: string) => dayFromIso(iso);
const YEAR = { from: '2025-01-01', to: '2025-12-31' };
const GROUPS = ['tdp-1', 'tdp-2', 'tdp-3'];
const NOW = at('2026-01-05T09:00:00');

async function seed(engine: Engine) {
  const { db } = engine;
  const user = (id: string, role: 'guide' | 'reviewer', team: 'cns' | 'da06' | null, o: { disabledAt?: number } = {}) => ({
    id, username: id, displayName: id, role, team, passwordHash: 'x', createdAt: at('2024-12-01T08:00:00'), disabled: o.disabledAt !== undefined, disabledAt: o.disabledAt ?? null,
  });
  await db.insert(users).values([
    user('g-lan', 'guide', 'cns'),
    user('g-hai', 'guide', 'cns'),
    user('g-da', 'guide', 'da06'), // not a community digital-technology team member
    user('g-off', 'guide', 'cns', { disabledAt: at('2025-03-01T08:00:00') }), // turned off before the period's end
    user('vhxh', 'reviewer', null),
  ]);
  await db.insert(guideGroups).values([
    { userId: 'g-lan', groupId: 'tdp-1' },
    { userId: 'g-lan', groupId: 'tdp-2' },
    { userId: 'g-hai', groupId: 'tdp-1' },
    { userId: 'g-da', groupId: 'tdp-3' },
    { userId: 'g-off', groupId: 'tdp-3' },
  ]);

  // Six assisted adults of tdp-1 with every basic course, a pupil, two residents of tdp-2 with phones, one adult with one course and no group, one who finished after the period.
  const skilled = ['a1', 'a2', 'a3', 'a4', 'a5', 'a6'];
  const learner = (learnerId: string, o: Partial<typeof statsLearners.$inferInsert>) => ({ learnerId, isAssisted: 0, firstDay: day('2025-05-01'), lastDay: day('2025-06-30'), firstCourseDay: null, fiveSkillsDay: null, groupId: null, birthYear: 1975, gender: null, ...o });
  const allBasic = { firstCourseDay: day('2025-06-01'), fiveSkillsDay: day('2025-06-02') };
  await db.insert(statsLearners).values([
    ...skilled.map((id, i) => learner(id, { isAssisted: 1, groupId: 'tdp-1', birthYear: 1960 + i, ...allBasic })),
    learner('pupil', { isAssisted: 1, groupId: 'tdp-1', birthYear: 2012, ...allBasic }),
    learner('s1', { groupId: 'tdp-2', birthYear: 1980, ...allBasic }),
    learner('s2', { groupId: 'tdp-2', birthYear: 1985, ...allBasic }),
    learner('n1', { firstCourseDay: day('2025-07-01') }),
    learner('late', { groupId: 'tdp-1', firstCourseDay: day('2026-01-02'), fiveSkillsDay: day('2026-01-03') }),
  ]);
  await db.insert(learners).values(['s1', 's2'].map((id) => ({ id, secretHash: 'h', createdAt: at('2025-05-01T08:00:00') })));

  // Sessions: two in tdp-1 this year (the first teaches cyber-safety), one in tdp-2, one last year.
  const session = (id: string, groupId: string, startsAt: string, courses: string[]) => ({
    id, code: `C${id.toUpperCase()}`, guideId: 'g-lan', groupId, title: id, place: 'Nhà văn hóa', startsAt: at(startsAt), endsAt: at(startsAt) + 2 * 3_600_000, courses: JSON.stringify(courses), closedAt: null,
  });
  await db.insert(guideSessions).values([
    session('x', 'tdp-1', '2025-06-01T08:30:00', ['cyber-safety']),
    session('y', 'tdp-1', '2025-06-08T08:30:00', ['online-shopping']),
    session('z', 'tdp-2', '2025-06-09T08:30:00', ['cyber-safety']),
    session('old', 'tdp-1', '2024-11-02T08:30:00', ['cyber-safety']),
  ]);
  // s1 and s2 check in to x, s1 to y as well and to last year's session; a1 was registered at x.
  const checkin = (code: string, learnerId: string, joined: string) => ({ code, learnerId, eventId: `join-${code}-${learnerId}`, joinedAt: at(joined) });
  await db.insert(sessionCheckins).values([
    checkin('CX', 's1', '2025-06-01T08:40:00'),
    checkin('CX', 's2', '2025-06-01T08:41:00'),
    checkin('CY', 's1', '2025-06-08T08:40:00'),
    checkin('COLD', 's1', '2024-11-02T08:40:00'),
  ]);
  await db.insert(assistedLearners).values({ id: 'a1', guideId: 'g-lan', groupId: 'tdp-1', name: 'Người 1', birthYear: 1960, gender: 'female', consentAt: at('2025-06-01T08:35:00'), sessionId: 'x', registeredAt: at('2025-06-01T08:35:00') });
  // s1 finishes a lesson of the session's course (credited: a guide stands behind it); s2 one of "safety", which x does not teach.
  const own = (id: string, learnerId: string, courseId: string, when: string) => ({ id, type: 'lesson.completed', learnerId, deviceId: 'd', courseId, lessonId: 'l1', occurredAt: at(when), receivedAt: at(when), effectiveAt: at(when), payload: '{}', score: null });
  await db.insert(events).values([own('e-s1', 's1', 'cyber-safety', '2025-06-01T10:00:00'), own('e-s2', 's2', 'safety', '2025-06-01T10:00:00')]);

  // Outcomes: a1 confirmed twice, a2, s1; a3 another outcome; a4's is held; the pupil's is not an adult's.
  const outcome = (id: string, learnerId: string, o: { outcome?: string; sessionId?: string } = {}) => ({
    id, type: 'outcome.confirmed', recordedBy: 'g-lan', deviceId: 'gd', learnerId, sessionId: o.sessionId ?? null, courseId: null, lessonId: null,
    occurredAt: at('2025-06-03T09:00:00'), receivedAt: at('2025-06-03T09:00:00'), effectiveAt: at('2025-06-03T09:00:00'), payload: JSON.stringify({ outcome: o.outcome ?? 'national-platform-confirmed' }),
  });
  await db.insert(guideEvents).values([
    outcome('o1', 'a1', { sessionId: 'x' }),
    outcome('o1b', 'a1'),
    outcome('o2', 'a2'),
    outcome('o3', 'a3', { outcome: 'bank-account-opened' }),
    outcome('o4', 'a4'),
    outcome('o5', 's1'),
    outcome('o6', 'pupil'),
    { ...outcome('l1', 'a1', { sessionId: 'x' }), type: 'lesson.completed', courseId: 'cyber-safety', lessonId: 'l1', payload: '{}' },
  ]);
  await db.insert(integrityHolds).values({ eventId: 'o4', learnerId: 'a4', rules: '[]', heldAt: at('2025-06-03T09:01:00'), status: 'held', decidedBy: null, decidedAt: null });

  // Households: two of tdp-1 with a skilled member (one with two), one of tdp-2 with s2, one with only n1.
  const home = (id: string, groupId: string) => ({ id, groupId, label: id, createdBy: 'g-lan', createdAt: at('2025-06-01T09:00:00') });
  await db.insert(households).values([home('h1', 'tdp-1'), home('h2', 'tdp-1'), home('h3', 'tdp-2'), home('h4', 'tdp-3')]);
  const member = (learnerId: string, householdId: string) => ({ learnerId, householdId, linkedBy: 'g-lan', linkedAt: at('2025-06-01T09:00:00') });
  await db.insert(householdMembers).values([member('a1', 'h1'), member('a2', 'h1'), member('a3', 'h2'), member('s2', 'h3'), member('n1', 'h4')]);

  // Certificates: s1's and s2's this year, s1's of last year.
  await db.insert(certificates).values([
    { code: 'CERT1', learnerId: 's1', courseId: 'cyber-safety', issuedAt: at('2025-06-10T09:00:00') },
    { code: 'CERT2', learnerId: 's2', courseId: 'cyber-safety', issuedAt: at('2025-07-01T09:00:00') },
    { code: 'CERT0', learnerId: 's1', courseId: 'online-shopping', issuedAt: at('2024-12-20T09:00:00') },
  ]);
}

/** An indicator's tally as plain data: the ward, and the groups in key order (null first). */
const plain = (a: Actuals) =>
  Object.fromEntries(Object.entries(a).map(([id, t]) => [id, { ward: t.ward, byGroup: [...t.byGroup.entries()].sort(([x], [y]) => (x ?? '').localeCompare(y ?? '')) }]));

const seen = new Map<EngineKind, unknown>();

describe.each(ENGINES)('the indicators on %s', (kind) => {
  let engine: Engine;
  const answers: Record<string, unknown> = {};
  beforeAll(async () => {
    engine = await engines.fresh(kind);
    await seed(engine);
  }, 60_000);
  afterAll(() => void seen.set(kind, answers));

  const actuals = (basicSkillsRule: BasicSkillsRule, learners: LearnerKinds) => createIndicatorActuals(engine)({ ...YEAR, basicSkillsRule, learners }, GROUPS).then(plain);

  it('counts each indicator per group and for the ward, every learner counted', async () => {
    const all = await actuals('five-skills', 'all');
    expect(all).toEqual({
      // Adults with every basic course by the end: six of tdp-1, two of tdp-2 (not the pupil, not the one who finished later).
      'basic-skills': { ward: 8, byGroup: [['tdp-1', 6], ['tdp-2', 2]] },
      // a1 once, a2 and s1; not a3's other outcome, a4's held one or the pupil's.
      'platform-confirmed': { ward: 3, byGroup: [['tdp-1', 2], ['tdp-2', 1]] },
      'households-five-skills': { ward: 3, byGroup: [['tdp-1', 2], ['tdp-2', 1]] },
      // Members as of the end: lan (two groups) and hai; not the other team's, not the one turned off.
      'cns-teams': { ward: 2, byGroup: [['tdp-1', 1], ['tdp-2', 1]] },
      'cns-members': { ward: 2, byGroup: [['tdp-1', 2], ['tdp-2', 1]] },
      sessions: { ward: 3, byGroup: [['tdp-1', 2], ['tdp-2', 1]] },
      // x: s1, s2 and a1 (registered there and recorded there: once); y: s1.
      participants: { ward: 4, byGroup: [['tdp-1', 4]] },
      certificates: { ward: 2, byGroup: [['tdp-2', 2]] },
    });
    answers.all = all;
  });

  it("counts by the ward's definition of basic skills and the kinds of learner it counts", async () => {
    const oneCourse = await actuals('one-course', 'all');
    expect(oneCourse['basic-skills']).toEqual({ ward: 9, byGroup: [[null, 1], ['tdp-1', 6], ['tdp-2', 2]] });
    // Verified: the assisted adults, and s1, whose own lesson of x's course is credited to x; s2's lesson of another course is not.
    const verified = await actuals('five-skills', 'verified');
    expect([verified['basic-skills'], verified['households-five-skills'], verified.certificates]).toEqual([
      { ward: 7, byGroup: [['tdp-1', 6], ['tdp-2', 1]] },
      { ward: 2, byGroup: [['tdp-1', 2]] },
      { ward: 1, byGroup: [['tdp-2', 1]] },
    ]);
    const selfReported = await actuals('five-skills', 'self-reported');
    expect([selfReported['basic-skills'], selfReported['households-five-skills'], selfReported.certificates]).toEqual([
      { ward: 1, byGroup: [['tdp-2', 1]] },
      { ward: 1, byGroup: [['tdp-2', 1]] },
      { ward: 1, byGroup: [['tdp-2', 1]] },
    ]);
    expect((await actuals('five-skills', 'none'))['basic-skills']).toEqual({ ward: 0, byGroup: [] });
    answers.kinds = { oneCourse, verified, selfReported };
  });

  it('saves and corrects the targets; the report and its part I read them with the figures of the kinds the ward chose', async () => {
    const targets = createIndicatorTargets(engine);
    expect(await targets.read(PLAN)).toEqual({ targets: { basicSkillsRule: 'five-skills', ward: {}, groups: {} }, updated: null });
    await targets.save(PLAN, { basicSkillsRule: 'five-skills', ward: { 'basic-skills': { unit: 'count', value: 100 } }, groups: {} }, 'vhxh', at('2025-01-10T09:00:00'));
    const corrected = { basicSkillsRule: 'one-course' as const, ward: { 'basic-skills': { unit: 'count' as const, value: 9 }, sessions: { unit: 'count' as const, value: 4 } }, groups: { 'tdp-1': { 'basic-skills': { unit: 'percent' as const, value: 1 }, sessions: { unit: 'count' as const, value: 2 } } } };
    await targets.save(PLAN, corrected, 'vhxh', at('2025-01-11T09:00:00'));
    const stored = await targets.read(PLAN);
    expect(stored).toEqual({ targets: corrected, updated: { by: 'vhxh', at: new Date(at('2025-01-11T09:00:00')).toISOString() } });

    // The ward counts verified learning only.
    await engine.db.insert(wardFigureSettings).values({ id: 1, officialKinds: JSON.stringify(['verified']), updatedBy: 'vhxh', updatedAt: at('2025-01-10T09:00:00') });
    const read = createIndicatorReport(engine);
    const plan = { id: PLAN, numberSymbol: '01/KH-UBND', title: 'Kế hoạch' };
    const report = await read(plan, { key: '2025', ...YEAR }, stored, NOW);
    expect(report.groups.map((g) => g.id).slice(0, 3)).toEqual(GROUPS);
    const basic = report.rows.find((r) => r.id === 'basic-skills')!;
    // One-course rule, verified learners: the six assisted adults and s1 (n1 and s2 are self-reported).
    expect(basic.ward).toMatchObject({ target: { unit: 'count', value: 9 }, actual: 7, met: false });
    // tdp-1's six would be 1.5 % of its 400 adults, but tdp-2's one is under five, so tdp-1's is hidden too (it would give tdp-2's away): nor is it said whether the target is met.
    expect(basic.groups[0]).toMatchObject({ target: { unit: 'percent', value: 1 }, base: 400, share: null, met: null });
    expect(basic.groups[0].actual).not.toBe(6);
    const sessions = report.rows.find((r) => r.id === 'sessions')!;
    expect([sessions.ward, sessions.groups[0]]).toMatchObject([{ actual: 3, met: false }, { actual: 2, target: { unit: 'count', value: 2 }, met: true }]);
    expect(report.counted).toBeDefined();

    const partI = await wardIndicators(read, targets, () => NOW)(plan, { key: '2025', ...YEAR });
    expect(partI.basicSkillsRule).toBe('one-course');
    expect(partI.rows.find((r) => r.id === 'basic-skills')).toMatchObject({ id: 'basic-skills', actual: 7, target: { unit: 'count', value: 9 }, met: false });
    answers.report = report;
    answers.partI = partI;
  });
});

describe('the indicators on both engines', () => {
  it('answered the same', () => {
    expect(seen.size).toBe(2);
    expect(seen.get('postgres')).toEqual(seen.get('sqlite'));
  });
});
