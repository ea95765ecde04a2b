// The Content-Security-Policy in real Chromium: every kind of screen the app
// has — resident home, a lesson with its practice screen and quiz, settings,
// the QR scan screen with a (fake) camera, the guide's login and home, the
// ward dashboard, the admin's poster page and the public /verify page —
// works under the server's headers with zero policy violations and zero
// console errors, and the service worker still registers. The remaining
// resident and admin screens are then opened once each under the same watch.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { createUser } from '../../server/accounts/users.ts';
import { newStore, openStore } from '../support/server-database.ts';
import { loadCatalog } from '../../server/resident/catalog.ts';
import { seedDemo } from '../../server/stats/demo-data.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH, hasChromium, PHONE } from '../support/browser.ts';
import { createGuideAccount } from '../support/guide-driver.ts';
import { finishLesson } from '../support/lesson-driver.ts';
import { adminPasswordFrom, PROJECT_ROOT, startServer, type RunningServer } from '../support/server-process.ts';
import { waitOfflineReady } from '../support/offline-ready.ts';

let server: RunningServer;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  if (!hasChromium) return;
  const dataDir = mkdtempSync(join(tmpdir(), 'hvs-csp-'));
  const store = await newStore(dataDir);
  const { engine, close } = await openStore(store);
  await createUser(engine, { username: 'office', password: 'correct horse battery', role: 'reviewer', team: null });
  // Real figures, so the dashboard draws its charts and tables.
  await seedDemo(engine, loadCatalog(join(PROJECT_ROOT, 'dist')), { learners: 80, days: 40 });
  await close();
  server = await startServer({ dataDir, databaseUrl: store.databaseUrl });
  browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_ARGS, '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'],
  });
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A context that reports every CSP violation and console error to `problems`. */
async function watchedContext(options: Parameters<Browser['newContext']>[0] = PHONE): Promise<BrowserContext> {
  const ctx = await browser.newContext(options);
  await ctx.exposeBinding('__cspViolation', ({ page }, v: { directive: string; blocked: string; sample: string }) => {
    problems.push(`CSP ${v.directive} blocked ${v.blocked || '(inline)'} ${v.sample} on ${page.url()}`);
  });
  await ctx.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation: (v: unknown) => void }).__cspViolation({ directive: e.effectiveDirective, blocked: e.blockedURI, sample: e.sample });
    });
  });
  ctx.on('page', watchPage);
  return ctx;
}

