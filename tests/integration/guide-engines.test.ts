// Guide mode's side of the data, the same on a SQLite file and on
// PostgreSQL: a guide's records through the record pipeline with the guide
// rights, the check-ins and the guide projection; then the session's roster,
// the team report, the follow-up list and the household list they feed.
import { sql } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../server/db/engine/engine.ts';
import { guideGroups, learners, residentialGroups, users } from '../../server/db/schema/index.ts';
import { createCheckinProjection } from '../../server/guide/checkins.ts';
import { createGroupLists } from '../../server/guide/group-lists.ts';
import { createGuideAccess } from '../../server/guide/authorize.ts';
import { createGuideProjection } from '../../server/guide/projections.ts';
import { createTeamReport } from '../../server/guide/report.ts';
import { createRoster } from '../../server/guide/roster.ts';
import { createRecordPipeline, type RecordPipeline } from '../../server/records/pipeline.ts';
import { sessionCodeCheck } from '../../shared/guide/constants.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { ENGINES, testEngines } from '../support/engines.ts';

const engines = testEngines();
const NOW = Date.parse('2026-11-20T03:00:00Z');
const iso = (ms: number) => new Date(ms).toISOString();
const CODE = `K7MQ4TR${sessionCodeCheck('K7MQ4TR')}`;
const COURSE = { id: 'dich-vu-cong', skill: 'public-services', lessons: [{ id: 'buoi-1' }, { id: 'buoi-2' }] };

describe.each(ENGINES)('guide mode on %s', (kind) => {
  let engine: Engine;
  let pipeline: RecordPipeline;
  const session = uuidv7();
  const assisted = uuidv7();
  const resident = uuidv7();
  const household = uuidv7();
  const guide = (type: string, fields: Record<string, unknown>, by = 'g-lan', at = NOW - 3_600_000) => ({ id: uuidv7(), type, recordedBy: by, deviceId: 'guide-phone-1', occurredAt: iso(at), ...fields });
  const sendGuide = (records: unknown[], by = 'g-lan') => pipeline.guide.ingest({ by: { id: by, deviceId: 'guide-phone-1' }, records, receivedAt: NOW });

  beforeAll(async () => {
    engine = await engines.fresh(kind);
    const { db } = engine;
    await db.insert(residentialGroups).values({ id: 'to-9', name: 'Tổ dân phố 9', adultPopulation: 120, households: 40, figuresAreSample: false, sortOrder: 90 });
    for (const [id, team] of [['g-lan', 'cns'], ['g-minh', 'da06']] as const) {
      await db.insert(users).values({ id, username: id, displayName: id === 'g-lan' ? 'Lan' : 'Minh', role: 'guide', team, passwordHash: 'x', createdAt: NOW, disabled: false });
    }
    await db.insert(guideGroups).values({ userId: 'g-lan', groupId: 'to-9' });
    await db.insert(learners).values({ id: resident, secretHash: 'h', createdAt: NOW - 86_400_000 });
    pipeline = createRecordPipeline(engine, [createCheckinProjection(engine), createGuideProjection(engine)]);
  }, 60_000);

  it("refuses what a guide may not record and keeps what they may, with the resident's check-in", async () => {
    const results = await sendGuide([
      guide('session.created', { sessionId: session, code: CODE, title: 'Dịch vụ công', groupId: 'to-9', place: 'Nhà văn hóa', startsAt: iso(NOW - 3_600_000), durationMin: 120, courses: [COURSE.id] }),
      guide('assisted.registered', { learnerId: assisted, name: 'Bà Hoa', birthYear: 1950, gender: null, groupId: 'to-9', consent: true, consentAt: iso(NOW - 3_500_000), sessionId: session }),
      guide('lesson.completed', { learnerId: assisted, courseId: COURSE.id, lessonId: 'buoi-1', contentVersion: 'v1', score: 90, durationSec: 600, sessionId: session }),
      guide('outcome.confirmed', { learnerId: assisted, outcome: 'vneid-level2-activated', sessionId: session }),
      guide('household.created', { householdId: household, groupId: 'to-9', label: 'Nhà số 12' }),
      guide('household.linked', { householdId: household, learnerId: assisted }),
    ]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'accepted', 'accepted']);

    const stranger = await sendGuide([guide('session.created', { sessionId: uuidv7(), code: CODE, title: 'X', groupId: 'to-9', place: 'Y', startsAt: iso(NOW), durationMin: 60, courses: [COURSE.id] }, 'g-minh')], 'g-minh');
    expect(stranger.map((r) => r.error?.code)).toEqual(['forbidden']);

    const mine = (type: string, fields: Record<string, unknown>, at: number) => ({ id: uuidv7(), type, learnerId: resident, deviceId: 'phone-0001', occurredAt: iso(at), ...fields });
    const self = await pipeline.learner.ingest({
      by: { id: resident, deviceId: 'phone-0001' },
      records: [mine('session.joined', { code: CODE, method: 'qr' }, NOW - 3_000_000), mine('lesson.completed', { courseId: COURSE.id, lessonId: 'buoi-1', contentVersion: 'v1', score: 70, durationSec: 400 }, NOW - 2_000_000)],
      receivedAt: NOW,
    });
    expect(self.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    expect(await createGuideAccess(engine).mayRecordFor('g-lan', resident)).toBe(true);
    expect(await createGuideAccess(engine).mayRecordFor('g-minh', resident)).toBe(false);
  });

  it('gives the roster, the team report and the lists the same figures', async () => {
    const row = await engine.get<{ id: string }>(sql`SELECT id FROM guide_sessions WHERE code = ${CODE}`);
    expect(row).toEqual({ id: session });
    const access = createGuideAccess(engine);
    const summary = await createRoster(engine, () => NOW)((await access.sessionById(session))!, () => true);
    expect(summary.attendees.map((a) => [a.kind, a.name, a.lessonsCompleted, a.outcomes]).sort()).toEqual([
      ['assisted', 'Bà Hoa', 1, ['vneid-level2-activated']],
      ['self', null, 1, []],
    ]);
    expect(summary.totals).toEqual({ attendees: 2, newLearners: 2, selfCompletions: 1, assistedCompletions: 1, outcomes: 1 });

    const report = await createTeamReport(engine)('2026-11-01', '2026-11-30');
    expect(report.guides.map((g) => [g.displayName, g.sessions, g.attendees, g.assistedCompletions, g.outcomes])).toEqual([
      ['Lan', 1, 2, 1, 1],
      ['Minh', 0, 0, 0, 0],
    ]);
    expect(report.teams.find((t) => t.team === 'cns')).toMatchObject({ sessions: 1, attendees: 2, assistedCompletions: 1, outcomes: 1 });

    // Three weeks on: both started the course over 14 days ago and have not finished it.
    const lists = createGroupLists(engine, { courses: [COURSE] }, () => NOW + 21 * 86_400_000);
    const followUp = await lists.followUp('to-9');
    expect(followUp.inactive).toEqual([]);
    expect(followUp.notFinished.map((r) => [r.kind, r.unfinishedCourses]).sort()).toEqual([
      ['assisted', [COURSE.id]],
      ['self', [COURSE.id]],
    ]);
    expect(await lists.households('to-9')).toEqual({ groupId: 'to-9', households: [{ id: household, label: 'Nhà số 12', members: 1, covered: false }] });
  });
});
