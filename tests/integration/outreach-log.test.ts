// The studio's one tap into the outreach log, against the real app and
// SQLite: a card posted on Zalo, an LED screen's slide loop with its
// screen-hours and posters printed with their copies each become one activity
// of the unit's log, with the item's link, however many taps and officers;
// bad input is 4xx JSON and writes nothing.
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { OutreachLogged } from '../../shared/outreach/outreach-log.ts';
import { setupTestApp, type TestApp } from './helpers.ts';
import { sendJson, staffMember, type Member } from './unit-support.ts';

let t: TestApp;
let officer: Member;
let officer2: Member;
let reviewer: Member;
let admin: Member;
beforeEach(async () => {
  // 20 May 2025, 10:00 in Vietnam.
  t = setupTestApp({ now: Date.parse('2025-05-20T03:00:00Z') });
  officer = await staffMember(t, 'lan', 'unit', 'ttsnc');
  officer2 = await staffMember(t, 'hung', 'unit', 'ttsnc');
  reviewer = await staffMember(t, 'vhxh', 'reviewer');
  admin = await staffMember(t, 'quantri', 'admin');
});
afterEach(() => t.close());

const log = (who: Member, body: unknown) => sendJson(t, 'POST', '/api/v1/outreach-log', who, body);
const activities = async () =>
  (await t.engine.all(sql`SELECT id, unit_id, form_code, sub_form_id, starts_on, ends_on, title, details, reach_views, reach_copies, reach_screen_hours FROM unit_activities ORDER BY starts_on, form_code, sub_form_id`)) as Array<Record<string, string | number | null>>;

const card = { channel: 'card', subFormId: 'zalo-post', source: 'lesson:vneid/01-cai-dat', title: 'Cài VNeID trên điện thoại', link: 'https://hocvuso.example.vn/courses/vneid/lessons/01-cai-dat', startsOn: '2025-05-19' };
const screen = { channel: 'screen', source: 'display:cong-phuong', title: 'Màn hình LED cổng phường', link: 'https://hocvuso.example.vn/display/cong-phuong', startsOn: '2025-05-12', endsOn: '2025-05-18', screenHours: 84 };
const poster = { channel: 'poster', source: 'poster:app', title: 'Cả phường cùng học kỹ năng số', link: 'https://hocvuso.example.vn/', startsOn: '2025-05-20', copies: 40 };

describe('logging what the studio published', () => {
  it('logs a card posted, a screen loop and posters printed as one activity each, with the link and the count', async () => {
    for (const body of [card, screen, poster]) {
      const res = await log(officer, body);
      expect(res.status, await res.clone().text()).toBe(201);
      expect(((await res.json()) as OutreachLogged).created).toBe(true);
    }
    const [shown, posted, printed] = await activities();
    expect(posted).toMatchObject({ unit_id: 'ttsnc', form_code: '2.1', sub_form_id: 'zalo-post', starts_on: '2025-05-19', title: card.title, reach_views: null });
    expect(JSON.parse(posted.details as string)).toMatchObject({ links: [card.link], place: 'Bài đăng Zalo' });
    expect(shown).toMatchObject({ form_code: '2.3', sub_form_id: 'led-slot', starts_on: '2025-05-12', ends_on: '2025-05-18', reach_screen_hours: 84 });
    expect(JSON.parse(shown.details as string)).toMatchObject({ links: [screen.link] });
    expect(printed).toMatchObject({ form_code: '2.3', sub_form_id: 'poster', starts_on: '2025-05-20', reach_copies: 40 });
    expect(JSON.parse(printed.details as string)).toMatchObject({ links: [poster.link] });
    expect(await t.engine.get(sql`SELECT count(*) AS n FROM audit_log WHERE action = 'outreach.logged'`)).toEqual({ n: 3 });
  });

  it('a second tap, a concurrent one or another officer of the unit logs nothing new', async () => {
    const taps = await Promise.all([log(officer, poster), log(officer, poster), log(officer2, { ...poster, copies: 50 })]);
    expect(taps.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    const ids = new Set(await Promise.all(taps.map(async (r) => ((await r.json()) as OutreachLogged).activityId)));
    expect(ids.size).toBe(1);
    expect(await activities()).toHaveLength(1);
    expect((await activities())[0].reach_copies).not.toBe(null);
    // The same card on Facebook, with the post's own address, is another activity; so is another day.
    const facebook = await log(officer, { ...card, subFormId: 'facebook-post', postLink: 'https://www.facebook.com/phuong/posts/123', views: 900 });
    expect(facebook.status).toBe(201);
    expect((await log(officer, { ...card, startsOn: '2025-05-20' })).status).toBe(201);
    const fb = (await activities()).find((a) => a.sub_form_id === 'facebook-post')!;
    expect(fb.reach_views).toBe(900);
    expect(JSON.parse(fb.details as string).links).toEqual([card.link, 'https://www.facebook.com/phuong/posts/123']);
  });

  it('takes the content item the studio names when the plan has it, else the plan\'s first', async () => {
    await log(officer, { ...card, source: 'story:a', contentItem: '1.3' });
    await log(officer, { ...card, source: 'story:b', contentItem: '9.9' });
    const items = await t.engine.all(sql`SELECT item_code FROM unit_activity_items ORDER BY item_code`) as Array<{ item_code: string }>;
    expect(items.map((i) => i.item_code)).toEqual(['1.1', '1.3']);
  });

  it('refuses bad input and anyone but a unit officer with 4xx JSON, writing nothing', async () => {
    const code = async (res: Response) => ((await res.json()) as { error: { code: string } }).error.code;
    const bad = [
      { ...card, subFormId: 'radio-news' },
      { ...card, link: 'javascript:alert(1)' },
      { ...card, link: 'https://x.vn/a b' },
      { ...card, title: '' },
      { ...card, channel: 'billboard' },
      { ...card, extra: 1 },
      { ...screen, screenHours: 0 },
      { ...screen, screenHours: undefined },
      { ...screen, endsOn: '2025-05-01' },
      { ...poster, copies: -1 },
      { ...poster, copies: 1.5 },
      { ...poster, startsOn: '20/05/2025' },
    ];
    for (const body of bad) {
      const res = await log(officer, body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(await code(res)).toBeTruthy();
    }
    const future = await log(officer, { ...poster, startsOn: '2025-05-21' });
    expect(future.status).toBe(422);
    expect(await code(future)).toBe('not_yet');
    expect((await log(reviewer, poster)).status).toBe(403);
    expect((await log(admin, poster)).status).toBe(403);
    const anon = await t.request('/api/v1/outreach-log', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(poster) });
    expect(anon.status).toBe(401);
    expect(await activities()).toHaveLength(0);
    expect(await t.engine.get(sql`SELECT count(*) AS n FROM audit_log WHERE action = 'outreach.logged'`)).toEqual({ n: 0 });
  });

  it('says when no plan has a form for the channel', async () => {
    await t.engine.run(sql`DELETE FROM plans`);
    const res = await log(officer, screen);
    expect(res.status).toBe(422);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('no_plan_form');
    expect(await activities()).toHaveLength(0);
  });
});
