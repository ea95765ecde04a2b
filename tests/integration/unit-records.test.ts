// The units' outreach log through the one record pipeline, against the real
// app and SQLite: exactly once (a resend is a duplicate, never a second row),
// an officer records only for their own unit and only what the plan has,
// corrections keep both records, and who reads which unit's log.
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids.ts';
import { setupTestApp, type TestApp } from './helpers.ts';
import { createGuide, guideSyncResults, sessionCreated } from './guide-support.ts';
import { activityRecorded, sendJson, staffMember, UNIT_DEVICE, unitSync, type Member } from './unit-support.ts';

let t: TestApp;
let ttsnc: Member;
let kthtdt: Member;
let reviewer: Member;
let admin: Member;
beforeEach(async () => {
  t = setupTestApp();
  [ttsnc, kthtdt, reviewer, admin] = await Promise.all([
    staffMember(t, 'lan-ttsnc', 'unit', 'ttsnc'),
    staffMember(t, 'minh-kthtdt', 'unit', 'kt-ht-dt'),
    staffMember(t, 'vhxh', 'reviewer'),
    staffMember(t, 'admin', 'admin'),
  ]);
});
afterEach(() => t.close());

const activities = async (who: Member, unitId: string, query = '') => t.request(`/api/v1/units/${unitId}/activities${query}`, { headers: who.headers });

