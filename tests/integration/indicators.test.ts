// The movement's indicators against the real app and a real SQLite file:
// learners, completions, outcomes, households, teams, sessions and a
// certificate recorded through the ordinary sync and routes, then each
// indicator's actual for the ward and per residential group, the "<5" rule in
// group cells, the ward's definition of basic skills, targets (saved,
// audited, bad input refused without a write), and part I of the report:
// the screen's JSON and the Word file carry the same indicator figures.
import { readDocx } from '../support/docx-read.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { IndicatorReport } from '../../shared/indicators/api.ts';
import { INDICATOR_IDS, type IndicatorId } from '../../shared/indicators/definitions.ts';
import { uuidv7 } from '../../shared/ids.ts';
import type { PlanReportAnswer } from '../../shared/plans/report.ts';
import { countWords, metWords, shareWords, targetWords } from '../../shared/plans/report-outline.ts';
import { login, registerLearner, setupTestApp, type TestApp } from './helpers.ts';
import { assistedCompletion, assistedRegistered, createGuide, GUIDE_DEVICE, guideSyncResults, joined, outcome, sessionCreated, type Guide } from './guide-support.ts';
import { CATALOG, completeCourse, consentGiven, profileUpdated, syncEvents } from './resident-support.ts';
import { SAMPLE_PLAN, sendJson, staffMember, type Member } from './unit-support.ts';

let t: TestApp;
let lan: Guide;
let reviewer: Member;
beforeEach(async () => {
  t = setupTestApp({ catalog: CATALOG, now: Date.parse('2025-07-05T03:00:00Z') });
  lan = await createGuide(t, 'lan', ['tdp-1', 'tdp-2']);
  reviewer = await staffMember(t, 'vhxh', 'reviewer');
});
afterEach(() => t.close());

const ALL_BASIC = CATALOG.courses.filter((c) => c.id !== 'staff-skills').flatMap((c) => c.lessons.map((l) => [c.id, l.id] as const));
const everyBasicLesson = (learnerId: string) => ALL_BASIC.map(([courseId, lessonId]) => assistedCompletion(lan, learnerId, { courseId, lessonId }));
const env = () => ({ id: uuidv7(), recordedBy: lan.id, deviceId: GUIDE_DEVICE, occurredAt: '2025-06-01T09:00:00+07:00' });
const household = (groupId = 'tdp-1') => ({ ...env(), type: 'household.created', householdId: uuidv7(), groupId, label: `Số ${uuidv7().slice(-3)}` });
const link = (householdId: string, learnerId: string) => ({ ...env(), type: 'household.linked', householdId, learnerId });
const platform = (learnerId: string) => outcome(lan, learnerId, { outcome: 'national-platform-confirmed' });

async function indicators(period = '2025'): Promise<IndicatorReport> {
  const res = await t.request(`/api/v1/plans/${SAMPLE_PLAN}/indicators?period=${period}`, { headers: reviewer.headers });
  expect(res.status).toBe(200);
  return (await res.json()) as IndicatorReport;
}
const row = (r: IndicatorReport, id: IndicatorId) => r.rows.find((x) => x.id === id)!;
const group = (r: IndicatorReport, id: IndicatorId, groupId: string) => row(r, id).groups[r.groups.findIndex((g) => g.id === groupId)];

