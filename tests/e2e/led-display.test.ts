// The ward's LED screens as the office and a screen meet them: the office
// adds a screen and its slides at /admin/displays; the screen's browser opens
// /display/<screen> full screen at 1920×1080 and 1280×720 and loops the
// slides with text sized for a distance; when the server goes away it keeps
// showing the last data (with its time, small) and a reload still works;
// when the server comes back it recovers by itself; the office sees it live.
// The office's page reads on a 360 px phone in Vietnamese and in English.
// The office adds a featured-story slide: the screen shows the latest
// published story with its photo, and nothing of a draft.
// The screen's clock is Playwright's, so a minute passes in a moment.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { adminPasswordFrom } from '../support/server-process.ts';
import { hasChromium } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/e2e-env.ts';
import { jpegWithGps, sha256 } from '../support/crafted-images.ts';
import { widerThanScreen } from '../support/layout-check.ts';
import { rawKeys, textShown, vietnameseAmong } from '../support/screen-text.ts';

const e2e = useServerAndBrowser();
const SLOGAN = 'Cả phường cùng học kỹ năng số';
const STORY = 'Chợ Hòa Bình: bán hàng không dùng tiền mặt';

async function addScreen(page: Page) {
  await page.goto(`${e2e.server.url}/ward`);
  await page.getByLabel(/tên đăng nhập/i).fill('admin');
  await page.getByLabel(/mật khẩu/i).fill(adminPasswordFrom(e2e.server.output()));
  await page.getByRole('button', { name: /đăng nhập/i }).click();
  await page.getByRole('link', { name: 'Màn hình LED' }).click();
  await page.getByRole('heading', { level: 1, name: 'Màn hình LED' }).waitFor();
  await page.getByRole('button', { name: 'Thêm màn hình' }).click();
  await page.getByLabel(/Mã màn hình/).fill('cong-ubnd');
  await page.getByLabel('Tên màn hình').fill('Cổng UBND phường');
  await page.getByRole('button', { name: 'Thêm trang chiếu' }).click();
  const slogan = page.getByRole('group', { name: 'Trang 4' });
  await slogan.getByLabel('Nội dung').fill(SLOGAN);
  await page.getByRole('button', { name: 'Lưu màn hình' }).click();
  await page.getByRole('status').filter({ hasText: 'Đã lưu' }).waitFor();
  await page.getByTestId('screen-cong-ubnd').getByText('Chưa mở lần nào').waitFor();
}

const PHONE_WORDS = {
  vi: { username: 'Tên đăng nhập', password: 'Mật khẩu', login: 'Đăng nhập', title: 'Màn hình LED', edit: 'Sửa', slide4: 'Trang 4' },
  en: { username: 'Username', password: 'Password', login: 'Sign in', title: 'LED screens', edit: 'Edit', slide4: 'Slide 4' },
} as const;

/** The office's page as a person on a phone meets it; in English, only what the ward typed is in Vietnamese. */
async function expectReadableOnPhone(page: Page, lang: 'vi' | 'en', ours: readonly string[]) {
  expect(await widerThanScreen(page), lang).toEqual([]);
  const texts = await textShown(page);
  expect(rawKeys(texts), lang).toEqual([]);
  if (lang === 'en') expect(vietnameseAmong(texts, ours), lang).toEqual([]);
}

const kind = (page: Page) => page.getByTestId('display').locator('.display-stage').getAttribute('data-kind');

