// Loudspeaker bulletins kept with their broadcast schedule, against the real
// app and SQLite: the airing unit's officer marks a scheduled day as aired and
// the unit's outreach log gets one activity (form 2.4, its minutes) however
// many taps, concurrent ones and a second officer's included; bad input is
// 4xx JSON and writes nothing.
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Bulletin } from '../../shared/outreach/bulletin-schedule.ts';
import { setupTestApp, type TestApp } from './helpers.ts';
import { sendJson, staffMember, type Member } from './unit-support.ts';

let t: TestApp;
let officer: Member;
let officer2: Member;
let otherOfficer: Member;
let reviewer: Member;
beforeEach(async () => {
  // 20 May 2025, 10:00 in Vietnam.
  t = setupTestApp({ now: Date.parse('2025-05-20T03:00:00Z') });
  officer = await staffMember(t, 'lan', 'unit', 'ttsnc');
  officer2 = await staffMember(t, 'hung', 'unit', 'ttsnc');
  otherOfficer = await staffMember(t, 'minh', 'unit', 'kt-ht-dt');
  reviewer = await staffMember(t, 'vhxh', 'reviewer');
});
afterEach(() => t.close());

const BODY = 'Tối thứ bảy, tổ công nghệ số cộng đồng hướng dẫn bà con cài ứng dụng VNeID tại nhà văn hóa tổ dân phố. '.repeat(8);
const input = (overrides: Record<string, unknown> = {}) => ({
  kind: 'news',
  title: 'Phường hướng dẫn cài VNeID',
  body: BODY,
  rate: 200,
  schedule: { days: { kind: 'weekly', weekdays: [1, 4], from: '2025-05-01', until: '2025-06-30' }, time: '06:30', clusters: ['Cụm loa chợ Hòa Bình'], groups: ['tdp-1'] },
  ...overrides,
});
async function save(who: Member, body = input()): Promise<Bulletin> {
  const res = await sendJson(t, 'POST', '/api/v1/bulletins', who, body);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Bulletin;
}
const air = (who: Member, id: string, body: unknown) => sendJson(t, 'POST', `/api/v1/bulletins/${id}/aired`, who, body);
const activities = async () => await t.engine.all(sql`SELECT id, unit_id, form_code, sub_form_id, starts_on, title, details FROM unit_activities`) as Array<Record<string, string>>;