/** The data set: see each indicator's expectation in the test below. */
async function seed() {
  await createGuide(t, 'hai', ['tdp-1']); // a second CNS member in tdp-1
  await createGuide(t, 'da06', ['tdp-3'], 'da06'); // not a community digital-technology team member
  const a = sessionCreated(lan, { code: 'ACDE3467', startsAt: '2025-06-01T08:30:00+07:00' });
  const b = sessionCreated(lan, { code: 'FGHJ4679', startsAt: '2025-06-08T08:30:00+07:00' });
  const c = sessionCreated(lan, { code: 'KMNP7963', groupId: 'tdp-2', startsAt: '2025-06-09T08:30:00+07:00' });
  const old = sessionCreated(lan, { code: 'QRTU3469', startsAt: '2024-11-02T08:30:00+07:00', occurredAt: '2024-11-02T08:00:00+07:00' });
  // Six adults in tdp-1 finish every basic course at session A; one more finishes one course only; a pupil finishes everything.
  const skilled = Array.from({ length: 6 }, (_, i) => assistedRegistered(lan, { name: `Người ${i}`, birthYear: 1960 + i, sessionId: a.sessionId }));
  const oneCourse = assistedRegistered(lan, { name: 'Ông Một', birthYear: 1970 });
  const pupil = assistedRegistered(lan, { name: 'Em Nhỏ', birthYear: 2012 });
  const tdp2 = [assistedRegistered(lan, { name: 'Bà Hai', groupId: 'tdp-2' }), assistedRegistered(lan, { name: 'Ông Ba', groupId: 'tdp-2' })];
  const homes = Array.from({ length: 6 }, () => household());
  const records = [
    a, b, c, old,
    ...skilled, oneCourse, pupil, ...tdp2,
    ...skilled.flatMap((s) => everyBasicLesson(s.learnerId)),
    ...everyBasicLesson(pupil.learnerId),
    ...completeCourseAssisted(oneCourse.learnerId, 'online-shopping'),
    // Confirmed on the national platform: five adults of tdp-1 (one twice), two of tdp-2, and the pupil; another outcome does not count.
    ...skilled.slice(0, 5).map((s) => platform(s.learnerId)),
    platform(skilled[0].learnerId),
    outcome(lan, skilled[5].learnerId),
    ...tdp2.map((s) => platform(s.learnerId)),
    platform(pupil.learnerId),
    // Households: five with a skilled member (one with two), one with only the one-course learner.
    ...homes,
    ...skilled.map((s, i) => link(homes[Math.min(i, 4)].householdId, s.learnerId)),
    link(homes[5].householdId, oneCourse.learnerId),
  ];
  const results = await guideSyncResults(t, lan, records);
  expect(results.filter((r) => r.status !== 'accepted')).toEqual([]);
  // A resident of tdp-1 with a phone: attends A and B, finishes a course and takes its certificate.
  const me = await registerLearner(t);
  await syncEvents(t, me.auth, [consentGiven(me.id), profileUpdated(me.id, { residentialGroupId: 'tdp-1', birthYear: 1980 }), joined(me.id, 'ACDE3467'), joined(me.id, 'FGHJ4679', { occurredAt: '2025-06-08T09:05:00+07:00' }), ...completeCourse(me.id, 'cyber-safety')]);
  const cert = await t.postJson('/api/v1/certificates', { courseId: 'cyber-safety' }, me.auth);
  expect(cert.status).toBeLessThan(300);
}
function completeCourseAssisted(learnerId: string, courseId: string) {
  return CATALOG.courses.find((c) => c.id === courseId)!.lessons.map((l) => assistedCompletion(lan, learnerId, { courseId, lessonId: l.id }));
}