/** The stage fits the screen, nothing spills out, and the largest text reads from afar. */
async function expectFits(page: Page, width: number, height: number) {
  const m = await page.evaluate(() => {
    const stage = document.querySelector('.display-stage')!.getBoundingClientRect();
    const sizes = [...document.querySelectorAll('.display-stage p, .display-stage li')].map((el) => parseFloat(getComputedStyle(el).fontSize));
    const spill = [...document.querySelectorAll('.display-stage *')].some((el) => {
      const r = el.getBoundingClientRect();
      return r.right > innerWidth + 1 || r.bottom > innerHeight + 1 || r.left < -1 || r.top < -1;
    });
    return { w: stage.width, h: stage.height, smallest: Math.min(...sizes), largest: Math.max(...sizes), spill, scroll: document.documentElement.scrollWidth };
  });
  expect(m.spill).toBe(false);
  expect(m.scroll).toBeLessThanOrEqual(width);
  expect(Math.abs(m.w / m.h - 16 / 9)).toBeLessThan(0.02);
  // At 1080 lines the smallest text on a slide is at least 3.5% of the height (38 px).
  expect(m.smallest).toBeGreaterThanOrEqual(height * 0.035);
  expect(m.largest).toBeGreaterThanOrEqual(height * 0.07);
}

