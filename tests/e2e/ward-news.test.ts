// Ward news end to end, in real Chromium against the real server: a unit
// officer writes an item at office width (Markdown beside its preview) and
// sends it; VH-XH approves and publishes it on a 360 px phone, puts it on
// the office's LED screen and draws it as a card in the studio; a resident
// reads it in "Tin phường", and again offline after a reload, with the saved
// copy's age and its photo (uploaded with GPS in it, stored without); it is
// in the Atom and JSON feeds (the photo as an enclosure and image) and the
// portal snippet; and
// the officer's phone logs it in the unit's outreach log in one tap, offline,
// sent once.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, PHONE } from '../support/browser.ts';
import { dbRows, useServerAndBrowser } from '../support/e2e-env.ts';
import { childNamed, childrenNamed, parseXml } from '../support/xml-tree.ts';
import { waitOfflineReady } from '../support/offline-ready.ts';
import { adminCookie, createStaff } from '../support/staff-api.ts';
import { hasLocation, jpegWithGps } from '../support/crafted-images.ts';
import { setPhoneOffline } from '../support/network.ts';

const e2e = useServerAndBrowser();
const DESKTOP = { viewport: { width: 1280, height: 900 }, locale: 'vi-VN' };
const TITLE = 'Chợ Hòa Bình: bán hàng không dùng tiền mặt';

async function deskLogin(page: Page, username: string, password: string) {
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByTestId('news-login').click();
}

