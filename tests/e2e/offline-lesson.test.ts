// The foundation journey on a phone-sized Chromium: finish a lesson online,
// lose the network, reload, finish a second lesson offline, come back online,
// and find exactly those two completions, once each, in the ward's SQLite —
// then see them on the ward page.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import Database from 'better-sqlite3';
import type { Browser } from 'playwright-core';
import { startServer, adminPasswordFrom, type RunningServer } from '../support/server-process.ts';
import { hasChromium, launchChromium, PHONE } from '../support/browser.ts';
import { finishLesson } from '../support/lesson-driver.ts';

let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  if (!hasChromium) return;
  server = await startServer();
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

function completionsInDb() {
  const db = new Database(server.dbFile, { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare("SELECT lesson_id AS lessonId, count(*) AS n FROM events WHERE type = 'lesson.completed' GROUP BY lesson_id ORDER BY lesson_id")
      .all() as { lessonId: string; n: number }[];
  } finally {
    db.close();
  }
}

describe.skipIf(!hasChromium)('resident learns offline, the ward sees it once', () => {
  it('syncs two completions exactly once, one of them made offline across a reload', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(server.url);

    // Vietnamese by default, no horizontal scroll at 360 px.
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('vi');
    const index = await (await fetch(`${server.url}/content/index.json`)).json();
    const course = index.courses.find((c: { id: string }) => c.id === 'public-services');
    const [first, second] = course.lessons.map((l: { id: string }) => l.id);

    await page.getByTestId('course-public-services').click();
    await page.getByTestId(`lesson-${first}`).click();
    await finishLesson(page);
    await expect.poll(() => page.getByTestId('sync-pending').textContent(), { timeout: 15_000 }).toBe('0');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // The service worker has precached the shell and the content.
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));

    await context.setOffline(true);
    await page.reload();
    await page.goto(`${server.url}/courses/public-services`);
    await page.getByTestId(`lesson-${second}`).click();
    await finishLesson(page);
    await expect.poll(() => page.getByTestId('sync-pending').textContent()).toBe('1');
    expect(completionsInDb()).toEqual([{ lessonId: first, n: 1 }]);

    await context.setOffline(false);
    await expect.poll(() => page.getByTestId('sync-pending').textContent(), { timeout: 30_000 }).toBe('0');
    expect(completionsInDb()).toEqual(
      [first, second].sort().map((lessonId) => ({ lessonId, n: 1 })),
    );

    // The ward office sees them arrive.
    const ward = await browser.newPage();
    await ward.goto(`${server.url}/ward`);
    await ward.getByLabel(/tên đăng nhập/i).fill('admin');
    await ward.getByLabel(/mật khẩu/i).fill(adminPasswordFrom(server.output()));
    await ward.getByRole('button', { name: /đăng nhập/i }).click();
    await expect.poll(() => ward.getByTestId('stat-completions').textContent()).toContain('2');
    await context.close();
  });
});
