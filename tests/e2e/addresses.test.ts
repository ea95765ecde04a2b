// Addresses a resident arrives at from outside the app: a lesson link shared
// by a neighbour opens that lesson on a phone that has never seen the app,
// fetching its course once; a link cut mid-character (it cannot be decoded)
// shows the not-found screen with a way home, not a blank page.
import { describe, expect, it } from 'vitest';
import { hasChromium, PHONE } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/e2e-env.ts';

const e2e = useServerAndBrowser();

describe.skipIf(!hasChromium)('addresses from outside the app', () => {
  it('opens a shared lesson link on a new phone, its course fetched once', async () => {
    const index = await (await fetch(`${e2e.server.url}/content/index.json`)).json();
    const course = index.courses.find((c: { id: string }) => c.id === 'device-basics');
    const context = await e2e.browser.newContext(PHONE);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    const courseRequests: string[] = [];
    page.on('request', (r) => void (r.url().endsWith(course.chunks.vi) && courseRequests.push(r.url())));

    await page.goto(`${e2e.server.url}/courses/device-basics/lessons/${course.lessons[0].id}`);
    await expect.poll(() => page.locator('h1').textContent()).toBe(course.lessons[0].title.vi);
    expect(courseRequests).toHaveLength(1);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('shows the not-found screen for a link that cannot be decoded', async () => {
    const context = await e2e.browser.newContext(PHONE);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    for (const path of ['/courses/%E0%A4%A/lessons/x', '/courses/%E0%A4%A']) {
      await page.goto(`${e2e.server.url}${path}`);
      await expect.poll(() => page.locator('h1').textContent()).toBe('Không tìm thấy trang');
      await page.getByRole('link', { name: 'Về trang chủ' }).click();
      await expect.poll(() => page.locator('h1').textContent()).toBe('Học kỹ năng số');
    }
    expect(errors).toEqual([]);
    await context.close();
  });
});