describe.skipIf(!hasChromium)('LED screens', () => {
  it('loop full screen, survive the server going away and coming back, and show as live to the office', { timeout: 240_000 }, async () => {
    const office = await e2e.browser.newPage({ locale: 'vi-VN', viewport: { width: 1280, height: 800 } });
    await addScreen(office);

    const tv = await e2e.browser.newContext({ locale: 'vi-VN', viewport: { width: 1920, height: 1080 } });
    const screen = await tv.newPage();
    await screen.clock.install();
    await screen.goto(`${e2e.server.url}/display/cong-ubnd`);
    await expect.poll(() => kind(screen)).toBe('qr');
    // No app header or footer on a screen, and the QR code is big enough for a phone across the room.
    expect(await screen.locator('.app-header').isVisible()).toBe(false);
    expect((await screen.locator('.display-qr').boundingBox())!.height).toBeGreaterThan(600);
    await expectFits(screen, 1920, 1080);
    const seen = new Set<string | null>();
    for (let i = 0; i < 4; i++) {
      seen.add(await kind(screen));
      await screen.clock.fastForward(16_000);
      await expect.poll(() => kind(screen)).not.toBe([...seen].at(-1));
    }
    expect(seen).toEqual(new Set(['qr', 'coverage', 'sessions', 'slogan']));
    await expect.poll(() => kind(screen)).toBe('qr');
    expect(await screen.getByTestId('display-age').count()).toBe(0);

    // The office sees the screen live.
    await office.reload();
    await office.getByTestId('screen-cong-ubnd').getByText('Đang chạy').waitFor();

    // The service worker keeps the page; then the server goes away.
    await screen.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await e2e.server.kill();
    await screen.clock.fastForward(6 * 60_000);
    await screen.getByTestId('display-age').waitFor();
    expect(await screen.getByTestId('display-age').textContent()).toMatch(/^Số liệu lúc /);
    // A power cut or a reload with no server: the last data, not a blank panel.
    await screen.reload();
    await expect.poll(() => kind(screen), { timeout: 30_000 }).not.toBeNull();
    await screen.clock.fastForward(6 * 60_000);
    await screen.getByTestId('display-age').waitFor();

    // Back by itself: the next poll brings fresh data and the age label goes.
    await e2e.server.restart();
    await screen.clock.fastForward(61_000);
    await expect.poll(() => screen.getByTestId('display-age').count(), { timeout: 30_000 }).toBe(0);
    await tv.close();

    // The same picture on a 1280×720 screen.
    const small = await e2e.browser.newContext({ locale: 'vi-VN', viewport: { width: 1280, height: 720 } });
    const page = await small.newPage();
    await page.clock.install();
    await page.goto(`${e2e.server.url}/display/cong-ubnd`);
    for (const k of ['qr', 'coverage', 'sessions', 'slogan']) {
      await expect.poll(() => kind(page)).toBe(k);
      await expectFits(page, 1280, 720);
      await page.clock.fastForward(16_000);
    }
    await small.close();

    // The office's page works on a phone too, in Vietnamese and then in English (chosen as the
    // app keeps it): its own words in that language, nothing wider than the screen, no raw key.
    const { wardName } = (await (await fetch(`${e2e.server.url}/api/v1/news`)).json()) as { wardName: string };
    for (const lang of ['vi', 'en'] as const) {
      const words = PHONE_WORDS[lang];
      const phone = await e2e.browser.newContext({ locale: lang === 'vi' ? 'vi-VN' : 'en-GB', viewport: { width: 360, height: 740 } });
      await phone.addInitScript((l) => localStorage.setItem('hvs.language', l), lang);
      const p = await phone.newPage();
      await p.goto(`${e2e.server.url}/ward`);
      await p.getByLabel(words.username, { exact: true }).fill('admin');
      await p.getByLabel(words.password, { exact: true }).fill(adminPasswordFrom(e2e.server.output()));
      await p.getByRole('button', { name: words.login, exact: true }).click();
      await p.getByRole('link', { name: words.title, exact: true }).click();
      await p.getByRole('heading', { level: 1, name: words.title, exact: true }).waitFor();
      await p.getByTestId('screen-cong-ubnd').waitFor();
      const ours = [wardName, 'Cổng UBND phường', SLOGAN];
      await expectReadableOnPhone(p, lang, ours);
      await p.getByTestId('screen-cong-ubnd').getByRole('button', { name: words.edit, exact: true }).click();
      await p.getByRole('group', { name: words.slide4, exact: true }).waitFor();
      await expectReadableOnPhone(p, lang, ours);
      await phone.close();
    }

    // A featured story: the office publishes one with a photo and a draft, then adds the slide.
    const api = async (method: 'put' | 'post', path: string, data: unknown, type = 'application/json') => {
      const res = await office.request[method](`${e2e.server.url}${path}`, { data: data as string, headers: { origin: e2e.server.url, 'content-type': type } });
      expect(res.status(), await res.text()).toBeLessThan(300);
      return (await res.json()) as { id: string; sha256: string };
    };
    const camera = jpegWithGps();
    const { sha256: photo } = await api('put', `/api/v1/story-photos/${sha256(camera)}`, camera, 'application/octet-stream');
    const story = await api('post', '/api/v1/stories', { kind: 'typical-model', title: STORY, body: 'Các quầy đều có mã QR.', namesPrivate: false, photos: [{ sha256: photo, alt: 'Quầy rau có mã QR' }] });
    for (const step of ['submit', 'approve', 'publish']) await api('post', `/api/v1/stories/${story.id}/${step}`, {});
    await api('post', '/api/v1/stories', { kind: 'announcement', title: 'Bản nháp không được chiếu', body: 'Nháp', namesPrivate: false });
    await office.reload();
    await office.getByTestId('screen-cong-ubnd').getByRole('button', { name: 'Sửa' }).click();
    await office.getByRole('button', { name: 'Thêm trang chiếu' }).click();
    const featured = office.getByRole('group', { name: 'Trang 5' });
    await featured.getByLabel('Loại').selectOption('story');
    await expect.poll(() => featured.getByTestId('display-slide-story').locator('option').allTextContents()).toEqual(['Tin mới nhất đã đăng', STORY]);
    await office.getByRole('button', { name: 'Lưu màn hình' }).click();
    await office.getByRole('status').filter({ hasText: 'Đã lưu' }).waitFor();

    const wall = await e2e.browser.newContext({ locale: 'vi-VN', viewport: { width: 1920, height: 1080 } });
    const led = await wall.newPage();
    await led.clock.install();
    await led.goto(`${e2e.server.url}/display/cong-ubnd`);
    await expect.poll(() => kind(led)).toBe('qr');
    for (let i = 0; i < 5 && (await kind(led)) !== 'story'; i++) {
      const before = await kind(led);
      await led.clock.fastForward(16_000);
      await expect.poll(() => kind(led)).not.toBe(before);
    }
    expect(await kind(led)).toBe('story');
    expect(await led.getByTestId('display-story-title').textContent()).toBe(STORY);
    await expect.poll(() => led.getByTestId('display-story-photo').evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await led.getByTestId('display-story-photo').getAttribute('alt')).toBe('Quầy rau có mã QR');
    expect(await led.getByTestId('display').textContent()).not.toContain('Bản nháp');
    await expectFits(led, 1920, 1080);
    await wall.close();
    await office.close();
  });
});