describe('broadcast schedule', () => {
  it('lists the days due so far and logs an aired day once, with the reading time as its minutes', async () => {
    const b = await save(officer);
    expect(b.unitId).toBe('ttsnc');
    // Mondays and Thursdays from 1 May up to today (Tuesday 20 May), newest first.
    expect(b.dueDays).toEqual(['2025-05-19', '2025-05-15', '2025-05-12', '2025-05-08', '2025-05-05', '2025-05-01']);
    expect(b.minutes).toBe(Math.ceil(((6 + BODY.trim().split(/\s+/).length) / 200) * 60 / 60));

    const first = await air(officer, b.id, { day: '2025-05-19' });
    expect(first.status, await first.clone().text()).toBe(201);
    const after = (await first.json()) as Bulletin;
    expect(after.airings).toEqual([{ day: '2025-05-19', minutes: b.minutes, activityId: expect.any(String), airedAt: expect.any(String), airedByName: 'lan' }]);
    const [logged] = await activities();
    expect(logged).toMatchObject({ id: after.airings[0].activityId, unit_id: 'ttsnc', form_code: '2.4', sub_form_id: 'radio-news', starts_on: '2025-05-19', title: 'Phường hướng dẫn cài VNeID' });
    expect(JSON.parse(logged.details)).toMatchObject({ reach: { minutesAired: b.minutes }, place: 'Cụm loa chợ Hòa Bình, Tổ dân phố 1' });

    // Tapped again, by both officers at once, with other minutes: still one activity, the first minutes.
    const again = await Promise.all([air(officer, b.id, { day: '2025-05-19', minutes: 9 }), air(officer2, b.id, { day: '2025-05-19' }), air(officer, b.id, { day: '2025-05-19' })]);
    expect(again.map((r) => r.status)).toEqual([200, 200, 200]);
    expect(await activities()).toHaveLength(1);
    expect(await t.count('bulletin_airings')).toBe(1);
    expect(await t.engine.get(sql`SELECT count(*) AS n FROM audit_log WHERE action = 'bulletin.aired'`)).toEqual({ n: 1 });

    // Another day, minutes typed: a second activity.
    const typed = await air(officer2, b.id, { day: '2025-05-15', minutes: 4 });
    expect(typed.status).toBe(201);
    expect(await activities()).toHaveLength(2);
    expect(((await typed.json()) as Bulletin).airings.map((a) => [a.day, a.minutes])).toEqual([['2025-05-19', b.minutes], ['2025-05-15', 4]]);
  });

  it('concurrent first taps make one activity', async () => {
    const b = await save(officer);
    const taps = await Promise.all(Array.from({ length: 5 }, () => air(officer, b.id, { day: '2025-05-12' })));
    expect(taps.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(await activities()).toHaveLength(1);
    expect(await t.count('bulletin_airings')).toBe(1);
  });

  it('refuses bad input with 4xx JSON and writes nothing', async () => {
    const b = await save(officer);
    const before = { bulletins: await t.count('bulletins'), airings: await t.count('bulletin_airings'), activities: (await activities()).length };
    const code = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
    expect(await code(await air(officer, b.id, { day: '2025-05-20' }))).toBe('not_scheduled'); // a Tuesday
    const future = await air(officer, b.id, { day: '2025-05-22' });
    expect(future.status).toBe(422);
    expect(await code(future)).toBe('not_yet');
    expect((await air(officer, b.id, { day: '19/05/2025' })).status).toBe(400);
    expect((await air(officer, b.id, { day: '2025-05-19', minutes: 0 })).status).toBe(400);
    expect((await air(officer, b.id, { day: '2025-05-19', minutes: 100000 })).status).toBe(400);
    expect((await air(officer, b.id, { day: '2025-05-19', extra: 1 })).status).toBe(400);
    expect((await air(otherOfficer, b.id, { day: '2025-05-19' })).status).toBe(403);
    expect((await air(reviewer, b.id, { day: '2025-05-19' })).status).toBe(403);
    expect((await air(officer, '00000000-0000-7000-8000-000000000000', { day: '2025-05-19' })).status).toBe(404);
    expect((await air(officer, 'nope', { day: '2025-05-19' })).status).toBe(404);
    const bad = [
      input({ schedule: { days: { kind: 'weekly', weekdays: [8], from: '2025-05-01', until: '2025-05-30' }, clusters: ['A'] } }),
      input({ schedule: { days: { kind: 'weekly', weekdays: [1], from: '2025-06-01', until: '2025-05-01' }, clusters: ['A'] } }),
      input({ schedule: { days: { kind: 'weekly', weekdays: [1], from: '2025-01-01', until: '2026-06-01' }, clusters: ['A'] } }),
      input({ schedule: { days: { kind: 'dates', dates: [] }, clusters: ['A'] } }),
      input({ schedule: { days: { kind: 'dates', dates: ['2025-05-19'] }, clusters: [], groups: [] } }),
      input({ schedule: { days: { kind: 'dates', dates: ['2025-05-19'] }, time: '25:00', clusters: ['A'] } }),
      input({ rate: 10 }),
      input({ kind: 'podcast' }),
      input({ title: '' }),
    ];
    for (const body of bad) expect((await sendJson(t, 'POST', '/api/v1/bulletins', officer, body)).status, JSON.stringify(body)).toBe(400);
    const unknownGroup = await sendJson(t, 'POST', '/api/v1/bulletins', officer, input({ schedule: { days: { kind: 'dates', dates: ['2025-05-19'] }, groups: ['to-khong-co'] } }));
    expect(unknownGroup.status).toBe(422);
    const noUnit = await sendJson(t, 'POST', '/api/v1/bulletins', reviewer, input());
    expect(await code(noUnit)).toBe('unit_required');
    expect((await sendJson(t, 'PUT', `/api/v1/bulletins/${b.id}`, otherOfficer, input())).status).toBe(403);
    expect({ bulletins: await t.count('bulletins'), airings: await t.count('bulletin_airings'), activities: (await activities()).length }).toEqual(before);
  });

  it('the office schedules for a unit; a unit officer sees only their unit\'s', async () => {
    const b = await save(reviewer, input({ unitId: 'ttsnc', schedule: { days: { kind: 'dates', dates: ['2025-05-19', '2025-05-30'] }, clusters: ['Cụm loa tổ 3'] } }));
    expect(b.dueDays).toEqual(['2025-05-19']);
    const mine = (await (await t.request('/api/v1/bulletins', { headers: officer.headers })).json()) as { bulletins: Bulletin[] };
    expect(mine.bulletins.map((x) => x.id)).toEqual([b.id]);
    const theirs = (await (await t.request('/api/v1/bulletins', { headers: otherOfficer.headers })).json()) as { bulletins: Bulletin[] };
    expect(theirs.bulletins).toEqual([]);
    const unscheduled = await sendJson(t, 'PUT', `/api/v1/bulletins/${b.id}`, reviewer, input({ unitId: 'ttsnc', schedule: null }));
    expect(((await unscheduled.json()) as Bulletin).dueDays).toEqual([]);
    expect((await air(officer, b.id, { day: '2025-05-19' })).status).toBe(422);
  });
});