describe('unit records', () => {
  it('are stored exactly once: a resent batch is all duplicates and adds no row', async () => {
    const batch = [activityRecorded(ttsnc, 'ttsnc'), activityRecorded(ttsnc, 'ttsnc', { formCode: '2.3', subFormId: 'banner', contentItems: ['1.2', '1.5'], title: 'Băng rôn đường Trần Phú', reach: { copies: 4 } })];
    expect((await unitSync(t, ttsnc, batch)).map((r) => r.status)).toEqual(['accepted', 'accepted']);
    // The answer was lost; the phone sends the same records again, twice at once.
    const again = await Promise.all([unitSync(t, ttsnc, batch), unitSync(t, ttsnc, batch)]);
    expect(again.flat().map((r) => r.status)).toEqual(['duplicate', 'duplicate', 'duplicate', 'duplicate']);
    expect(await t.count('unit_events')).toBe(2);
    expect(await t.count('unit_activities')).toBe(2);
    expect(await t.count('unit_activity_items')).toBe(3);
    const list = await (await activities(ttsnc, 'ttsnc')).json();
    expect(list.activities.map((a: { title: string; contentItems: string[]; reach: object }) => [a.title, a.contentItems, a.reach])).toEqual(
      expect.arrayContaining([
        ['Tin về Nghị quyết 57 trên loa phường', ['1.2'], { minutesAired: 5 }],
        ['Băng rôn đường Trần Phú', ['1.2', '1.5'], { copies: 4 }],
      ]),
    );
  });

  it("are refused when an officer records for a unit not theirs, or as another officer, and nothing is written", async () => {
    const before = { events: await t.count('unit_events'), activities: await t.count('unit_activities') };
    const results = await unitSync(t, kthtdt, [activityRecorded(kthtdt, 'ttsnc'), activityRecorded(ttsnc, 'ttsnc')]);
    expect(results.map((r) => `${r.status}:${r.error?.code}`)).toEqual(['rejected:forbidden', 'rejected:forbidden']);
    expect({ events: await t.count('unit_events'), activities: await t.count('unit_activities') }).toEqual(before);
    // Guides, reviewers and admins have no unit: the route itself refuses them.
    for (const who of [reviewer, admin]) {
      const res = await t.postJson('/api/v1/units/sync', { deviceId: UNIT_DEVICE, events: [activityRecorded(who, 'ttsnc')] }, who.headers);
      expect(res.status).toBe(403);
    }
    expect(await t.count('unit_events')).toBe(before.events);
  });

  it('are refused when the plan has no such form, sub-form, content item or plan', async () => {
    const bad = [
      activityRecorded(ttsnc, 'ttsnc', { formCode: '2.9' }),
      activityRecorded(ttsnc, 'ttsnc', { subFormId: 'banner' }), // banner is a sub-form of 2.3, not 2.4
      activityRecorded(ttsnc, 'ttsnc', { contentItems: ['1.6'] }),
      activityRecorded(ttsnc, 'ttsnc', { planId: 'khong-co' }),
      activityRecorded(ttsnc, 'ttsnc', { startsOn: '2025-06-02', endsOn: '2025-06-01' }),
      activityRecorded(ttsnc, 'ttsnc', { links: ['javascript:alert(1)'] }),
    ];
    const results = await unitSync(t, ttsnc, bad);
    expect(results.map((r) => `${r.status}:${r.error?.code}`)).toEqual([
      'rejected:not_in_plan',
      'rejected:not_in_plan',
      'rejected:not_in_plan',
      'rejected:unknown_plan',
      'rejected:invalid_event',
      'rejected:invalid_event',
    ]);
    expect(await t.count('unit_events')).toBe(0);
  });

  it('are corrected by a later record with a reason; the log keeps both and the list shows the correction', async () => {
    const first = activityRecorded(ttsnc, 'ttsnc', { reach: { minutesAired: 5 } });
    const fix = { ...activityRecorded(ttsnc, 'ttsnc', { activityId: first.activityId, reach: { minutesAired: 15 }, contentItems: ['1.2', '1.4'] }), type: 'activity.corrected', reason: 'Phát 3 lần, không phải 1' };
    // Recorded and corrected in one batch, as a phone that was offline sends them.
    expect((await unitSync(t, ttsnc, [first, fix])).map((r) => r.status)).toEqual(['accepted', 'accepted']);
    expect(await t.count('unit_events')).toBe(2);
    const [row] = (await (await activities(reviewer, 'ttsnc')).json()).activities;
    expect(row).toMatchObject({ id: first.activityId, reach: { minutesAired: 15 }, contentItems: ['1.2', '1.4'], corrections: 1 });
    // Another unit's officer cannot correct it, and nobody corrects what was never recorded.
    const foreign = { ...activityRecorded(kthtdt, 'kt-ht-dt', { activityId: first.activityId }), type: 'activity.corrected', reason: 'x' };
    const ghost = { ...activityRecorded(ttsnc, 'ttsnc', { activityId: uuidv7() }), type: 'activity.corrected', reason: 'x' };
    expect((await unitSync(t, kthtdt, [foreign])).map((r) => r.error?.code)).toEqual(['forbidden']);
    expect((await unitSync(t, ttsnc, [ghost])).map((r) => r.error?.code)).toEqual(['unknown_activity']);
    // A second record claiming the same activity id is a conflict, not an overwrite.
    expect((await unitSync(t, ttsnc, [activityRecorded(ttsnc, 'ttsnc', { activityId: first.activityId, title: 'Khác' })])).map((r) => r.error?.code)).toEqual(['conflict']);
    expect(await t.count('unit_events')).toBe(2);
  });

  it("are read by the unit's own officers and the office; another unit's officer is refused", async () => {
    await unitSync(t, ttsnc, [activityRecorded(ttsnc, 'ttsnc', { startsOn: '2025-05-20' }), activityRecorded(ttsnc, 'ttsnc', { startsOn: '2025-06-10', endsOn: '2025-07-10' })]);
    for (const who of [ttsnc, reviewer, admin]) expect((await activities(who, 'ttsnc')).status).toBe(200);
    const refused = await activities(kthtdt, 'ttsnc');
    expect(refused.status).toBe(403);
    expect((await refused.json()).error.code).toBe('forbidden');
    // A span of days: activities whose days overlap it.
    const june = await (await activities(reviewer, 'ttsnc', '?from=2025-06-01&to=2025-06-30&plan=sample-nq57')).json();
    expect(june.activities.map((a: { startsOn: string }) => a.startsOn)).toEqual(['2025-06-10']);
    const july = await (await activities(reviewer, 'ttsnc', '?from=2025-07-01&to=2025-07-31')).json();
    expect(july.activities.map((a: { endsOn: string }) => a.endsOn)).toEqual(['2025-07-10']);
    expect((await activities(reviewer, 'ttsnc', '?from=2025-07-01&to=2025-06-01')).status).toBe(400);
    expect((await activities(reviewer, 'khong-co')).status).toBe(404);
  });

  it("/units/me gives the officer their unit and the plans, for the phone to keep offline", async () => {
    const res = await t.request('/api/v1/units/me', { headers: ttsnc.headers });
    expect(res.status).toBe(200);
    const me = await res.json();
    expect(me.unit).toMatchObject({ id: 'ttsnc', shortName: 'TTSNC' });
    expect(me.plans.map((p: { id: string; forms: unknown[] }) => [p.id, p.forms.length])).toEqual([['sample-nq57', 5]]);
  });

  it('admins create unit officers through the staff API, bound to a unit that exists', async () => {
    const ok = await sendJson(t, 'POST', '/api/v1/staff', admin, { username: 'hoa-mttq', displayName: 'Chị Hoa', role: 'unit', unitId: 'mttq' });
    expect(ok.status).toBe(201);
    expect((await ok.json()).account).toMatchObject({ username: 'hoa-mttq', role: 'unit', unitId: 'mttq', groups: [] });
    const noUnit = await sendJson(t, 'POST', '/api/v1/staff', admin, { username: 'khoa', displayName: 'Anh Khoa', role: 'unit' });
    expect(noUnit.status).toBe(400);
    const unknown = await sendJson(t, 'POST', '/api/v1/staff', admin, { username: 'khoa', displayName: 'Anh Khoa', role: 'unit', unitId: 'khong-co' });
    expect(unknown.status).toBe(400);
    expect(await t.engine.get(sql`SELECT COUNT(*) AS n FROM users WHERE username = 'khoa'`)).toEqual({ n: 0 });
  });
});

