// Choosing English on a phone: the English strings are a chunk of their own
// (Vietnamese is the first download), precached by the service worker, so the
// switch works offline; after a reload the first screen is English from its
// very first paint, never Vietnamese first.
import { describe, expect, it } from 'vitest';
import { hasChromium, PHONE } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/e2e-env.ts';
import { setPhoneOffline } from '../support/network.ts';

const e2e = useServerAndBrowser();

describe.skipIf(!hasChromium)('a resident switches to English', () => {
  it('switches offline, and the next start paints English first', async () => {
    const context = await e2e.browser.newContext(PHONE);
    // Every text the page's first <h1> ever shows, from the start of each load.
    await context.addInitScript(() => {
      const seen: string[] = ((window as unknown as { h1Texts: string[] }).h1Texts = []);
      new MutationObserver(() => {
        const text = document.querySelector('h1')?.textContent;
        if (text && seen[seen.length - 1] !== text) seen.push(text);
      }).observe(document, { subtree: true, childList: true, characterData: true });
    });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    const h1Texts = () => page.evaluate(() => (window as unknown as { h1Texts: string[] }).h1Texts);

    await page.goto(e2e.server.url);
    await expect.poll(() => page.locator('h1').textContent()).toBe('Học kỹ năng số');
    // Offline use starts once home says the lessons are stored (the shell, then the courses in Vietnamese).
    await expect.poll(() => page.getByTestId('offline-ready').getAttribute('data-state'), { timeout: 60_000 }).toBe('ready');
    // Nothing in English was downloaded for the Vietnamese screen.
    const englishChunk = await page.evaluate(() => performance.getEntriesByType('resource').some((r) => /\/en-strings-/.test(r.name)));
    expect(englishChunk).toBe(false);

    await setPhoneOffline(context, true);
    await page.getByTestId('language-en').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Learn digital skills');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');

    await page.reload();
    await expect.poll(() => page.locator('h1').textContent()).toBe('Learn digital skills');
    expect(await h1Texts()).toEqual(['Learn digital skills']);

    // A course's page comes in English too, offline.
    const index = await (await fetch(`${e2e.server.url}/content/index.json`)).json();
    const course = index.courses.find((c: { id: string }) => c.id === 'public-services');
    await page.getByTestId('course-public-services').click();
    await expect.poll(() => page.locator('h1').textContent()).toBe(course.title.en);
    expect(errors).toEqual([]);
    await context.close();
  });
});
