// The outreach studio in real Chromium against the real server: one social
// card per kind (a lesson, a live figure, a published story) drawn on the
// device, downloaded as PNG, checked for its size, for not being blank and,
// pixel by pixel within a tolerance, against a checked-in reference picture;
// its QR code read back; the bundled Vietnamese font in use; the screen at
// 360 px in Vietnamese and English. Posters print in colour at their page
// sizes. Set UPDATE_CARD_REFERENCES=1 to write the reference pictures again
// (after a deliberate change of the cards' look or of the content used).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jsQR from 'jsqr';
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { hasChromium, PHONE } from '../support/browser.ts';
import { comparePixels, pngSize, rgbaOf, type Rect } from '../support/card-pixels.ts';
import { useServerAndBrowser } from '../support/e2e-env.ts';
import { adminCookie } from '../support/staff-api.ts';
import { setPhoneOffline } from '../support/network.ts';

// http: an https origin makes the session cookie Secure, which this plain-http test server could not use.
const PUBLIC = 'http://hocvuso.kienan.example.vn';
const e2e = useServerAndBrowser({ env: { PUBLIC_ORIGIN: PUBLIC } });
const FIXTURES = join(import.meta.dirname, 'fixtures', 'cards');
const UPDATE = process.env.UPDATE_CARD_REFERENCES === '1';
// Fixed figures and day, so the figure card's reference stays the same. The
// figures' own rules (small counts, "at least") are tested in
// shared/outreach/card-figures.test.ts, the dashboard's in its own tests.
const DAY = new Date('2026-12-05T03:00:00Z');
const row = (groupId: string | null, name: string | null, households: number | null, five: number | string, share: number | null) => ({
  groupId, name, adultPopulation: households ? households * 2 : null, households, figuresAreSample: false,
  reached: 40, completed: 30, reachedShare: 0.2, completedShare: share === null ? null : 0.15,
  householdsRecorded: households ?? 0, householdsFiveSkills: five, householdShare: share, completedThisMonth: 5, growthPoints: 1,
});
const FIGURES = { coverage: [row('tdp-1', 'Tổ dân phố 1', 120, 75, 0.625), row('tdp-2', 'Tổ dân phố 2', 80, '<5', null), row(null, null, null, 0, null)] };
const STORY = { kind: 'typical-model', title: 'Tổ dân phố 1: mọi hộ đều có người dùng được dịch vụ công trực tuyến', summary: 'Tổ công nghệ số cộng đồng đã đến từng nhà, hướng dẫn bà con cài đặt và dùng ứng dụng.', body: 'Các thành viên đi **từng ngõ**.', namesPrivate: false };

async function staffContext(cookie: string, options: Parameters<typeof e2e.browser.newContext>[0]): Promise<BrowserContext> {
  const ctx = await e2e.browser.newContext(options);
  const [name, value] = cookie.split('=');
  await ctx.addCookies([{ name, value, url: e2e.server.url }]);
  return ctx;
}

