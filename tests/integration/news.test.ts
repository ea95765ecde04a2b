// Ward news against the real app and SQLite: staff write, VH-XH approves and
// publishes; only published items reach the public list, the feeds and the
// snippet; the consent rule; who may do what on whose story; bad input 4xx
// that writes nothing; the feeds over real HTTP with their validators.
import { sql } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewsList, Story } from '../../shared/news/schema.ts';
import { childNamed, childrenNamed, parseXml } from '../support/xml-tree.ts';
import { PLAIN_JPEG, sha256 } from '../support/crafted-images.ts';
import type { TestApp } from './helpers.ts';
import { newsDesk, sendJson, type Member } from './unit-support.ts';

let t: TestApp;
let reviewer: Member;
let officer: Member;
let otherOfficer: Member;
beforeEach(async () => {
  ({ t, reviewer, officer, otherOfficer } = await newsDesk());
});
afterEach(() => t.close());

const story = (overrides: Record<string, unknown> = {}) => ({
  kind: 'typical-model',
  title: 'Tổ dân phố 3: mọi hộ đã cài VNeID',
  summary: 'Tổ đã đến từng nhà hướng dẫn.',
  body: 'Tổ trưởng và **Tổ công nghệ số cộng đồng** đã đi từng nhà.\n\n- Buổi tối\n- Cuối tuần\n\n<script>alert(1)</script>',
  namesPrivate: false,
  ...overrides,
});

async function write(who: Member, body = story()): Promise<Story> {
  const res = await sendJson(t, 'POST', '/api/v1/stories', who, body);
  expect(res.status, await res.clone().text()).toBe(201);
  return (await res.json()) as Story;
}
const act = (who: Member, id: string, action: string) => sendJson(t, 'POST', `/api/v1/stories/${id}/${action}`, who, {});
const publicList = async () => (await (await t.request('/api/v1/news')).json()) as NewsList;

async function publish(s: Story) {
  for (const [who, action] of [[officer, 'submit'], [reviewer, 'approve'], [reviewer, 'publish']] as const) {
    const res = await act(who, s.id, action);
    expect(res.status, `${action}: ${await res.clone().text()}`).toBe(200);
  }
}

