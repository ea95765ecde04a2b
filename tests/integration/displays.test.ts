// The ward's LED screens: the office edits a screen's playlist; the screen
// fetches its feed with no login, and only public aggregates leave (no
// session code, "<5" for small groups); each fetch is a heartbeat the office
// sees; bad input is a 400 that changes nothing.
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { displayFeedSchema, displayListSchema, displaySchema } from '../../shared/displays/schema.ts';
import { createGuide, guideSyncResults, sessionCreated } from './guide-support.ts';
import { createStaff, login, ORIGIN, setupTestApp, type TestApp } from './helpers.ts';
import { NOW, seedFixture } from './dashboard-support.ts';
import { CATALOG } from './resident-support.ts';
import { sendJson, staffMember } from './unit-support.ts';
import { PLAIN_JPEG, sha256 } from '../support/crafted-images.ts';

let t: TestApp;
let office: Record<string, string>;
beforeEach(async () => {
  t = setupTestApp();
  await createStaff(t, 'lan', 'reviewer');
  office = { cookie: await login(t, 'lan', 'correct horse battery'), origin: ORIGIN, 'content-type': 'application/json' };
});
afterEach(() => t.close());

const SLIDES = [
  { kind: 'slogan', seconds: 10, text: 'Cả phường cùng học kỹ năng số' },
  { kind: 'qr', seconds: 10 },
  { kind: 'coverage', seconds: 15 },
  { kind: 'sessions', seconds: 15 },
];
const put = (id: string, body: unknown) => t.request(`/api/v1/displays/${id}`, { method: 'PUT', headers: office, body: JSON.stringify(body) });
const list = async () => displayListSchema.parse(await (await t.request('/api/v1/displays', { headers: office })).json()).displays;