describe("the movement's indicators", () => {
  it('counts each indicator from the data held, for the ward and per residential group, with the "<5" rule in group cells', async () => {
    await seed();
    const r = await indicators('2025');
    expect(r.rows.map((x) => x.id)).toEqual([...INDICATOR_IDS]);
    expect(r.targets.basicSkillsRule).toBe('five-skills');
    const ward = Object.fromEntries(r.rows.map((x) => [x.id, x.ward.actual]));
    expect(ward).toEqual({
      'basic-skills': 6, // the six adults; not the pupil, not the one-course learner
      'platform-confirmed': 7, // five of tdp-1 (one confirmed twice), two of tdp-2; not the pupil, not another outcome
      'households-five-skills': 5,
      'cns-teams': 2, // tdp-1 and tdp-2; tdp-3 has only a DA06 member
      'cns-members': 2,
      sessions: 3, // A, B, C in 2025; not the 2024 one
      participants: 8, // A: six assisted + the resident; B: the resident
      certificates: 1,
    });
    expect(group(r, 'basic-skills', 'tdp-1').actual).toBe(6);
    expect(group(r, 'households-five-skills', 'tdp-1').actual).toBe(5);
    expect(group(r, 'participants', 'tdp-1').actual).toBe(8);
    expect(group(r, 'sessions', 'tdp-1').actual).toBe(2);
    expect(group(r, 'sessions', 'tdp-2').actual).toBe(1);
    expect(group(r, 'cns-members', 'tdp-1').actual).toBe(2);
    expect(group(r, 'cns-members', 'tdp-2').actual).toBe(1);
    expect(group(r, 'cns-teams', 'tdp-3').actual).toBe(0);
    // Two confirmed in tdp-2 leave as "<5", and tdp-1's five as "*" so the two cannot be worked out from the ward's seven.
    expect(group(r, 'platform-confirmed', 'tdp-2').actual).toBe('<5');
    expect(group(r, 'platform-confirmed', 'tdp-1').actual).toBe('*');
    expect(group(r, 'platform-confirmed', 'tdp-1').share).toBeNull();
    expect(group(r, 'certificates', 'tdp-1').actual).toBe('<5');
    // Shares of the profile's figures.
    const tdp1 = r.groups.find((g) => g.id === 'tdp-1')!;
    if (tdp1.adultPopulation) expect(group(r, 'basic-skills', 'tdp-1').share).toBeCloseTo(6 / tdp1.adultPopulation, 4);

    // Before the period: nothing yet (the 2024 session only).
    const before = await indicators('2024');
    expect(row(before, 'sessions').ward.actual).toBe(1);
    expect(row(before, 'basic-skills').ward.actual).toBe(0);
  });

  it('counts the community teams as they stood at the end of the period asked for', async () => {
    const admin = await staffMember(t, 'admin', 'admin');
    const members = async (period: string) => {
      const r = await indicators(period);
      return { ward: row(r, 'cns-members').ward.actual, teams: row(r, 'cns-teams').ward.actual };
    };
    // Lan joined on 5 July 2025: in the third quarter's team, not in the second's.
    expect(await members('2025-Q2')).toEqual({ ward: 0, teams: 0 });
    expect(await members('2025-Q3')).toEqual({ ward: 1, teams: 2 });
    // Hai joins in October; Lan's account is turned off on 1 November.
    t.clock.now = Date.parse('2025-10-10T03:00:00Z');
    await createGuide(t, 'hai', ['tdp-1']);
    t.clock.now = Date.parse('2025-11-01T03:00:00Z');
    // Months later: the staff log in again.
    const again = async (m: Member, username: string) => ({ ...m, headers: { ...m.headers, cookie: await login(t, username, 'correct horse battery') } });
    const [office, vhxh] = [await again(admin, 'admin'), await again(reviewer, 'vhxh')];
    reviewer = vhxh;
    const off = await t.request('/api/v1/staff/lan/disabled', { method: 'PUT', headers: { ...office.headers, 'content-type': 'application/json' }, body: JSON.stringify({ disabled: true }) });
    expect(off.status).toBe(200);
    // The third quarter still had Lan (and not yet Hai); the fourth ends with Hai alone, in one group.
    expect(await members('2025-Q3')).toEqual({ ward: 1, teams: 2 });
    expect(await members('2025-Q4')).toEqual({ ward: 1, teams: 1 });
  });

  it("uses the ward's definition of basic skills and judges the saved targets; bad input is refused and writes nothing; a save is audited", async () => {
    await seed();
    const path = `/api/v1/plans/${SAMPLE_PLAN}/indicators/targets`;
    const good = {
      basicSkillsRule: 'one-course',
      ward: { 'basic-skills': { unit: 'count', value: 7 }, 'platform-confirmed': { unit: 'count', value: 10 }, sessions: { unit: 'count', value: 3 } },
      groups: { 'tdp-1': { 'basic-skills': { unit: 'count', value: 5 } }, 'tdp-2': {} },
    };
    for (const bad of [
      { ...good, basicSkillsRule: 'any' },
      { ...good, ward: { sessions: { unit: 'percent', value: 50 } } }, // a count takes no percentage
      { ...good, ward: { 'basic-skills': { unit: 'percent', value: 120 } } },
      { ...good, ward: { 'basic-skills': { unit: 'count', value: 2.5 } } },
      { ...good, ward: { 'basic-skills': { unit: 'count', value: -1 } } },
      { ...good, ward: { 'no-such': { unit: 'count', value: 1 } } },
      { ...good, extra: true },
    ]) {
      const res = await sendJson(t, 'PUT', path, reviewer, bad);
      expect(res.status, JSON.stringify(bad).slice(0, 80)).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('invalid_request');
    }
    const unknown = await sendJson(t, 'PUT', path, reviewer, { ...good, groups: { 'tdp-99': { sessions: { unit: 'count', value: 1 } } } });
    expect(unknown.status).toBe(422);
    expect((await sendJson(t, 'PUT', `/api/v1/plans/khong-co/indicators/targets`, reviewer, good)).status).toBe(404);
    expect((await t.request(`/api/v1/plans/${SAMPLE_PLAN}/indicators?period=2025-13`, { headers: reviewer.headers })).status).toBe(400);
    expect((await indicators()).targetsUpdated).toBeNull();

    const saved = await sendJson(t, 'PUT', path, reviewer, good);
    expect(saved.status).toBe(200);
    const r = await indicators('2025');
    expect(r.targetsUpdated?.by).toBe('vhxh');
    expect(r.targets.groups).toEqual({ 'tdp-1': { 'basic-skills': { unit: 'count', value: 5 } } });
    // One-course rule: the one-course learner and the resident with one course count now, the pupil still does not.
    expect(row(r, 'basic-skills').ward).toMatchObject({ actual: 8, target: { unit: 'count', value: 7 }, met: true });
    expect(group(r, 'basic-skills', 'tdp-1')).toMatchObject({ actual: 8, met: true });
    expect(row(r, 'platform-confirmed').ward.met).toBe(false);
    expect(row(r, 'sessions').ward.met).toBe(true);
    expect(row(r, 'participants').ward.met).toBeNull();

    const audit = (await (await t.request('/api/v1/staff/audit?action=plan.indicator_targets_saved', { headers: (await staffMember(t, 'admin', 'admin')).headers })).json()) as { entries: Array<{ actor: { username: string } | null; target: { id: string } | null }> };
    expect(audit.entries).toHaveLength(1);
  });

  it("prints the ward's indicators in part I: the screen's figures and the Word file's table agree", async () => {
    await seed();
    await sendJson(t, 'PUT', `/api/v1/plans/${SAMPLE_PLAN}/indicators/targets`, reviewer, {
      basicSkillsRule: 'five-skills',
      ward: { 'basic-skills': { unit: 'count', value: 10 }, participants: { unit: 'count', value: 8 } },
      groups: {},
    });
    const page = await indicators('2025-Q2');
    const report = (await (await t.request(`/api/v1/plans/${SAMPLE_PLAN}/report?period=2025-Q2`, { headers: reviewer.headers })).json()) as PlanReportAnswer;
    const inReport = report.data.indicators!;
    expect(inReport.rows).toEqual(page.rows.map((x) => ({ id: x.id, ...x.ward })));

    const res = await t.request(`/api/v1/plans/${SAMPLE_PLAN}/report.docx?period=2025-Q2`, { headers: reviewer.headers });
    expect(res.status).toBe(200);
    const { rows } = readDocx(new Uint8Array(await res.arrayBuffer()));
    const header = rows.findIndex((r) => r[1] === 'Chỉ tiêu' && r[2] === 'Kế hoạch');
    expect(header).toBeGreaterThanOrEqual(0);
    const table = rows.slice(header + 1, header + 1 + inReport.rows.length);
    expect(table.map((r) => r.slice(2))).toEqual(inReport.rows.map((x) => [targetWords(x.target), countWords(x.actual), shareWords(x.share), metWords(x.met)]));
    expect(table[0].slice(2)).toEqual(['10', '6', expect.any(String), 'Chưa đạt']);
    expect(table.find((r) => r[1].startsWith('Lượt người tham gia'))!.slice(3)).toEqual(['8', '—', 'Đạt']);
  });
});
