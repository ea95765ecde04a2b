// Story photos against the real app, SQLite and file store: a JPEG with GPS
// uploaded while writing is stored once without its location; a story names
// only photos uploaded for stories (never a unit's evidence), an officer only
// their unit's; a draft's photo is not public, a published one is, in the
// public list and both feeds; bad input is 4xx and stores nothing.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { NewsList, Story } from '../../shared/news/schema.ts';
import { hasLocation, jpegWithGps, PLAIN_JPEG, PLAIN_PDF, sha256 } from '../support/crafted-images.ts';
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

const upload = (who: Member, bytes: Uint8Array, hash = sha256(bytes), path = '/api/v1/story-photos') =>
  t.request(`${path}/${hash}`, { method: 'PUT', headers: { ...who.headers, 'content-type': 'application/octet-stream' }, body: new Uint8Array(bytes) });
const storedNames = () => {
  try {
    return readdirSync(join(t.dir, 'files')).filter((n) => !n.startsWith('.'));
  } catch {
    return [];
  }
};
const story = (photos: unknown[]) => ({ kind: 'typical-model', title: 'Chợ phường không dùng tiền mặt', body: 'Các tiểu thương đã **mở mã QR**.', namesPrivate: false, photos });

describe('story photos', () => {
  it('are stored without GPS, private while the story is a draft, public in the list and feeds once it is published', async () => {
    const camera = jpegWithGps();
    expect(hasLocation(camera)).toBe(true);
    const res = await upload(officer, camera);
    expect(res.status).toBe(201);
    const { sha256: stored } = (await res.json()) as { sha256: string };
    expect(stored).toBe(sha256(PLAIN_JPEG)); // the Exif and XMP segments are gone, the picture is the same
    expect(hasLocation(readFileSync(join(t.dir, 'files', stored)))).toBe(false);
    expect((await upload(officer, camera)).status).toBe(200); // a resend: nothing new
    expect(storedNames()).toEqual([stored]);

    const created = await sendJson(t, 'POST', '/api/v1/stories', officer, story([{ sha256: stored, alt: 'Quầy hàng có mã QR' }]));
    expect(created.status, await created.clone().text()).toBe(201);
    const s = (await created.json()) as Story;
    expect(s.photos).toEqual([{ sha256: stored, alt: 'Quầy hàng có mã QR' }]);

    // A draft's photo: the writers read it, the public does not, nor another unit.
    expect((await t.request(`/api/v1/story-photos/${stored}`, { headers: officer.headers })).status).toBe(200);
    expect((await t.request(`/api/v1/story-photos/${stored}`, { headers: reviewer.headers })).status).toBe(200);
    expect((await t.request(`/api/v1/story-photos/${stored}`, { headers: otherOfficer.headers })).status).toBe(403);
    expect((await t.request(`/api/v1/news/photos/${stored}`)).status).toBe(404);

    for (const [who, action] of [[officer, 'submit'], [reviewer, 'approve'], [reviewer, 'publish']] as const) {
      expect((await sendJson(t, 'POST', `/api/v1/stories/${s.id}/${action}`, who, {})).status).toBe(200);
    }
    const pub = await t.request(`/api/v1/news/photos/${stored}`);
    expect(pub.status).toBe(200);
    expect(pub.headers.get('content-type')).toBe('image/jpeg');
    expect(pub.headers.get('cross-origin-resource-policy')).toBe('cross-origin');
    const served = new Uint8Array(await pub.arrayBuffer());
    expect(sha256(served)).toBe(stored);
    expect(hasLocation(served)).toBe(false);

    const list = (await (await t.request('/api/v1/news')).json()) as NewsList;
    expect(list.items[0].photos).toEqual([{ src: `/api/v1/news/photos/${stored}`, thumb: `/api/v1/news/photos/${stored}`, alt: 'Quầy hàng có mã QR', type: 'image/jpeg', bytes: PLAIN_JPEG.length }]);
    const atom = await (await t.request('/feeds/news.atom')).text();
    expect(atom).toContain(`<link rel="enclosure" type="image/jpeg" length="${PLAIN_JPEG.length}" title="Quầy hàng có mã QR" href="https://hocvuso.example.vn/api/v1/news/photos/${stored}"/>`);
    const json = (await (await t.request('/feeds/news.json')).json()) as { items: Array<{ image?: string }> };
    expect(json.items[0].image).toBe(`https://hocvuso.example.vn/api/v1/news/photos/${stored}`);

    // Unpublished: private again.
    expect((await sendJson(t, 'POST', `/api/v1/stories/${s.id}/unpublish`, reviewer, {})).status).toBe(200);
    expect((await t.request(`/api/v1/news/photos/${stored}`)).status).toBe(404);
  });

  it('a story names only photos uploaded for stories by its unit: never a unit evidence file, never another unit\'s', async () => {
    const evidence = await upload(officer, PLAIN_JPEG, sha256(PLAIN_JPEG), '/api/v1/unit-files');
    expect(evidence.status).toBe(201);
    const refused = await sendJson(t, 'POST', '/api/v1/stories', officer, story([{ sha256: sha256(PLAIN_JPEG), alt: 'Ảnh minh chứng' }]));
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: { code: string } }).error.code).toBe('unknown_photo');

    const other = (await (await upload(otherOfficer, PLAIN_JPEG)).json()) as { sha256: string };
    const theirs = await sendJson(t, 'POST', '/api/v1/stories', officer, story([{ sha256: other.sha256, alt: 'Ảnh của đơn vị khác' }]));
    expect(theirs.status).toBe(422);
    // The office may use any story photo.
    expect((await sendJson(t, 'POST', '/api/v1/stories', reviewer, story([{ sha256: other.sha256, alt: 'Ảnh' }]))).status).toBe(201);
    expect(await t.count('stories')).toBe(1);
  });

  it('refuses bad uploads with 4xx JSON and stores nothing', async () => {
    const pdf = await upload(officer, PLAIN_PDF);
    expect(pdf.status).toBe(415);
    expect(await t.count('story_files')).toBe(0);
    const text = await upload(officer, new TextEncoder().encode('không phải ảnh'));
    expect(text.status).toBe(415);
    const wrongHash = await upload(officer, PLAIN_JPEG, 'a'.repeat(64));
    expect(wrongHash.status).toBe(400);
    expect(((await wrongHash.json()) as { error: { code: string } }).error.code).toBe('hash_mismatch');
    expect((await upload(officer, PLAIN_JPEG, 'not-a-hash')).status).toBe(400);
    expect((await t.request(`/api/v1/news/photos/${'z'.repeat(64)}`)).status).toBe(404);
    const big = await upload(officer, new Uint8Array(8 * 1024 * 1024 + 1), 'b'.repeat(64));
    expect(big.status).toBe(413);
    expect(await t.count('story_files')).toBe(0);
    expect(storedNames()).toEqual([]);
    const badPhoto = await sendJson(t, 'POST', '/api/v1/stories', officer, story([{ sha256: 'x', alt: '' }]));
    expect(badPhoto.status).toBe(400);
  });
});
