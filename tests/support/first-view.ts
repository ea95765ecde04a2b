// What the first-visit tests (first-screen, first-lesson, first-course) read
// from a page: the text, class and place of each part a first view shows,
// when the app has drawn its own screen, and a slow connection for the
// app's entry.
import type { Page } from 'playwright-core';

export interface Part {
  sel: string;
  count: number;
  text?: string;
  cls?: string;
  box?: number[];
}

/** Text, class and place of the first element each selector finds, and how many it finds. */
export function layoutOf(page: Page, selectors: readonly string[]): Promise<Part[]> {
  return page.evaluate((list) => {
    return list.map((sel) => {
      const found = document.querySelectorAll(sel);
      const el = found[0] as HTMLElement | undefined;
      const box = el?.getBoundingClientRect();
      return { sel, count: found.length, text: el?.innerText.trim(), cls: el?.className, box: box && [box.x, box.y, box.width, box.height].map(Math.round) };
    });
  }, selectors);
}

/** Resolves once the app has drawn its first screen (main.tsx measures that render). */
export const appStarted = (page: Page) => page.waitForFunction(() => performance.getEntriesByName('hvs:first-render').length > 0);

/** The app's entry arrives `ms` after it is asked for; `asked` resolves when it has been asked for. */
export async function slowEntry(page: Page, ms = 1500): Promise<{ asked: Promise<void> }> {
  let done!: () => void;
  const asked = new Promise<void>((resolve) => (done = resolve));
  await page.route('**/assets/index-*.js', async (route) => {
    done();
    await new Promise((r) => setTimeout(r, ms));
    await route.continue();
  });
  return { asked };
}

/**
 * Counts, before every frame is painted once the page has been parsed, the
 * frames in which `selector` is missing: 0 means no frame showed neither the
 * HTML's screen nor the app's. (While the page is still being parsed, a
 * frame may show part of it, as any page does on a slow phone.) Read with
 * `framesWithout(page)`.
 */
export function countFramesWithout(selector: string): { content: string } {
  return {
    content: `window.__framesWithout = 0; requestAnimationFrame(function check() { if (document.readyState !== "loading" && !document.querySelector(${JSON.stringify(selector)})) window.__framesWithout++; if (!performance.getEntriesByName("hvs:first-render").length || performance.now() < 3000) requestAnimationFrame(check); });`,
  };
}

export const framesWithout = (page: Page) => page.evaluate(() => (window as unknown as { __framesWithout: number }).__framesWithout);
