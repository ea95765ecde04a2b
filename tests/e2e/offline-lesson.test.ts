// The foundation journey on a phone-sized Chromium: finish a lesson online,
// lose the network, reload, finish a second lesson offline, come back online,
// and find exactly those two completions, once each, in the ward's database —
// then see them on the ward page.
import { describe, it, expect } from 'vitest';
import { adminPasswordFrom } from '../support/server-process.ts';
import { hasChromium, PHONE } from '../support/browser.ts';
import { dbRows, useServerAndBrowser } from '../support/e2e-env.ts';
import { finishLesson } from '../support/lesson-driver.ts';
import { waitOfflineReady } from '../support/offline-ready.ts';
import { setPhoneOffline } from '../support/network.ts';

const e2e = useServerAndBrowser();

function completionsInDb() {
  return dbRows<{ lessonId: string; n: number }>(
    e2e.server,
    `SELECT lesson_id AS "lessonId", count(*) AS n FROM events WHERE type = 'lesson.completed' GROUP BY lesson_id ORDER BY lesson_id`,
  );
}

describe.skipIf(!hasChromium)('resident learns offline, the ward sees it once', () => {
  it('syncs two completions exactly once, one of them made offline across a reload', async () => {
    const context = await e2e.browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(e2e.server.url);

    // Vietnamese by default, no horizontal scroll at 360 px.
    await expect.poll(() => page.evaluate(() => document.documentElement.lang)).toBe('vi');
    const index = await (await fetch(`${e2e.server.url}/content/index.json`)).json();
    const course = index.courses.find((c: { id: string }) => c.id === 'public-services');
    const [first, second] = course.lessons.map((l: { id: string }) => l.id);

    await page.getByTestId('course-public-services').click();
    await page.getByTestId(`lesson-${first}`).click();
    await finishLesson(page);
    await expect.poll(() => page.getByTestId('sync-pending').textContent(), { timeout: 15_000 }).toBe('0');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    // The service worker has precached the shell and the content.
    await waitOfflineReady(page);

    await setPhoneOffline(context, true);
    await page.reload();
    await page.goto(`${e2e.server.url}/courses/public-services`);
    await page.getByTestId(`lesson-${second}`).click();
    await finishLesson(page);
    await expect.poll(() => page.getByTestId('sync-pending').textContent()).toBe('1');
    expect(await completionsInDb()).toEqual([{ lessonId: first, n: 1 }]);

    await setPhoneOffline(context, false);
    await expect.poll(() => page.getByTestId('sync-pending').textContent(), { timeout: 30_000 }).toBe('0');
    expect(await completionsInDb()).toEqual(
      [first, second].sort().map((lessonId) => ({ lessonId, n: 1 })),
    );

    // The ward office sees them arrive: a test clicks through a lesson in seconds,
    // faster than it can be read, so both wait for review (server/integrity) and
    // count once accepted.
    const ward = await e2e.browser.newPage();
    await ward.goto(`${e2e.server.url}/ward`);
    await ward.getByLabel(/tên đăng nhập/i).fill('admin');
    await ward.getByLabel(/mật khẩu/i).fill(adminPasswordFrom(e2e.server.output()));
    await ward.getByRole('button', { name: /đăng nhập/i }).click();
    await expect.poll(() => ward.getByTestId('stat-completions').textContent()).toBe('0');
    await ward.getByTestId('anomalies-load').click();
    await ward.getByTestId('anomaly-learners').getByRole('button', { name: 'Chấp nhận (tính vào số liệu)' }).click();
    await expect.poll(() => ward.getByTestId('anomaly-learners').textContent()).toContain('Đã chấp nhận 2 bản ghi');
    await ward.getByTestId('range-show').click();
    await expect.poll(() => ward.getByTestId('stat-completions').textContent()).toContain('2');
    await context.close();
  });
});
