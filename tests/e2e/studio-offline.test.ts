// The outreach studio without a connection, in real Chromium against the
// built app: an officer opens the bulletin and card tabs once with signal (a
// first visit: the service worker did not control the page yet), loses the
// connection and reloads. The studio's code, which residents' phones never
// precache, comes from the worker's copy: the bulletin tab opens, a draft is
// written and survives another reload, and the card tab draws a lesson's card
// with its bundled font. And one tab is enough: an officer who opened only the
// LED screens tab online opens every other studio tab offline (the worker was
// handed the code of all of them), writes a bulletin and draws a slogan card.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/e2e-env.ts';
import { setPhoneOffline } from '../support/network.ts';
import { waitOfflineReady } from '../support/offline-ready.ts';
import { adminCookie } from '../support/staff-api.ts';

const e2e = useServerAndBrowser();
const OFFICE = { viewport: { width: 1280, height: 900 }, locale: 'vi-VN' };

/** The paths in the worker's copy of the office code. */
const keptCode = (page: Page) => page.evaluate(async () => (await (await caches.open('hvs-office-code')).keys()).map((r) => new URL(r.url).pathname));

describe.skipIf(!hasChromium)('studio offline', () => {
  it('a studio opened once online reopens offline, where a bulletin draft is written and a card drawn', async () => {
    const ctx = await e2e.browser.newContext(OFFICE);
    const [name, value] = (await adminCookie(e2e.server)).split('=');
    await ctx.addCookies([{ name, value, url: e2e.server.url }]);
    const page = await ctx.newPage();
    await page.goto(`${e2e.server.url}/admin/bulletins`);
    await page.getByLabel('Tiêu đề').waitFor();
    await waitOfflineReady(page);
    await page.getByRole('navigation', { name: 'Xưởng truyền thông' }).getByRole('link', { name: 'Ảnh mạng xã hội' }).click();
    await page.locator('select[name="course"]').selectOption('shop-2026');
    await page.locator('select[name="lesson"]').selectOption('end-of-lump-sum-tax');
    await expect.poll(() => page.getByTestId('card-canvas').getAttribute('data-ready'), { timeout: 10_000 }).toBe('true');
    // What the worker was handed is stored in the background: wait until the tabs' own scripts are there.
    await expect
      .poll(
        () =>
          page.evaluate(async () => {
            const names = (await (await caches.open('hvs-office-code')).keys()).map((r) => new URL(r.url).pathname);
            return ['office-bulletins-page-', 'office-cards-page-', '.woff2'].every((part) => names.some((n) => n.includes(part)));
          }),
        { timeout: 15_000 },
      )
      .toBe(true);

    // The browser's HTTP cache would answer too, until the browser evicts it (early, on a phone
    // short of space): emptied here, so only what the service worker keeps counts.
    await (await ctx.newCDPSession(page)).send('Network.clearBrowserCache');
    await setPhoneOffline(ctx, true);
    await page.goto(`${e2e.server.url}/admin/bulletins`);
    await page.getByTestId('studio-offline').waitFor({ timeout: 15_000 });
    await page.getByLabel('Tiêu đề').fill('Lịch học kỹ năng số');
    await page.getByLabel('Nội dung đọc').fill('Tối thứ bảy, nhà văn hóa tổ dân phố mở lớp hướng dẫn cài ứng dụng.');
    await expect.poll(() => page.getByTestId('bulletin-length').textContent()).toMatch(/\d/);
    await page.reload();
    await expect.poll(() => page.getByLabel('Nội dung đọc').inputValue(), { timeout: 15_000 }).toBe('Tối thứ bảy, nhà văn hóa tổ dân phố mở lớp hướng dẫn cài ứng dụng.');
    expect(await page.getByLabel('Tiêu đề').inputValue()).toBe('Lịch học kỹ năng số');

    // The card tab too, its font included: a lesson's card is drawn with no connection.
    await page.goto(`${e2e.server.url}/admin/studio`);
    await page.locator('select[name="course"]').selectOption('shop-2026', { timeout: 15_000 });
    await page.locator('select[name="lesson"]').selectOption('end-of-lump-sum-tax');
    await expect.poll(() => page.getByTestId('card-canvas').getAttribute('data-ready'), { timeout: 15_000 }).toBe('true');
    expect(await page.evaluate(() => document.fonts.check('700 40px "Be Vietnam Pro"', 'Tiếng Việt'))).toBe(true);
    await ctx.close();
  }, 180_000);

  it('one studio tab opened online is enough: every other tab opens offline', async () => {
    const ctx = await e2e.browser.newContext(OFFICE);
    const [name, value] = (await adminCookie(e2e.server)).split('=');
    await ctx.addCookies([{ name, value, url: e2e.server.url }]);
    const page = await ctx.newPage();
    const failures: string[] = [];
    page.on('pageerror', (e) => failures.push(e.message));
    // Only the LED screens tab, once, with signal.
    await page.goto(`${e2e.server.url}/admin/displays`);
    await page.getByRole('heading', { level: 1, name: 'Màn hình LED' }).waitFor();
    await waitOfflineReady(page);
    // The other tabs' scripts and the cards' fonts reach the worker's copy without being opened.
    await expect
      .poll(async () => {
        const names = await keptCode(page);
        return ['office-bulletins-page-', 'office-cards-page-', 'office-posters-page-', 'office-schedule-page-', '-700-normal-'].filter((part) => !names.some((n) => n.includes(part)));
      }, { timeout: 20_000 })
      .toEqual([]);

    await (await ctx.newCDPSession(page)).send('Network.clearBrowserCache');
    await setPhoneOffline(ctx, true);
    const studio = page.getByRole('navigation', { name: 'Xưởng truyền thông' });

    // The bulletin tab: a draft is written.
    await page.goto(`${e2e.server.url}/admin/bulletins`);
    await page.getByRole('heading', { level: 1, name: 'Bản tin đài truyền thanh' }).waitFor({ timeout: 15_000 });
    await page.getByTestId('studio-offline').waitFor();
    await page.getByLabel('Tiêu đề').fill('Lịch học kỹ năng số');
    await page.getByLabel('Nội dung đọc').fill('Tối thứ bảy, nhà văn hóa tổ dân phố mở lớp hướng dẫn cài ứng dụng.');
    await expect.poll(() => page.getByTestId('bulletin-length').textContent()).toMatch(/\d/);

    // The card tab, reached through the studio's own tabs: a slogan's card drawn with the bundled font.
    await studio.getByRole('link', { name: 'Ảnh mạng xã hội' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ảnh cho Zalo, Facebook, TikTok và cổng thông tin' }).waitFor({ timeout: 15_000 });
    await page.getByRole('radio', { name: 'Một khẩu hiệu' }).check();
    await page.locator('input[name="slogan"]').fill('Cả phường cùng học kỹ năng số');
    await expect.poll(() => page.getByTestId('card-canvas').getAttribute('data-ready'), { timeout: 15_000 }).toBe('true');
    expect(await page.evaluate(() => document.fonts.check('700 40px "Be Vietnam Pro"', 'Tiếng Việt'))).toBe(true);

    // The poster tab, and the broadcast schedule, each opened afresh with no connection.
    await page.goto(`${e2e.server.url}/admin/posters`);
    await page.getByRole('heading', { level: 1, name: 'In áp phích' }).waitFor({ timeout: 15_000 });
    await page.getByTestId('studio-offline').waitFor();
    await page.goto(`${e2e.server.url}/admin/bulletins/schedule`);
    await page.getByRole('heading', { level: 1, name: 'Lịch phát thanh' }).waitFor({ timeout: 15_000 });
    expect(failures).toEqual([]);
    await ctx.close();
  }, 180_000);
});