describe('stories', () => {
  it('go draft → submitted → approved → published, rendered to safe HTML, and only then reach residents', async () => {
    const s = await write(officer);
    expect(s.status).toBe('draft');
    expect(s.unitId).toBe('ttsnc');
    expect(s.html).toContain('<strong>Tổ công nghệ số cộng đồng</strong>');
    expect(s.html).toContain('&lt;script&gt;');
    expect(s.html).not.toContain('<script>');
    for (const [who, action, status] of [[officer, 'submit', 'submitted'], [reviewer, 'approve', 'approved']] as const) {
      expect((await publicList()).items).toEqual([]);
      const res = await act(who, s.id, action);
      expect(((await res.json()) as Story).status).toBe(status);
    }
    expect((await publicList()).items).toEqual([]);
    const res = await act(reviewer, s.id, 'publish');
    expect(res.status).toBe(200);
    const list = await publicList();
    expect(list.items.map((i) => i.title)).toEqual([s.title]);
    expect(list.items[0]).toMatchObject({ unitName: expect.stringContaining('Trung tâm sự nghiệp công'), path: `/tin/${s.id}` });
    // The public item names the unit, never the staff member.
    expect(JSON.stringify(list)).not.toContain('ttsnc1');
    expect(JSON.stringify(list)).not.toContain(officer.id);
    expect((await t.request(`/api/v1/news/${s.id}`)).status).toBe(200);
    // A repeated tap changes nothing and is not an error; the audit has one entry per change.
    expect((await act(reviewer, s.id, 'publish')).status).toBe(200);
    const actions = await t.engine.all(sql`SELECT action FROM audit_log WHERE target_type = 'story' ORDER BY id`) as Array<{ action: string }>;
    expect(actions.map((a) => a.action)).toEqual(['story.created', 'story.submitted', 'story.approved', 'story.published']);
    // Unpublished: gone from residents and feeds.
    expect((await act(reviewer, s.id, 'unpublish')).status).toBe(200);
    expect((await publicList()).items).toEqual([]);
    expect((await t.request(`/api/v1/news/${s.id}`)).status).toBe(404);
  });

  it('refuse steps out of order and a draft on the public item route', async () => {
    const s = await write(officer);
    const res = await act(reviewer, s.id, 'publish');
    expect(res.status).toBe(409);
    expect((await res.json()).error.code).toBe('wrong_status');
    expect((await t.request(`/api/v1/news/${s.id}`)).status).toBe(404);
    const row = await t.engine.get(sql`SELECT status FROM stories WHERE id = ${s.id}`) as { status: string };
    expect(row.status).toBe('draft');
  });

  it('need consent when they name a private person or business, on create and on edit', async () => {
    const before = await t.count('stories');
    const res = await sendJson(t, 'POST', '/api/v1/stories', officer, story({ namesPrivate: true }));
    expect(res.status).toBe(422);
    expect((await res.json()).error.code).toBe('consent_required');
    expect(await t.count('stories')).toBe(before);
    const s = await write(officer, story({ namesPrivate: true, consent: true, title: 'Chợ Hòa Bình không dùng tiền mặt' }));
    expect(s.consent).toBe(true);
    const edit = await sendJson(t, 'PUT', `/api/v1/stories/${s.id}`, officer, story({ namesPrivate: true, consent: false }));
    expect(edit.status).toBe(422);
    const row = await t.engine.get(sql`SELECT consent_by, title FROM stories WHERE id = ${s.id}`) as { consent_by: string; title: string };
    expect(row).toEqual({ consent_by: officer.id, title: 'Chợ Hòa Bình không dùng tiền mặt' });
  });

  it('refuse bad input with 4xx and write nothing', async () => {
    const before = await t.count('stories');
    const bad = [
      story({ kind: 'gossip' }),
      story({ title: '' }),
      story({ title: 'x'.repeat(151) }),
      story({ body: 'x'.repeat(20_001) }),
      story({ namesPrivate: 'yes' }),
      story({ photos: [{ sha256: 'abc', alt: 'Chợ' }] }),
      story({ photos: [{ sha256: 'a'.repeat(64), alt: '' }] }),
      story({ extra: 1 }),
    ];
    for (const body of bad) expect((await sendJson(t, 'POST', '/api/v1/stories', officer, body)).status, JSON.stringify(body).slice(0, 80)).toBe(400);
    for (const body of [story({ body: '[bấm](javascript:alert(1))' }), story({ body: '![ảnh](https://x.example/a.jpg)' })]) {
      const res = await sendJson(t, 'POST', '/api/v1/stories', officer, body);
      expect(res.status).toBe(422);
      expect((await res.json()).error.code).toBe('invalid_markdown');
    }
    const unknownUnit = await sendJson(t, 'POST', '/api/v1/stories', reviewer, story({ unitId: 'no-such-unit' }));
    expect(unknownUnit.status).toBe(422);
    expect((await sendJson(t, 'GET', '/api/v1/stories/not-an-id', officer, undefined)).status).toBe(404);
    expect((await t.request('/api/v1/stories?status=lost', { headers: officer.headers })).status).toBe(400);
    expect(await t.count('stories')).toBe(before);
  });

  it('keep a photo list of content hashes and alt text (photos uploaded first: tests/integration/story-photos.test.ts)', async () => {
    const up = await t.request(`/api/v1/story-photos/${sha256(PLAIN_JPEG)}`, { method: 'PUT', headers: { ...reviewer.headers, 'content-type': 'application/octet-stream' }, body: new Uint8Array(PLAIN_JPEG) });
    expect(up.status).toBe(201);
    const photos = [{ sha256: sha256(PLAIN_JPEG), alt: 'Quầy hàng có mã QR thanh toán' }];
    const s = await write(reviewer, story({ photos, unitId: 'vh-xh', kind: 'announcement' }));
    expect(s.photos).toEqual(photos);
    expect(s.unitId).toBe('vh-xh');
  });

  it('belong to their unit: another unit officer neither reads, edits nor submits them; an officer cannot approve', async () => {
    const s = await write(officer);
    expect((await t.request(`/api/v1/stories/${s.id}`, { headers: otherOfficer.headers })).status).toBe(403);
    expect((await sendJson(t, 'PUT', `/api/v1/stories/${s.id}`, otherOfficer, story())).status).toBe(403);
    expect((await act(otherOfficer, s.id, 'submit')).status).toBe(403);
    expect((await act(officer, s.id, 'submit')).status).toBe(200);
    expect((await act(officer, s.id, 'approve')).status).toBe(403);
    const others = (await (await t.request('/api/v1/stories', { headers: otherOfficer.headers })).json()) as { stories: Story[] };
    expect(others.stories).toEqual([]);
    const office = (await (await t.request('/api/v1/stories?status=submitted', { headers: reviewer.headers })).json()) as { stories: Story[] };
    expect(office.stories.map((x) => x.id)).toEqual([s.id]);
    // A unit officer's story is always their own unit's, whatever the body says.
    const claimed = await write(officer, story({ unitId: 'vh-xh' }));
    expect(claimed.unitId).toBe('ttsnc');
  });

  it('go back to approval when an approved story is edited; a published one cannot be edited', async () => {
    const s = await write(officer);
    await publish(s);
    expect((await sendJson(t, 'PUT', `/api/v1/stories/${s.id}`, reviewer, story({ title: 'Sửa' }))).status).toBe(409);
    await act(reviewer, s.id, 'unpublish');
    const edited = (await (await sendJson(t, 'PUT', `/api/v1/stories/${s.id}`, reviewer, story({ title: 'Sửa' }))).json()) as Story;
    expect(edited.status).toBe('submitted');
    expect(edited.approvedByName).toBeNull();
  });
});

