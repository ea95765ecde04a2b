// A resident's phone in a city of two localities, in a phone-sized Chromium:
// the poster's link /l/phuong-a/ is all they ever open. A lesson learned
// offline reaches locality A's store exactly once and never B's; the
// home-screen icon ("/") brings them back to A, offline too; after they move
// to B, a new lesson reaches B. Records still waiting when they move go to A,
// not B, and they are told so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { hasChromium, launchChromium, PHONE } from '../support/browser.ts';
import { sql } from 'drizzle-orm';
import { loadCatalog } from '../../server/resident/catalog.ts';
import { builtDist, testCityDeployments, type TestCity } from '../support/city-deployment.ts';
import { TEST_ENGINE } from '../support/server-database.ts';
import { finishLesson } from '../support/lesson-driver.ts';
import { waitOfflineReady } from '../support/offline-ready.ts';
import { setPhoneOffline } from '../support/network.ts';

const cities = testCityDeployments();
let city: TestCity;
let browser: Browser;
let lessons: string[];

beforeAll(async () => {
  if (!hasChromium) return;
  // The built courses: the phone's records are of the PWA's own lessons.
  city = await cities.start(TEST_ENGINE, { listen: true, catalog: loadCatalog(builtDist()) });
  await city.addLocality({ slug: 'phuong-a', name: 'Phường An Biên', kind: 'ward' });
  await city.addLocality({ slug: 'phuong-b', name: 'Phường Lê Chân', kind: 'ward' });
  // Both stores exist from the start, so "nothing in B" is read from B's own store.
  for (const slug of ['phuong-a', 'phuong-b']) expect((await fetch(`${city.url}/l/${slug}/api/v1/health`)).status).toBe(200);
  const index = await (await fetch(`${city.url}/content/index.json`)).json();
  lessons = index.courses.find((c: { id: string }) => c.id === 'public-services').lessons.map((l: { id: string }) => l.id);
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
  await city?.stop();
});

/** The lessons completed in a locality's own store, read as its office would. */
const completions = async (slug: string) =>
  (await city.stores.engineOf(slug)).all<{ lessonId: string; n: number }>(
    sql`SELECT lesson_id AS "lessonId", CAST(count(*) AS integer) AS n FROM events WHERE type = 'lesson.completed' GROUP BY lesson_id ORDER BY lesson_id`,
  );
const pathOf = (page: Page) => new URL(page.url()).pathname;

async function learn(page: Page, base: string, lessonId: string) {
  await page.goto(`${city.url}${base}/courses/public-services`);
  // The app's links keep the locality's prefix (the server's first view, before the app renders, cannot know it).
  const link = page.getByTestId(`lesson-${lessonId}`);
  await expect.poll(() => link.getAttribute('href'), { timeout: 15_000 }).toBe(`${base}/courses/public-services/lessons/${lessonId}`);
  await link.click();
  await expect.poll(() => pathOf(page), { timeout: 15_000 }).toBe(`${base}/courses/public-services/lessons/${lessonId}`);
  await finishLesson(page);
}

async function moveTo(page: Page, slug: string) {
  await page.getByTestId('settings-link').click();
  await page.getByTestId('locality-moved').click();
  await page.getByTestId(`locality-${slug}`).click();
}

describe.skipIf(!hasChromium)("a resident's phone keeps its locality", () => {
  it('learns offline in A, lands in A exactly once, reopens "/" in A, moves to B and learns there', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${city.url}/l/phuong-a/`);
    // In-app links keep the locality's prefix.
    await expect.poll(() => page.getByTestId('settings-link').getAttribute('href'), { timeout: 15_000 }).toBe('/l/phuong-a/settings');
    await waitOfflineReady(page);

    await setPhoneOffline(context, true);
    await page.reload(); // the locality's address, from the service worker's app shell
    await learn(page, '/l/phuong-a', lessons[0]);
    await expect.poll(() => page.getByTestId('sync-pending').textContent()).toBe('1');
    expect(await completions('phuong-a')).toEqual([]);

    await setPhoneOffline(context, false);
    await expect.poll(() => page.getByTestId('sync-pending').textContent(), { timeout: 30_000 }).toBe('0');
    expect(await completions('phuong-a')).toEqual([{ lessonId: lessons[0], n: 1 }]);
    expect(await completions('phuong-b')).toEqual([]);

    // The home-screen icon opens "/": the phone goes back to A, with no signal too.
    await setPhoneOffline(context, true);
    await page.goto(`${city.url}/`);
    await expect.poll(() => pathOf(page), { timeout: 15_000 }).toBe('/l/phuong-a/');
    await expect.poll(() => page.getByTestId('sync-pending').textContent()).toBe('0');
    await setPhoneOffline(context, false);

    // They move: B from the city's list, at 360 px.
    await page.getByTestId('settings-link').click();
    await expect.poll(() => page.getByTestId('locality-current').textContent()).toContain('Phường An Biên');
    await page.getByTestId('locality-moved').click();
    await page.getByTestId('locality-phuong-b').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    await page.getByTestId('locality-phuong-b').click();
    await expect.poll(() => pathOf(page), { timeout: 15_000 }).toBe('/l/phuong-b/');

    await learn(page, '/l/phuong-b', lessons[1]);
    // (The counter already read 0 before this lesson: B's store is what tells.)
    await expect.poll(() => completions('phuong-b'), { timeout: 30_000 }).toEqual([{ lessonId: lessons[1], n: 1 }]);
    await expect.poll(() => page.getByTestId('sync-pending').textContent(), { timeout: 30_000 }).toBe('0');
    expect(await completions('phuong-a')).toEqual([{ lessonId: lessons[0], n: 1 }]);

    await page.goto(`${city.url}/`);
    await expect.poll(() => pathOf(page), { timeout: 15_000 }).toBe('/l/phuong-b/');
    await context.close();
  });

  it('sends records still waiting when the resident moves to the old locality, never the new one', async () => {
    const context = await browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${city.url}/l/phuong-a/`);
    await expect.poll(() => page.getByTestId('settings-link').getAttribute('href'), { timeout: 15_000 }).toBe('/l/phuong-a/settings');
    // A's server cannot be reached (weak signal), the city's list can.
    await page.route('**/l/phuong-a/api/v1/**', (route) => route.abort('internetdisconnected'));
    await learn(page, '/l/phuong-a', lessons[2]);
    await expect.poll(() => page.getByTestId('sync-pending').textContent()).toBe('1');

    await moveTo(page, 'phuong-b');
    await expect.poll(() => page.getByTestId('locality-waiting').textContent()).toContain('Phường An Biên');
    await page.getByTestId('locality-confirm').click();
    await expect.poll(() => pathOf(page), { timeout: 15_000 }).toBe('/l/phuong-b/');
    expect((await completions('phuong-a')).some((c) => c.lessonId === lessons[2])).toBe(false);

    // A is reachable again: the next open sends the record to A, once.
    await page.unroute('**/l/phuong-a/api/v1/**');
    await page.reload();
    await expect.poll(async () => (await completions('phuong-a')).find((c) => c.lessonId === lessons[2])?.n ?? 0, { timeout: 30_000 }).toBe(1);
    await page.reload();
    await page.getByTestId('course-public-services').waitFor();
    await new Promise((r) => setTimeout(r, 1_000));
    expect((await completions('phuong-a')).find((c) => c.lessonId === lessons[2])?.n).toBe(1);
    expect((await completions('phuong-b')).some((c) => c.lessonId === lessons[2])).toBe(false);
    await context.close();
  });
});