describe('the tracker', () => {
  it('counts units × forms for a span, gives each unit its last activity and the content items served; an officer sees only their unit', async () => {
    await unitSync(t, ttsnc, [
      activityRecorded(ttsnc, 'ttsnc', { startsOn: '2025-04-03' }), // radio 2.4, item 1.2
      activityRecorded(ttsnc, 'ttsnc', { startsOn: '2025-05-10' }),
      activityRecorded(ttsnc, 'ttsnc', { startsOn: '2025-05-20', formCode: '2.3', subFormId: 'banner', contentItems: ['1.2', '1.5'] }),
      activityRecorded(ttsnc, 'ttsnc', { startsOn: '2025-07-01' }), // after the quarter
    ]);
    await unitSync(t, kthtdt, [activityRecorded(kthtdt, 'kt-ht-dt', { startsOn: '2025-03-25', endsOn: '2025-04-05', formCode: '2.1', subFormId: 'infographic', contentItems: ['1.4'] })]);
    const res = await t.request('/api/v1/plans/sample-nq57/tracker?from=2025-04-01&to=2025-06-30', { headers: reviewer.headers });
    expect(res.status).toBe(200);
    const q2 = await res.json();
    const rows = Object.fromEntries(q2.units.map((u: { shortName: string; perForm: object; total: number; lastActivityOn: string | null }) => [u.shortName, [u.perForm, u.total, u.lastActivityOn]]));
    expect(rows).toEqual({
      'VH-XH': [{}, 0, null],
      'KT-HT-ĐT': [{ '2.1': 1 }, 1, '2025-03-25'], // began in March, still up in April
      MTTQ: [{}, 0, null],
      TTSNC: [{ '2.4': 2, '2.3': 1 }, 3, '2025-05-20'],
    });
    expect(q2.contentItems.map((c: { code: string; activities: number }) => `${c.code}:${c.activities}`)).toEqual(['1.1:0', '1.2:3', '1.3:0', '1.4:1', '1.5:1']);

    const own = await (await t.request('/api/v1/plans/sample-nq57/tracker?from=2025-04-01&to=2025-06-30', { headers: kthtdt.headers })).json();
    expect(own.units.map((u: { id: string }) => u.id)).toEqual(['kt-ht-dt']);
    expect(own.contentItems.map((c: { activities: number }) => c.activities)).toEqual([0, 0, 0, 1, 0]);
    expect((await t.request('/api/v1/plans/sample-nq57/tracker?from=2025-07-01&to=2025-04-01', { headers: reviewer.headers })).status).toBe(400);
    expect(q2.guideSessions).toEqual({ formCode: '2.5', sessions: 0 });
  });

  it("counts the movement's guide sessions under the form with the guide-session sub-form, by the Vietnam day they start", async () => {
    const guide = await createGuide(t, 'guide-lan', ['tdp-1']);
    const sessions = [
      sessionCreated(guide, { code: 'ACDE3467', startsAt: '2025-04-01T00:30:00+07:00' }), // 31 March in UTC, 1 April in Vietnam
      sessionCreated(guide, { code: 'FGHJ4679', startsAt: '2025-06-30T23:00:00+07:00' }),
      sessionCreated(guide, { code: 'KMNP3467', startsAt: '2025-07-01T08:00:00+07:00' }), // next quarter
    ];
    expect((await guideSyncResults(t, guide, sessions)).map((r) => r.status)).toEqual(['accepted', 'accepted', 'accepted']);
    const q2 = await (await t.request('/api/v1/plans/sample-nq57/tracker?from=2025-04-01&to=2025-06-30', { headers: reviewer.headers })).json();
    expect(q2.guideSessions).toEqual({ formCode: '2.5', sessions: 2 });
    // A plan without that sub-form has no such count.
    const own = await sendJson(t, 'POST', '/api/v1/plans', admin, {
      numberSymbol: '9/KH-UBND',
      issuingBody: 'UBND phường',
      title: 'Kế hoạch',
      contentItems: [{ code: '1.1', title: 'Nội dung' }],
      forms: [{ code: '2.1', title: 'Nền tảng số' }],
    });
    const id = (await own.json()).id;
    expect((await (await t.request(`/api/v1/plans/${id}/tracker`, { headers: reviewer.headers })).json()).guideSessions).toBeNull();
  });
});
