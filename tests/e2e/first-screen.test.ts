// A first visit on a slow phone: the home screen arrives as HTML with the page
// (server/shell-hints.ts, tools/first-screen) and is readable before the app's
// script has run at all; when the app starts it draws the same screen in the
// same place, so nothing the resident is reading jumps or changes, and the
// buttons then work.
import { describe, expect, it } from 'vitest';
import { hasChromium, PHONE } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/e2e-env.ts';
import { layoutOf, slowEntry } from '../support/first-view.ts';

const e2e = useServerAndBrowser();

/** Text and place of everything the first view shows, by selector. */
const SHOWN = ['.app-header .brand', '[data-testid=settings-link]', '[data-testid=language-vi]', '[data-testid=language-en]', 'main h1', 'main p.lead', '[data-testid=welcome] h2', '[data-testid=welcome] p:not(.muted)', '[data-testid=welcome-next]', '[data-testid=welcome-skip]'];

describe.skipIf(!hasChromium)('the home screen on a first visit', () => {
  it('is readable before any script runs, and the app takes it over in place', async () => {
    // What the phone shows before the script: the same page with JavaScript off.
    const before = await e2e.browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const staticPage = await before.newPage();
    await staticPage.goto(e2e.server.url);
    const asHtml = await layoutOf(staticPage, SHOWN);
    await before.close();
    for (const item of asHtml) expect(item.count, item.sel).toBe(1);
    expect(asHtml.find((i) => i.sel === 'main h1')?.text).toBe('Học kỹ năng số');
    expect(asHtml.find((i) => i.sel === '[data-testid=welcome] p:not(.muted)')?.text).toMatch(/^Học vụ số dạy những việc thường ngày/);

    const context = await e2e.browser.newContext(PHONE);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    page.on('pageerror', (e) => errors.push(String(e)));
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.goto(e2e.server.url);
    // The app has rendered once the sync status (not in the HTML) is there.
    await page.getByTestId('sync-status').waitFor();
    // The course index was asked for once, with the app's code: the app used that answer.
    expect(asked.filter((p) => p === '/content/index.json')).toHaveLength(1);
    expect(await layoutOf(page, SHOWN)).toEqual(asHtml);
    // One screen, not the HTML's and the app's one above the other.
    expect(await page.locator('#app > main').count()).toBe(1);

    // The buttons are the app's: the welcome goes on to its second step.
    await page.getByTestId('welcome-next').click();
    await expect.poll(() => page.getByTestId('welcome').locator('h2').textContent()).toBe('Học được cả khi không có mạng');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('paints with the page\'s own bytes: no script is asked for until it has been shown', async () => {
    const context = await e2e.browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(e2e.server.url);
    await page.getByTestId('sync-status').waitFor();
    // The page's own clock: its first contentful paint and when each file was asked for.
    const { painted, scripts } = await page.evaluate(() => ({
      painted: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
      scripts: performance
        .getEntriesByType('resource')
        .filter((r) => /\.js$/.test(new URL(r.name).pathname))
        .map((r) => ({ path: new URL(r.name).pathname, at: r.startTime })),
    }));
    // The first script file asked for is the app's code, once the screen has painted: no file
    // of its own (first-screen.js is in the page) stands between the page and its first paint.
    expect(scripts.map((s) => s.path)).not.toContain('/first-screen.js');
    expect(scripts[0]?.path).toMatch(/^\/assets\/index-[^/]+\.js$/);
    expect(scripts[0].at).toBeGreaterThanOrEqual(painted);
    await context.close();
  });

  it('keeps a tap on the HTML made before the app has started, and the app carries it out', async () => {
    const context = await e2e.browser.newContext(PHONE);
    const page = await context.newPage();
    // A slow connection: the app's entry arrives a second and a half after it is asked for.
    const entry = await slowEntry(page);
    await page.goto(e2e.server.url);
    await entry.asked;
    expect(await page.getByTestId('sync-status').count()).toBe(0);
    // "Bỏ qua" on the HTML, before the app is there.
    await page.getByTestId('welcome-skip').click();
    await page.getByTestId('sync-status').waitFor();
    await expect.poll(() => page.getByTestId('welcome').count()).toBe(0);
    expect(await page.evaluate(() => localStorage.getItem('hvs.welcomed'))).toBe('1');
    await context.close();
  });

  it('is sent only to "/" and only in the default language of the build', async () => {
    const home = await (await fetch(e2e.server.url)).text();
    expect(home).toContain('data-testid="welcome"');
    // The entry is named for first-screen.js, in the page, to start once the screen is shown, not fetched alongside it.
    expect(home).toMatch(/<script type="module" data-entry="\/assets\/index-[^"]+\.js" data-preload="\/content\/index\.json">[^<]+<\/script>/);
    // Nothing but the page itself before the first paint: the styles are in it, the course index is asked for with the entry.
    expect(home).not.toMatch(/<link rel="(stylesheet|preload)"/);
    expect(home).not.toMatch(/<script type="module" crossorigin src="\/assets\/index-/);
    const settings = await (await fetch(`${e2e.server.url}/settings`)).text();
    expect(settings).toContain('<div id="app"></div>');
  });

  it('shows a resident who chose English the English screen, with none of the Vietnamese HTML left', async () => {
    const context = await e2e.browser.newContext(PHONE);
    await context.addInitScript(() => localStorage.setItem('hvs.language', 'en'));
    const page = await context.newPage();
    await page.goto(e2e.server.url);
    await page.getByTestId('sync-status').waitFor();
    expect(await page.locator('h1').allTextContents()).toEqual(['Learn digital skills']);
    expect(await page.locator('#app').innerText()).not.toContain('Học vụ số dạy');
    await context.close();
  });
});
