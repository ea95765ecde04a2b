// "Kênh của phường, xã" (M-4 of the December UX review) as a resident meets it: the ward office enters its
// channels at /admin/ward; on a phone, the local-platforms lesson's link of
// that name opens a screen listing them (the hotline rings, the page opens),
// the home screen links to it, and with the network off the screen still
// lists them. Also what a first-time resident sees on home: when the app is
// ready with no connection, skill rows that lead to a course, spaced labels,
// and the public verify page with room at its edges and a way back.
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { adminPasswordFrom } from '../support/server-process.ts';
import { hasChromium, PHONE } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/e2e-env.ts';
import { setPhoneOffline } from '../support/network.ts';

const e2e = useServerAndBrowser();
// Test data typed by the "office"; the app shows what the office typed, nothing more.
const PORTAL = { label: 'Trang thông tin phường Kiến An', url: 'https://kienan.example.vn/' };
const HOTLINE = { label: 'Đường dây nóng UBND phường', url: '0225 000 1234' };

async function enterChannels(page: Page) {
  await page.goto(`${e2e.server.url}/ward`);
  await page.getByLabel(/tên đăng nhập/i).fill('admin');
  await page.getByLabel(/mật khẩu/i).fill(adminPasswordFrom(e2e.server.output()));
  await page.getByRole('button', { name: /đăng nhập/i }).click();
  await page.getByRole('link', { name: 'Hồ sơ phường' }).click();
  const form = page.getByTestId('ward-profile-form');
  for (const [kind, c] of [['portal', PORTAL], ['hotline', HOTLINE]] as const) {
    await form.getByRole('button', { name: 'Thêm kênh' }).click();
    const row = form.locator('.channel-row').last();
    await row.locator('select').selectOption(kind);
    await row.getByLabel('Tên hiển thị').fill(c.label);
    await row.getByLabel(/Địa chỉ/).fill(c.url);
  }
  await form.getByRole('button', { name: 'Lưu tên và kênh' }).click();
  await expect.poll(() => form.getByRole('status').textContent()).toBe('Đã lưu.');
}

async function expectChannels(page: Page) {
  await page.getByRole('heading', { level: 1, name: 'Kênh của phường, xã' }).waitFor();
  const list = page.getByTestId('channel');
  await expect.poll(() => list.count()).toBe(2);
  expect(await page.getByRole('link', { name: PORTAL.label }).getAttribute('href')).toBe(PORTAL.url);
  expect(await page.getByRole('link', { name: `Gọi: ${HOTLINE.label}` }).getAttribute('href')).toBe('tel:02250001234');
  // The address in letters, to compare with a link someone sends.
  expect(await list.first().innerText()).toContain('kienan.example.vn');
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
}