describe('feeds over HTTP', () => {
  let base = '';
  let close = () => {};
  beforeEach(async () => {
    await new Promise<void>((resolve) => {
      const server = serve({ fetch: t.app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        base = `http://127.0.0.1:${info.port}`;
        resolve();
      });
      close = () => server.close();
    });
  });
  afterEach(() => close());

  it('carry published items only, as valid Atom 1.0 and JSON Feed 1.1, with validators', async () => {
    const published = await write(officer, story({ title: 'Chợ <Hòa Bình> & "4.0"', summary: 'Bán hàng không dùng tiền mặt' }));
    await publish(published);
    const draft = await write(officer, story({ title: 'Bản nháp chưa duyệt' }));
    const submitted = await write(officer, story({ title: 'Tin chờ duyệt' }));
    await act(officer, submitted.id, 'submit');

    const atomRes = await fetch(`${base}/feeds/news.atom`);
    expect(atomRes.status).toBe(200);
    expect(atomRes.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const atomText = await atomRes.text();
    const feed = parseXml(atomText);
    expect(feed.name).toBe('feed');
    expect(feed.uri).toBe('http://www.w3.org/2005/Atom');
    for (const required of ['id', 'title', 'updated', 'author']) expect(childNamed(feed, required), required).toBeDefined();
    expect(childrenNamed(feed, 'link').find((l) => l.attributes.rel === 'self')?.attributes.href).toBe('https://hocvuso.example.vn/feeds/news.atom');
    const entries = childrenNamed(feed, 'entry');
    expect(entries).toHaveLength(1);
    for (const required of ['id', 'title', 'updated', 'link', 'content']) expect(childNamed(entries[0], required), required).toBeDefined();
    expect(childNamed(entries[0], 'title').text).toBe('Chợ <Hòa Bình> & "4.0"');
    expect(childNamed(entries[0], 'link').attributes.href).toBe(`https://hocvuso.example.vn/tin/${published.id}`);
    expect(childNamed(entries[0], 'content').text).toContain('<strong>');
    expect(Number.isNaN(Date.parse(childNamed(feed, 'updated').text))).toBe(false);
    expect(atomText).not.toContain(draft.title);
    expect(atomText).not.toContain(submitted.title);

    const jsonRes = await fetch(`${base}/feeds/news.json`);
    expect(jsonRes.headers.get('content-type')).toBe('application/feed+json; charset=utf-8');
    const json = await jsonRes.json();
    expect(json.version).toBe('https://jsonfeed.org/version/1.1');
    expect(json.title).toEqual(expect.any(String));
    expect(json.feed_url).toBe('https://hocvuso.example.vn/feeds/news.json');
    expect(json.items).toHaveLength(1);
    expect(json.items[0]).toMatchObject({ id: published.id, url: `https://hocvuso.example.vn/tin/${published.id}`, title: published.title, content_html: expect.stringContaining('<strong>') });
    expect(Number.isNaN(Date.parse(json.items[0].date_published))).toBe(false);

    // Conditional requests: the same copy is 304, a change is a new ETag.
    const etag = atomRes.headers.get('etag')!;
    const lastModified = atomRes.headers.get('last-modified')!;
    expect(etag).toMatch(/^"[\w-]+"$/);
    expect((await fetch(`${base}/feeds/news.atom`, { headers: { 'if-none-match': etag } })).status).toBe(304);
    expect((await fetch(`${base}/feeds/news.atom`, { headers: { 'if-modified-since': lastModified } })).status).toBe(304);
    t.clock.now += 60_000;
    await act(reviewer, published.id, 'unpublish');
    const after = await fetch(`${base}/feeds/news.atom`, { headers: { 'if-none-match': etag } });
    expect(after.status).toBe(200);
    expect(after.headers.get('etag')).not.toBe(etag);
    expect(childrenNamed(parseXml(await after.text()), 'entry')).toHaveLength(0);
  });

  it('give the portal an HTML snippet with no script, escaped, that any page may frame', async () => {
    const s = await write(officer, story({ title: '<img src=x onerror=alert(1)> Tin', summary: '"><script>alert(1)</script>' }));
    await publish(s);
    const res = await fetch(`${base}/feeds/news.html?limit=3`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(res.headers.get('content-security-policy')).toContain('frame-ancestors *');
    expect(res.headers.get('x-frame-options')).toBeNull();
    const html = await res.text();
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('<img');
    expect(html).toContain('&#60;img src=x onerror=alert(1)&#62; Tin');
    expect(html).toContain(`https://hocvuso.example.vn/tin/${s.id}`);
    expect((await fetch(`${base}/feeds/news.html?limit=abc`)).status).toBe(200);
    // The app's own pages still refuse to be framed.
    expect((await fetch(`${base}/api/v1/news`)).headers.get('x-frame-options')).toBe('DENY');
  });
});