describe('LED screens', () => {
  it('a story slide carries the latest published story with its photo, or the chosen one while published: never a draft, never the author', async () => {
    const officer = await staffMember(t, 'thao', 'unit', 'ttsnc');
    const reviewer = await staffMember(t, 'minh', 'reviewer');
    const up = await t.request(`/api/v1/story-photos/${sha256(PLAIN_JPEG)}`, { method: 'PUT', headers: { ...officer.headers, 'content-type': 'application/octet-stream' }, body: new Uint8Array(PLAIN_JPEG) });
    const photo = ((await up.json()) as { sha256: string }).sha256;
    const write = async (title: string, photos: unknown[] = []) => {
      const res = await sendJson(t, 'POST', '/api/v1/stories', officer, { kind: 'typical-model', title, body: 'Nội dung', namesPrivate: false, photos });
      return ((await res.json()) as { id: string }).id;
    };
    const publish = async (id: string) => {
      for (const [who, step] of [[officer, 'submit'], [reviewer, 'approve'], [reviewer, 'publish']] as const) expect((await sendJson(t, 'POST', `/api/v1/stories/${id}/${step}`, who, {})).status).toBe(200);
    };
    const older = await write('Tổ 3 đủ hộ có người thành thạo kỹ năng số');
    await publish(older);
    t.clock.now += 60_000;
    const newest = await write('Chợ Hòa Bình không dùng tiền mặt', [{ sha256: photo, alt: 'Quầy rau có mã QR' }]);
    await publish(newest);
    const draft = await write('Bản nháp chưa duyệt');
    const feedOf = async (slides: unknown[]) => {
      expect((await put('nha-van-hoa', { name: 'Nhà văn hóa', slides })).status).toBe(200);
      const raw = await (await t.request('/api/v1/displays/nha-van-hoa/feed')).text();
      expect(raw).not.toContain('thao');
      return displayFeedSchema.parse(JSON.parse(raw));
    };
    const latest = await feedOf([{ kind: 'story', seconds: 20 }]);
    expect(latest.stories).toEqual([
      { id: newest, kind: 'typical-model', title: 'Chợ Hòa Bình không dùng tiền mặt', summary: '', unitName: 'Trung tâm sự nghiệp công', publishedAt: expect.any(String), photo: { src: `/api/v1/news/photos/${photo}`, alt: 'Quầy rau có mã QR' } },
    ]);
    expect((await t.request(latest.stories[0].photo!.src)).status).toBe(200);
    const chosen = await feedOf([{ kind: 'story', seconds: 20, storyId: older }, { kind: 'story', seconds: 20, storyId: draft }]);
    expect(chosen.stories.map((s) => s.id)).toEqual([newest, older]);
    expect((await feedOf([{ kind: 'qr', seconds: 10 }])).stories).toEqual([]);
    expect((await put('nha-van-hoa', { name: 'Nhà văn hóa', slides: [{ kind: 'story', seconds: 20, storyId: 'not-a-uuid' }] })).status).toBe(400);
  });

  it('a screen fetches its playlist and public figures with no login, and the office sees it live', async () => {
    expect((await put('cong-ubnd', { name: 'Cổng UBND phường', slides: SLIDES })).status).toBe(200);
    expect((await list())[0]).toMatchObject({ id: 'cong-ubnd', lastSeenAt: null });

    const guide = await createGuide(t, 'hoa', ['tdp-1']);
    await guideSyncResults(t, guide, [
      // Today (the test clock is 1 June 2025, 10:00 in Vietnam), in a week's time, and long past.
      sessionCreated(guide, { code: 'ACDE3467', title: 'Cài VNeID mức 2', place: 'Nhà văn hóa tổ 1', startsAt: '2025-06-01T08:30:00+07:00' }),
      sessionCreated(guide, { code: 'FGHJ4679', title: 'Mua sắm an toàn', place: 'Nhà văn hóa tổ 1', startsAt: '2025-06-05T19:00:00+07:00' }),
      sessionCreated(guide, { code: 'KMNP6797', title: 'Buổi đã qua', startsAt: '2025-05-01T08:00:00+07:00' }),
      sessionCreated(guide, { code: 'QRTV7934', title: 'Tháng sau', startsAt: '2025-06-20T08:00:00+07:00' }),
    ]);

    const res = await t.request('/api/v1/displays/cong-ubnd/feed');
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const raw = await res.text();
    const feed = displayFeedSchema.parse(JSON.parse(raw));
    expect(feed.screen.slides).toEqual(SLIDES);
    expect(feed.appUrl).toBe(`${ORIGIN}/`);
    expect(feed.sessions.map((s) => s.title)).toEqual(['Cài VNeID mức 2', 'Mua sắm an toàn']);
    // A check-in code on a public screen would let anyone collect attendance without attending.
    expect(raw).not.toContain('ACDE3467');
    expect(raw).not.toContain('hoa');
    expect(feed.coverage.groups.length).toBeGreaterThan(0);

    const [seen] = await list();
    expect(seen.lastSeenAt).toBe(new Date(t.clock.now).toISOString());
  });

  it('shows the dashboard\'s own figures, and a small group as "<5", never its exact count', async () => {
    const w = setupTestApp({ now: NOW, catalog: CATALOG });
    try {
      await seedFixture(w);
      await createStaff(w, 'office', 'reviewer');
      const headers = { cookie: await login(w, 'office', 'correct horse battery'), origin: ORIGIN, 'content-type': 'application/json' };
      await w.request('/api/v1/displays/cho', { method: 'PUT', headers, body: JSON.stringify({ name: 'Chợ', slides: [{ kind: 'coverage', seconds: 12 }] }) });
      const feed = displayFeedSchema.parse(await (await w.request('/api/v1/displays/cho/feed')).json());
      const { headline } = await (await w.request('/api/v1/stats/headline', { headers })).json();
      expect(feed.coverage.learners).toBe(headline.learners);
      // tdp-2: one person, so "<5"; tdp-1 (6 people) is hidden on the dashboard so that
      // the ward's total cannot give tdp-2's count away, and a public screen leaves it off.
      const dashboard = await (await w.request('/api/v1/stats/dashboard', { headers })).json();
      const hidden = dashboard.coverage.filter((r: { completed: unknown }) => r.completed === '*').map((r: { name: string }) => r.name);
      expect(hidden.length).toBeGreaterThan(0);
      expect(feed.coverage.groups.some((g) => hidden.includes(g.name))).toBe(false);
      expect(feed.coverage.groups[0].completedShare).toBe('<5');
    } finally {
      await w.close();
    }
  });

  it('refuses bad input with a 400 and writes nothing; an unknown screen is a 404', async () => {
    await put('cong-ubnd', { name: 'Cổng UBND phường', slides: SLIDES });
    const before = await list();
    const bad: Array<[string, unknown]> = [
      ['cong-ubnd', { name: 'x', slides: [{ kind: 'slogan', seconds: 10 }] }],
      ['cong-ubnd', { name: 'x', slides: [{ kind: 'qr', seconds: 2 }] }],
      ['cong-ubnd', { name: 'x', slides: [] }],
      ['cong-ubnd', { name: 'x', slides: Array(21).fill({ kind: 'qr', seconds: 10 }) }],
      ['cong-ubnd', { name: '', slides: SLIDES }],
      ['cong-ubnd', { name: 'x', slides: [{ kind: 'video', seconds: 10 }] }],
      ['Cong UBND', { name: 'x', slides: SLIDES }],
    ];
    for (const [id, body] of bad) {
      const res = await put(id, body);
      expect(res.status, JSON.stringify(body).slice(0, 60)).toBe(400);
      expect((await res.json()).error.code).toBeTypeOf('string');
    }
    expect(await list()).toEqual(before);
    const missing = await t.request('/api/v1/displays/khong-co/feed');
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');
    expect((await t.request('/api/v1/displays/..%2Fx/feed')).status).toBe(404);
  });

  it('keeps who changed a screen in the audit log', async () => {
    await put('cong-ubnd', { name: 'Cổng UBND phường', slides: SLIDES });
    displaySchema.parse(await (await put('cong-ubnd', { name: 'Cổng UBND', slides: SLIDES.slice(0, 2) })).json());
    expect((await t.request('/api/v1/displays/cong-ubnd', { method: 'DELETE', headers: office })).status).toBe(200);
    const audit = await t.engine.all(sql`SELECT action, actor_username AS actor, target_id AS id FROM audit_log WHERE action LIKE 'display.%' ORDER BY id`);
    expect(audit).toEqual([
      { action: 'display.saved', actor: 'lan', id: 'cong-ubnd' },
      { action: 'display.saved', actor: 'lan', id: 'cong-ubnd' },
      { action: 'display.deleted', actor: 'lan', id: 'cong-ubnd' },
    ]);
    expect(await list()).toEqual([]);
  });
});