async function publishStory(cookie: string): Promise<string> {
  const send = (path: string, body: unknown = {}) =>
    fetch(`${e2e.server.url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: e2e.server.url, cookie }, body: JSON.stringify(body) });
  const created = await send('/api/v1/stories', STORY);
  expect(created.status).toBe(201);
  const { id } = (await created.json()) as { id: string };
  for (const step of ['submit', 'approve', 'publish']) expect((await send(`/api/v1/stories/${id}/${step}`)).status).toBe(200);
  return id;
}

const canvas = (page: Page) => page.getByTestId('card-canvas');

async function chooseFormat(page: Page, format: string) {
  await page.locator(`input[name="card-format"][value="${format}"]`).check();
  await expect.poll(() => canvas(page).getAttribute('data-format')).toBe(format);
  await expect.poll(() => canvas(page).getAttribute('data-ready'), { timeout: 10_000 }).toBe('true');
}

async function downloadCard(page: Page): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Tải ảnh về' }).click()]);
  return readFileSync((await download.path())!);
}

/** The card against its reference: same size, not blank, at most 1% of pixels clearly different. */
async function matchesReference(page: Page, png: Buffer, name: string, mask: Rect | null) {
  const file = join(FIXTURES, `${name}.png`);
  if (UPDATE) writeFileSync(file, png);
  expect(existsSync(file), `${file} is missing: run with UPDATE_CARD_REFERENCES=1`).toBe(true);
  const report = await comparePixels(page, png, readFileSync(file), mask);
  expect(report.sameSize).toBe(true);
  expect(report.stdDev).toBeGreaterThan(20);
  expect(report.differing).toBeLessThan(0.01);
}

async function qrOf(page: Page, png: Buffer): Promise<string | undefined> {
  const rect = JSON.parse((await canvas(page).getAttribute('data-qr'))!) as Rect;
  const img = await rgbaOf(page, png, rect);
  return jsQR(new Uint8ClampedArray(img.data), img.width, img.height)?.data;
}

describe.skipIf(!hasChromium)('outreach studio', () => {
  it('draws a lesson, a figure and a story card that match their references, with the bundled font, alt text, post text and a working QR code', async () => {
    const cookie = await adminCookie(e2e.server);
    const storyId = await publishStory(cookie);
    const ctx = await staffContext(cookie, { viewport: { width: 1280, height: 900 }, locale: 'vi-VN', acceptDownloads: true });
    const page = await ctx.newPage();
    await page.clock.setFixedTime(DAY);
    await page.route(/\/api\/v1\/stats\/dashboard/, (route) => route.fulfill({ json: FIGURES }));
    await page.goto(`${e2e.server.url}/admin/studio`);
    await expect.poll(() => page.getByRole('link', { name: 'Ảnh mạng xã hội' }).last().getAttribute('aria-current')).toBe('page');

    // ── A lesson: its steps, the remember box, a QR to the lesson.
    const course = page.locator('select[name="course"]');
    await expect.poll(() => course.locator('option').count(), { timeout: 10_000 }).toBeGreaterThan(1);
    const courseId = (await course.locator('option').nth(1).getAttribute('value'))!;
    await course.selectOption(courseId);
    const lesson = page.locator('select[name="lesson"]');
    await lesson.waitFor();
    const lessonId = (await lesson.locator('option').first().getAttribute('value'))!;
    await chooseFormat(page, 'square');
    // The bundled font is loaded and covers Vietnamese in both weights.
    const fonts = await page.evaluate(() => ({
      faces: [...document.fonts].filter((f) => f.family.replace(/"/g, '') === 'Be Vietnam Pro' && f.status === 'loaded').length,
      covers: document.fonts.check('700 40px "Be Vietnam Pro"', 'Phường Kiến An: ghi nhớ, đổi mới, ưu đãi') && document.fonts.check('400 40px "Be Vietnam Pro"', 'Tổ dân phố ở đây'),
    }));
    expect(fonts).toEqual({ faces: 4, covers: true });
    const lessonPng = await downloadCard(page);
    expect(pngSize(lessonPng)).toEqual({ width: 1080, height: 1080 });
    await matchesReference(page, lessonPng, 'lesson-square', null);
    expect(await qrOf(page, lessonPng)).toBe(`${PUBLIC}/courses/${courseId}/lessons/${lessonId}`);
    const lessonTitle = (await lesson.locator('option').first().textContent())!;
    expect(await page.getByTestId('card-alt').inputValue()).toContain(lessonTitle);
    expect(await canvas(page).getAttribute('aria-label')).toContain('Ghi nhớ');
    expect(await page.getByTestId('card-post').inputValue()).toContain(`${PUBLIC}/courses/${courseId}/lessons/${lessonId}`);
    // Every size the channels take.
    for (const [format, size] of [['portrait', [1080, 1350]], ['link', [1200, 630]], ['story', [1080, 1920]]] as const) {
      await chooseFormat(page, format);
      expect(pngSize(await downloadCard(page))).toEqual({ width: size[0], height: size[1] });
    }

    // ── A live figure: a group's coverage; a group under five is not offered, the ward total says "at least".
    await page.locator('input[name="card-source"][value="figure"]').check();
    const figure = page.locator('select[name="figure"]');
    await figure.waitFor();
    expect(await figure.locator('option').allTextContents()).toEqual(['Cả phường: tiến độ đến mục tiêu', 'Tổ dân phố 1']);
    await expect.poll(() => page.getByTestId('card-post').inputValue()).toContain('Ít nhất 75 trên 200 hộ gia đình');
    await figure.selectOption('Tổ dân phố 1');
    await chooseFormat(page, 'portrait');
    await expect.poll(() => page.getByTestId('card-post').inputValue()).toContain('Tính đến ngày 5/12/2026: 63% hộ gia đình của Tổ dân phố 1');
    const figurePng = await downloadCard(page);
    expect(pngSize(figurePng)).toEqual({ width: 1080, height: 1350 });
    await matchesReference(page, figurePng, 'figure-portrait', null);

    // ── A published story: its QR carries the story's fresh id, so that square is read, not compared.
    await page.locator('input[name="card-source"][value="story"]').check();
    await page.locator('select[name="story"]').waitFor();
    await chooseFormat(page, 'link');
    await expect.poll(() => page.getByTestId('card-alt').inputValue()).toContain(STORY.title);
    const storyPng = await downloadCard(page);
    expect(pngSize(storyPng)).toEqual({ width: 1200, height: 630 });
    const qr = JSON.parse((await canvas(page).getAttribute('data-qr'))!) as Rect;
    await matchesReference(page, storyPng, 'story-link', qr);
    expect(await qrOf(page, storyPng)).toBe(`${PUBLIC}/tin/${storyId}`);
    expect(await page.getByTestId('card-post').inputValue()).toContain(`${PUBLIC}/tin/${storyId}`);
    await ctx.close();
  }, 120_000);

  it('fits a 360 px phone in Vietnamese and English, and makes a card offline once open', async () => {
    const cookie = await adminCookie(e2e.server);
    for (const lang of ['vi', 'en'] as const) {
      const ctx = await staffContext(cookie, { ...PHONE, locale: lang === 'vi' ? 'vi-VN' : 'en-GB' });
      await ctx.addInitScript((l) => localStorage.setItem('hvs.language', l), lang);
      const page = await ctx.newPage();
      await page.goto(`${e2e.server.url}/admin/studio`);
      const course = page.locator('select[name="course"]');
      await expect.poll(() => course.locator('option').count(), { timeout: 10_000 }).toBeGreaterThan(1);
      await course.selectOption({ index: 1 });
      await expect.poll(() => canvas(page).getAttribute('data-ready'), { timeout: 10_000 }).toBe('true');
      expect(await page.locator('h1').textContent()).toBe(lang === 'vi' ? 'Ảnh cho Zalo, Facebook, TikTok và cổng thông tin' : 'Pictures for Zalo, Facebook, TikTok and the portal');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
      // Drawn on the device: with the network gone, another size is still made.
      await setPhoneOffline(ctx, true);
      await page.locator('input[name="card-format"][value="story"]').check();
      await expect.poll(() => canvas(page).evaluate((c: HTMLCanvasElement) => `${c.width}x${c.height}`)).toBe('1080x1920');
      await setPhoneOffline(ctx, false);
      // The studio's other tabs fit too.
      for (const path of ['/admin/posters', '/admin/bulletins']) {
        await page.goto(`${e2e.server.url}${path}`);
        await page.locator('nav.studio-nav a[aria-current="page"]').waitFor();
        if (path === '/admin/posters') {
          // A live figure on the poster: its kind and date shown, its sentence put in as the slogan.
          await page.route(/\/api\/v1\/stats\/dashboard/, (route) =>
            route.fulfill({ json: { ...FIGURES, meta: { wardName: 'Phường Kiến An' }, range: { to: '2026-12-05' }, coverageCounted: ['verified', 'self-reported'], kinds: { verified: 1234, selfReported: 567, outcomes: 0 } } }),
          );
          await page.getByTestId('figure-picker').locator('summary').click();
          const figure = page.locator('[data-testid="live-figure"][data-key="kind:self-reported"]');
          expect(await figure.textContent()).toContain(lang === 'vi' ? 'Loại số liệu: Tự học, tự khai trên điện thoại · Số liệu đến ngày 5/12/2026' : 'Kind of figure: Self-reported on a phone · Figure as of 5/12/2026');
          await figure.getByRole('button').click();
          expect(await page.locator('input[name="slogan"]').inputValue()).toContain('567');
          expect(await page.getByTestId('poster').textContent()).toContain('567');
        }
        expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(360);
      }
      await ctx.close();
    }
  }, 90_000);

  it('minor 20: prints posters in colour at A4, A3 and 16:9 page sizes', async () => {
    const cookie = await adminCookie(e2e.server);
    const ctx = await staffContext(cookie, { viewport: { width: 1280, height: 900 }, locale: 'vi-VN' });
    const page = await ctx.newPage();
    await page.goto(`${e2e.server.url}/admin/posters`);
    await page.getByTestId('poster').waitFor();
    const dir = mkdtempSync(join(tmpdir(), 'hvs-posters-'));
    // Points: A4 210×297 mm, A3 297×420 mm, the screen 297×167 mm.
    const sizes = { a4: [595, 842], a3: [842, 1191], screen: [842, 473] } as const;
    for (const [format, [w, h]] of Object.entries(sizes)) {
      await page.locator('select[name="format"]').selectOption(format);
      const file = join(dir, `${format}.pdf`);
      writeFileSync(file, await page.pdf({ preferCSSPageSize: true, printBackground: false }));
      const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
      expect(Number(/Pages:\s+(\d+)/.exec(info)![1]), format).toBe(1);
      const [pw, ph] = /Page size:\s+([\d.]+) x ([\d.]+)/.exec(info)!.slice(1).map(Number);
      expect([Math.round(pw), Math.round(ph)], format).toEqual([w, h]);
      // The blue band is printed even with "background graphics" off: print-color-adjust: exact.
      execFileSync('pdftoppm', ['-r', '20', '-singlefile', file, join(dir, format)]);
      const ppm = readFileSync(join(dir, `${format}.ppm`));
      // P6 header: "P6", width, height, maxval, one whitespace, then RGB bytes.
      const header = /^P6\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(ppm.subarray(0, 40).toString('latin1'))!;
      const pixels = ppm.subarray(header[0].length);
      let blue = 0;
      for (let i = 0; i + 2 < pixels.length; i += 3) if (pixels[i] < 40 && pixels[i + 1] > 60 && pixels[i + 1] < 100 && pixels[i + 2] > 120 && pixels[i + 2] < 160) blue++;
      expect(blue, format).toBeGreaterThan(50);
    }
    await ctx.close();
  }, 90_000);
});