describe.skipIf(!hasChromium)('ward channels on a resident phone', () => {
  it('shows the channels the office entered where the lesson says, and still offline', { timeout: 180_000 }, async () => {
    const office = await e2e.browser.newPage({ locale: 'vi-VN', viewport: { width: 1280, height: 800 } });
    await enterChannels(office);
    await office.close();

    const phone = await e2e.browser.newContext(PHONE);
    const page = await phone.newPage();
    await page.goto(e2e.server.url);
    await page.getByTestId('welcome-skip').click();
    // Minor 23: home says when the app works with no connection.
    await expect.poll(() => page.getByTestId('offline-ready').getAttribute('data-state'), { timeout: 60_000 }).toBe('ready');
    expect(await page.getByTestId('offline-ready').textContent()).toContain('học được cả khi không có mạng');
    // A label and its value are two words, for the eye and for a screen reader.
    expect(await page.getByTestId('next-lesson-card').textContent(), 'minor 2').toMatch(/^Bài nên học tiếp \S/);
    // Minor 21: skill rows open a course; a row with no course is not a link.
    await page.getByTestId('skill-local-platforms').click();
    await page.waitForURL(`${e2e.server.url}/courses/local-platforms`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe('Kênh của phường, xã');

    // M-4: the lesson names the screen and links to it by that name.
    await page.getByTestId('lesson-ward-portal').click();
    const link = page.locator('.lesson-step a[href="/channels"], a[href="/channels"]').first();
    for (let i = 0; i < 8 && !(await link.isVisible()); i++) await page.getByTestId('next-step').click();
    expect(await link.textContent()).toBe('“Kênh của phường, xã”');
    await link.click();
    await page.waitForURL(`${e2e.server.url}/channels`);
    await expectChannels(page);

    // Home links to it too.
    await page.goto(e2e.server.url);
    await page.getByTestId('link-channels').click();
    await page.waitForURL(`${e2e.server.url}/channels`);
    await expectChannels(page);

    // No connection: the copy kept on the phone, said to be one.
    await setPhoneOffline(phone, true);
    await page.reload();
    await expectChannels(page);
    await page.getByTestId('channels-saved-copy').waitFor();
    await phone.close();
  });

  it('says so when the office has entered no channel, on a phone that never saw the list', { timeout: 60_000 }, async () => {
    // A fresh server has the sample profile: no channels.
    const phone = await e2e.browser.newContext(PHONE);
    const page = await phone.newPage();
    await page.route('**/api/v1/ward', (r) => r.fulfill({ json: { name: 'Phường Kiến An', isSample: false, groups: [], channels: [] } }));
    await page.goto(`${e2e.server.url}/channels`);
    await page.getByTestId('channels-empty').waitFor();
    expect(await page.getByTestId('channels-empty').textContent()).toContain('Hãy hỏi UBND phường, xã');
    await phone.close();
  });

  // Minor 23: home was 7.4 screens in the walk-through with 9 courses, one card per
  // course; it now lists the first courses and those started, then "all
  // courses", so it stays short however the catalogue grows.
  it('keeps home short at 360 px: under 4.5 screens with the whole catalogue, each course card a third of a screen, every course one tap away', { timeout: 60_000 }, async () => {
    const phone = await e2e.browser.newContext(PHONE);
    const page = await phone.newPage();
    await page.goto(e2e.server.url);
    await page.getByTestId('welcome-skip').click();
    await page.getByTestId('share-app').waitFor();
    const index = await (await fetch(`${e2e.server.url}/content/index.json`)).json();
    // Off-screen cards are laid out only near the viewport: scroll through so every one has its real height.
    const measure = async () => {
      for (let y = 0; y < 8000; y += 500) await page.evaluate((top) => scrollTo(0, top), y);
      return page.evaluate(() => {
        const cards = [...document.querySelectorAll('.course-list .course-card')].map((c) => c.getBoundingClientRect().height / 740);
        return { cards: cards.length, screens: document.documentElement.scrollHeight / 740, tallestCard: Math.max(...cards) };
      });
    };
    await expect.poll(async () => (await measure()).screens).toBeLessThanOrEqual(4.5);
    const home = await measure();
    expect(home.cards).toBeLessThan(index.courses.length);
    expect(home.tallestCard).toBeLessThanOrEqual(1 / 3);

    await page.getByTestId('all-courses').click();
    await expect.poll(async () => (await measure()).cards).toBe(index.courses.length);
    expect((await measure()).tallestCard).toBeLessThanOrEqual(1 / 3);
    // Back from a course, the list is still whole.
    await page.getByTestId(`course-${index.courses.at(-1).id}`).click();
    await page.goBack();
    await expect.poll(async () => (await measure()).cards).toBe(index.courses.length);
    await phone.close();
  });

  it('minor 22: keeps the verify page off the screen edges at 360 px, with a link back to the app', { timeout: 60_000 }, async () => {
    const phone = await e2e.browser.newContext(PHONE);
    const page = await phone.newPage();
    const res = await page.goto(`${e2e.server.url}/verify/AAAAAAAAAA`);
    expect(res?.status()).toBe(404);
    const box = (await page.locator('main').boundingBox())!;
    expect(box.x).toBeGreaterThanOrEqual(8);
    expect(box.x + box.width).toBeLessThanOrEqual(360 - 8);
    expect(await page.getByRole('link', { name: 'Mở ứng dụng Học vụ số' }).getAttribute('href')).toBe('/');
    await phone.close();
  });
});