function watchPage(page: Page) {
  page.on('console', (msg) => {
    // HTTP statuses the app expects (401 from "who am I" before a login, the
    // /verify page's 404) are the app's business, not the policy's.
    if (/^Failed to load resource: the server responded with a status of 4\d\d/.test(msg.text())) return;
    if (msg.type() === 'error') problems.push(`console error on ${page.url()}: ${msg.text()}`);
    // A header the browser cannot parse is only a warning, but still a mistake.
    if (/^Error with (Permissions-Policy|Content-Security-Policy)/.test(msg.text())) problems.push(`header warning on ${page.url()}: ${msg.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error on ${page.url()}: ${error.message}`));
}

async function firstLessonWithPractice(): Promise<string> {
  const index = await (await fetch(`${server.url}/content/index.json`)).json();
  for (const course of index.courses as { id: string; chunks: { vi: string } }[]) {
    const chunk = await (await fetch(new URL(course.chunks.vi, `${server.url}/content/`))).json();
    const lesson = (chunk.lessons as { id: string; practice?: string }[]).find((l) => l.practice);
    if (lesson) return `/courses/${course.id}/lessons/${lesson.id}`;
  }
  throw new Error('no lesson with a practice screen in the build');
}

describe.skipIf(!hasChromium)('Content-Security-Policy in the browser', () => {
  it('the resident screens work with zero violations, service worker included', async () => {
    const ctx = await watchedContext({ ...PHONE, permissions: ['camera'] });
    const page = await ctx.newPage();
    const home = await page.goto(server.url);
    expect(home!.headers()['content-security-policy']).toContain("script-src 'self'");
    await page.getByTestId('join-entry').waitFor();
    await waitOfflineReady(page);
    await page.reload();
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

    // A lesson with a practice screen, walked to the saved result.
    await page.goto(`${server.url}${await firstLessonWithPractice()}`);
    await finishLesson(page);

    // Settings: the chosen text size is applied (a style the app sets itself).
    await page.goto(`${server.url}/settings`);
    const rootSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    const before = await rootSize();
    await page.getByTestId('text-size-large').check();
    await expect.poll(rootSize).not.toBe(before);

    // The QR scan screen gets the camera (Permissions-Policy: camera=(self)).
    await page.goto(`${server.url}/household`);
    await page.getByTestId('scan-start').click();
    await expect.poll(() => page.getByTestId('scan-status').getAttribute('data-state'), { timeout: 20_000 }).toBe('scanning');
    await page.getByTestId('scan-stop').click();

    await ctx.close();
    expect(problems).toEqual([]);
  });

  it('the guide, the ward dashboard, the poster page and /verify work with zero violations', async () => {
    const password = await createGuideAccount(server);
    const ctx = await watchedContext();
    const guide = await ctx.newPage();
    await guide.goto(`${server.url}/guide`);
    await guide.getByLabel('Tên đăng nhập').fill('lan');
    await guide.getByLabel('Mật khẩu').fill(password);
    await guide.getByTestId('guide-login').click();
    await guide.getByTestId('guide-new-session').waitFor();
    await ctx.close();

    const office = await watchedContext({ locale: 'vi-VN' });
    const page = await office.newPage();
    await page.goto(`${server.url}/ward`);
    await page.getByLabel(/tên đăng nhập/i).fill('office');
    await page.getByLabel(/mật khẩu/i).fill('correct horse battery');
    await page.getByRole('button', { name: /đăng nhập/i }).click();
    await page.getByTestId('demo-banner').waitFor();
    await expect.poll(() => page.getByTestId('trend-chart').locator('table tbody tr').count(), { timeout: 15_000 }).toBeGreaterThan(0);

    // The admin's poster page draws its QR code as inline SVG.
    const admin = await watchedContext({ locale: 'vi-VN' });
    const posters = await admin.newPage();
    await posters.goto(`${server.url}/ward`);
    await posters.getByLabel(/tên đăng nhập/i).fill('admin');
    await posters.getByLabel(/mật khẩu/i).fill(adminPasswordFrom(server.output()));
    await posters.getByRole('button', { name: /đăng nhập/i }).click();
    await posters.getByRole('link', { name: 'In áp phích' }).click();
    await posters.getByTestId('poster').locator('svg').waitFor();
    // The print size follows the chosen format without an inline <style>.
    const pageRule = () => posters.evaluate(() => document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join(' '));
    expect(await pageRule()).toMatch(/@page \{ size: a4( portrait)?;/i);
    await posters.locator('select[name="format"]').selectOption('a3');
    await expect.poll(pageRule).toMatch(/@page \{ size: a3( portrait)?;/i);
    await admin.close();

    // The server-rendered check page keeps its own stricter policy, and its
    // inline <style> still applies (the page background is not white).
    const verify = await page.goto(`${server.url}/verify/ABCD-EFGH-JKLM`);
    expect(verify!.status()).toBe(404);
    expect(verify!.headers()['content-security-policy']).toMatch(/default-src 'none'.*frame-ancestors 'none'/);
    expect(await page.evaluate(() => getComputedStyle(document.body).backgroundColor)).toBe('rgb(243, 246, 249)');
    await office.close();

    expect(problems).toEqual([]);
  });

  it('every other screen renders with zero violations', async () => {
    // A resident's screens (with a registered identity), then the office's.
    const ctx = await watchedContext();
    const page = await ctx.newPage();
    await page.goto(server.url);
    await page.getByTestId('join-entry').waitFor();
    const visit = async (path: string) => {
      await page.goto(`${server.url}${path}`);
      await page.locator('h1').first().waitFor();
      await page.waitForLoadState('networkidle');
    };
    for (const path of ['/me', '/me/data', '/me/move', '/profiles', '/certificates', '/recover', '/privacy', '/join', '/courses/cyber-safety', '/tin', '/no-such-page']) await visit(path);
    await ctx.close();

    const office = await watchedContext({ locale: 'vi-VN' });
    const admin = await office.newPage();
    await admin.goto(`${server.url}/ward`);
    await admin.getByLabel(/tên đăng nhập/i).fill('admin');
    await admin.getByLabel(/mật khẩu/i).fill(adminPasswordFrom(server.output()));
    await admin.getByRole('button', { name: /đăng nhập/i }).click();
    await admin.getByTestId('demo-banner').waitFor();
    for (const path of ['/admin/staff', '/admin/ward', '/admin/news']) {
      await admin.goto(`${server.url}${path}`);
      await admin.locator('h1').first().waitFor();
      await admin.waitForLoadState('networkidle');
    }
    await office.close();

    expect(problems).toEqual([]);
  });
});