describe.skipIf(!hasChromium)('ward news', () => {
  it('is written, approved, published, shown on an LED screen and as a card, read offline on a phone, in the feeds, and logged as outreach once', async () => {
    const url = e2e.server.url;
    const admin = await adminCookie(e2e.server);
    const officerPassword = await createStaff(e2e.server, admin, { username: 'thao', displayName: 'Chị Thảo', role: 'unit', unitId: 'ttsnc' });
    const reviewerPassword = await createStaff(e2e.server, admin, { username: 'vhxh', displayName: 'Anh Minh', role: 'reviewer' });

    // ── The officer writes at office width.
    const office = await e2e.browser.newContext(DESKTOP);
    const desk = await office.newPage();
    await desk.goto(`${url}/admin/news`);
    await deskLogin(desk, 'thao', officerPassword);
    await desk.getByTestId('news-new').click();
    const editor = desk.getByTestId('news-editor');
    await editor.getByLabel('Loại tin').selectOption('typical-model');
    await editor.getByLabel('Tiêu đề').fill(TITLE);
    await editor.getByLabel('Tóm tắt (một hai câu)').fill('Tiểu thương chợ Hòa Bình nhận tiền qua mã QR.');
    await editor.getByLabel('Nội dung').fill('Các quầy đều có **mã QR**.\n\n- Không cần tiền lẻ\n- Có sao kê');
    await expect.poll(() => desk.getByTestId('news-preview').locator('strong').textContent()).toBe('mã QR');
    // A photo from a camera that writes GPS: redrawn, uploaded, shown in the preview.
    await editor.getByTestId('news-photo-input').setInputFiles({ name: 'cho.jpg', mimeType: 'image/jpeg', buffer: jpegWithGps() });
    await expect.poll(() => desk.getByTestId('news-preview-photo').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 15_000 }).toBeGreaterThan(0);
    await editor.getByTestId('news-photo-alt').fill('Quầy rau có mã QR');
    // Editor and preview side by side.
    const [fields, preview] = await Promise.all([editor.locator('.news-editor-fields').boundingBox(), desk.getByTestId('news-preview').boundingBox()]);
    expect(preview!.x).toBeGreaterThan(fields!.x + fields!.width - 1);
    await editor.getByLabel('Tin có nêu tên một người dân, hộ kinh doanh hoặc doanh nghiệp').check();
    await desk.getByTestId('news-save').click();
    await expect.poll(() => desk.getByTestId('news-editor-problem').textContent()).toContain('đã đồng ý');
    await editor.getByLabel('Người, hộ hoặc doanh nghiệp được nêu tên đã đồng ý cho đăng').check();
    await desk.getByTestId('news-save').click();
    await expect.poll(() => desk.getByTestId('news-desk-item').getAttribute('data-status')).toBe('draft');
    await desk.getByTestId('news-step-submit').click();
    await expect.poll(() => desk.getByTestId('news-desk-item').getAttribute('data-status')).toBe('submitted');
    const [{ id }] = await dbRows<{ id: string }>(e2e.server, 'SELECT id FROM stories');
    // Not yet public anywhere, the photo neither; its stored bytes carry no location.
    expect(((await (await fetch(`${url}/api/v1/news`)).json()) as { items: unknown[] }).items).toEqual([]);
    const photoRows = await dbRows<{ sha256: string }>(e2e.server, 'SELECT sha256 FROM story_files');
    // The photo and its thumbnail: one file here, as a 16 px picture is its own thumbnail.
    expect(photoRows.length).toBeGreaterThan(0);
    const stored = readdirSync(join(e2e.server.dataDir, 'files'));
    expect(stored.sort()).toEqual(photoRows.map((r) => r.sha256).sort());
    for (const name of stored) expect(hasLocation(readFileSync(join(e2e.server.dataDir, 'files', name)))).toBe(false);
    for (const { sha256 } of photoRows) expect((await fetch(`${url}/api/v1/news/photos/${sha256}`)).status).toBe(404);
    expect(await (await fetch(`${url}/feeds/news.atom`)).text()).not.toContain(TITLE);

    // ── VH-XH approves and publishes from a phone.
    const reviewerCtx = await e2e.browser.newContext(PHONE);
    const reviewer = await reviewerCtx.newPage();
    await reviewer.goto(`${url}/admin/news`);
    await deskLogin(reviewer, 'vhxh', reviewerPassword);
    await reviewer.getByTestId('news-step-approve').click();
    await reviewer.getByTestId('news-step-publish').click();
    await expect.poll(() => reviewer.getByTestId('news-desk-item').getAttribute('data-status')).toBe('published');
    expect(await reviewer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // ── The same story goes on the ward office's LED screen and becomes a card for Zalo and Facebook.
    const screen = await reviewerCtx.request.put(`${url}/api/v1/displays/cong-phuong`, {
      headers: { origin: url, 'content-type': 'application/json' },
      data: { name: 'Màn hình cổng UBND phường', slides: [{ kind: 'story', seconds: 15 }] },
    });
    expect(screen.status(), await screen.text()).toBeLessThan(300);
    const wall = await e2e.browser.newContext({ locale: 'vi-VN', viewport: { width: 1920, height: 1080 } });
    const led = await wall.newPage();
    await led.goto(`${url}/display/cong-phuong`);
    await expect.poll(() => led.getByTestId('display-story-title').textContent(), { timeout: 15_000 }).toBe(TITLE);
    await wall.close();
    await reviewer.goto(`${url}/admin/studio`);
    await reviewer.locator('input[name="card-source"][value="story"]').check();
    await expect.poll(() => reviewer.locator('select[name="story"] option').allTextContents()).toContain(TITLE);
    await expect.poll(() => reviewer.getByTestId('card-alt').inputValue()).toContain(TITLE);
    await reviewerCtx.close();

    // ── A resident reads it, then again without signal.
    const residentCtx = await e2e.browser.newContext(PHONE);
    const resident = await residentCtx.newPage();
    await resident.goto(url);
    await waitOfflineReady(resident);
    await resident.getByTestId('news-link').click();
    await expect.poll(() => resident.getByTestId('news-card').first().textContent()).toContain(TITLE);
    await resident.getByTestId('news-card').first().click();
    await expect.poll(() => resident.getByTestId('news-title').textContent()).toBe(TITLE);
    expect(await resident.getByTestId('news-body').locator('li').count()).toBe(2);
    const photoLoaded = () => resident.getByTestId('news-photo').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth);
    await expect.poll(photoLoaded, { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await resident.getByTestId('news-photo').getAttribute('alt')).toBe('Quầy rau có mã QR');
    expect(resident.url()).toBe(`${url}/tin/${id}`);
    expect(await resident.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // Sharing without a share sheet copies the link or shows it.
    await resident.evaluate(() => Object.defineProperty(navigator, 'share', { value: undefined, configurable: true }));
    await resident.getByTestId('news-share').click();
    await expect.poll(async () => (await resident.getByTestId('news-copied').count()) + (await resident.getByTestId('news-link').count())).toBeGreaterThan(0);

    await setPhoneOffline(residentCtx, true);
    await resident.reload();
    await expect.poll(() => resident.getByTestId('news-title').textContent(), { timeout: 15_000 }).toBe(TITLE);
    expect(await resident.getByTestId('news-saved-copy').textContent()).toMatch(/bản đã lưu trên máy/);
    await expect.poll(photoLoaded, { timeout: 15_000 }).toBeGreaterThan(0);
    await resident.goto(`${url}/tin`);
    await expect.poll(() => resident.getByTestId('news-card').count()).toBe(1);
    await residentCtx.close();

    // ── The feeds and the portal snippet carry it.
    const atom = await fetch(`${url}/feeds/news.atom`);
    expect(atom.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    const feed = parseXml(await atom.text());
    const entries = childrenNamed(feed, 'entry');
    expect(entries.map((e) => childNamed(e, 'title').text)).toEqual([TITLE]);
    expect(childNamed(entries[0], 'link').attributes.href).toBe(`${url}/tin/${id}`);
    const enclosure = childrenNamed(entries[0], 'link').find((l) => l.attributes.rel === 'enclosure')!;
    expect(enclosure.attributes.type).toBe('image/jpeg');
    const fromFeed = await fetch(enclosure.attributes.href);
    expect(fromFeed.status).toBe(200);
    expect(hasLocation(new Uint8Array(await fromFeed.arrayBuffer()))).toBe(false);
    const json = await (await fetch(`${url}/feeds/news.json`)).json();
    expect(json.items.map((i: { title: string }) => i.title)).toEqual([TITLE]);
    expect(json.items[0].image).toBe(enclosure.attributes.href);
    const snippet = await (await fetch(`${url}/feeds/news.html`)).text();
    expect(snippet).toContain(TITLE);
    expect(snippet).not.toMatch(/<script/i);

    // ── The officer's phone logs it in one tap, offline; it reaches the server once.
    const officerCtx = await e2e.browser.newContext(PHONE);
    const officer = await officerCtx.newPage();
    await officer.goto(`${url}/unit`);
    await officer.getByLabel('Tên đăng nhập').fill('thao');
    await officer.getByLabel('Mật khẩu').fill(officerPassword);
    await officer.getByTestId('unit-login').click();
    await expect.poll(() => officer.getByTestId('unit-name').textContent()).toBe('Trung tâm sự nghiệp công');
    await waitOfflineReady(officer);
    await officer.goto(`${url}/tin/${id}`);
    await expect.poll(() => officer.getByTestId('news-title').textContent()).toBe(TITLE);
    await setPhoneOffline(officerCtx, true);
    await officer.getByTestId('news-log-button').click();
    await expect.poll(() => officer.getByTestId('news-log-state').textContent()).toContain('Đã ghi vào nhật ký');
    expect(await dbRows(e2e.server, 'SELECT id FROM unit_activities')).toHaveLength(0);
    await setPhoneOffline(officerCtx, false);
    await expect.poll(async () => (await dbRows(e2e.server, 'SELECT id FROM unit_activities')).length, { timeout: 15_000 }).toBe(1);
    // Opened again: already logged, nothing sent twice.
    await officer.reload();
    await expect.poll(() => officer.getByTestId('news-log-state').textContent(), { timeout: 15_000 }).toContain('đã có trong nhật ký');
    expect(await dbRows<{ form_code: string; sub_form_id: string }>(e2e.server, 'SELECT form_code, sub_form_id FROM unit_activities')).toEqual([{ form_code: '2.1', sub_form_id: 'portal-article' }]);
    expect(await dbRows(e2e.server, 'SELECT id FROM unit_events')).toHaveLength(1);
    await officerCtx.close();
    await office.close();
  }, 180_000);
});
