// Practice screens in real Chromium at phone size: after one online visit,
// every lesson that has a practice opens OFFLINE, its simulator (a lazy
// chunk, precached) runs, and only after it the quiz leads to a completion.
// Also: the text-size and contrast settings survive a reload.
import { describe, it, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { hasChromium, PHONE } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/e2e-env.ts';
import { finishPractice } from '../support/practice-driver.ts';
import { finishLesson } from '../support/lesson-driver.ts';
import { wordsSplitAcrossLines } from '../support/layout-check.ts';
import { PRACTICE_IDS } from '../../shared/content/practice.ts';
import { waitOfflineReady } from '../support/offline-ready.ts';
import { setPhoneOffline } from '../support/network.ts';

const e2e = useServerAndBrowser();
const SIMULATOR_CHUNK = new RegExp(`/(${PRACTICE_IDS.join('|')})-[\\w-]+\\.js$`);

type Target = { practice: string; courseId: string; lessonId: string };

/** One lesson per practice id, read from the built content the way the phone reads it. */
async function lessonsWithPractice(): Promise<Target[]> {
  const index = await (await fetch(`${e2e.server.url}/content/index.json`)).json();
  const found = new Map<string, Target>();
  for (const course of index.courses as { id: string; chunks: { vi: string } }[]) {
    const chunk = await (await fetch(new URL(course.chunks.vi, `${e2e.server.url}/content/`))).json();
    for (const lesson of chunk.lessons as { id: string; practice?: string }[]) {
      if (lesson.practice && !found.has(lesson.practice)) found.set(lesson.practice, { practice: lesson.practice, courseId: course.id, lessonId: lesson.id });
    }
  }
  return [...found.values()];
}

async function playLesson(page: Page, t: Target) {
  await page.goto(`${e2e.server.url}/courses/${t.courseId}/lessons/${t.lessonId}`);
  await page.getByTestId('next-step').first().waitFor();
  while (await page.getByTestId('next-step').isVisible()) await page.getByTestId('next-step').click();
  // The quiz is not reachable before the practice.
  expect(await page.getByTestId('start-quiz').count()).toBe(0);
  await page.getByTestId('start-practice').click();
  expect(await page.getByTestId('start-quiz').count()).toBe(0);
  expect(await finishPractice(page)).toBe(t.practice);
  // The finished simulator fits a 360 px phone: no sideways scroll, no word split over lines.
  expect(await page.evaluate(() => document.documentElement.scrollWidth), t.practice).toBeLessThanOrEqual(360);
  expect(await wordsSplitAcrossLines(page, '[data-testid="practice"]'), t.practice).toEqual([]);
  await page.getByTestId('start-quiz').click();
  while (!(await page.getByTestId('lesson-complete').isVisible())) {
    await page.getByTestId('quiz-option-0').click();
    await page.getByTestId('quiz-next').click();
  }
  await expect.poll(() => page.getByTestId('lesson-complete').getAttribute('data-save')).toBe('saved');
}

describe.skipIf(!hasChromium)('practice screens', () => {
  it('finishes every practice and its quiz offline, after one online visit', async () => {
    const targets = await lessonsWithPractice();
    // Every simulator is reached from a lesson.
    expect(targets.map((t) => t.practice).sort()).toEqual([...PRACTICE_IDS].sort());
    console.info(`[e2e] practices with a lesson: ${targets.map((t) => t.practice).join(', ')}`);

    const context = await e2e.browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(e2e.server.url);
    await waitOfflineReady(page);
    // The home screen itself never fetched simulator code.
    const fetched = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name));
    expect(fetched.filter((u) => SIMULATOR_CHUNK.test(u))).toEqual([]);

    await setPhoneOffline(context, true);
    await page.reload();
    for (const t of targets) await playLesson(page, t);
    // The one basic skill without a simulator: the ward's own channels.
    await page.goto(`${e2e.server.url}/courses/local-platforms/lessons/ward-portal`);
    await finishLesson(page);
    await expect.poll(() => page.getByTestId('sync-pending').textContent()).toBe(String(targets.length + 1));
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);

    await setPhoneOffline(context, false);
    await expect.poll(() => page.getByTestId('sync-pending').textContent(), { timeout: 30_000 }).toBe('0');
    await context.close();
  });

  it('keeps the chosen text size and contrast across a reload; minor 1: larger text never splits a word in the header', async () => {
    const context = await e2e.browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(e2e.server.url);
    const rootSize = () => page.evaluate(() => getComputedStyle(document.documentElement).fontSize);
    expect(await rootSize()).toBe('18px');

    await page.getByTestId('settings-link').click();
    await page.getByTestId('text-size-xlarge').check();
    await page.getByTestId('contrast-high').check();
    expect(await rootSize()).toBe('24px');

    await page.reload();
    await page.getByTestId('text-size-xlarge').waitFor();
    expect(await rootSize()).toBe('24px');
    expect(await page.evaluate(() => document.documentElement.className.split(' ').sort())).toEqual(['high-contrast', 'text-xlarge']);
    expect(await page.getByTestId('text-size-xlarge').isChecked()).toBe(true);
    // Still no horizontal scroll at 360 px with the largest text.
    await page.goto(e2e.server.url);
    await page.getByTestId('settings-link').waitFor();
    expect(await rootSize()).toBe('24px');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // At every size, in both languages, the header's words stay whole and the
    // skip link stays out of sight until it has focus.
    for (const size of ['normal', 'large', 'xlarge']) {
      for (const lang of ['vi', 'en']) {
        await page.evaluate(([s, l]) => {
          localStorage.setItem('hvs.textSize', s);
          localStorage.setItem('hvs.language', l);
        }, [size, lang]);
        await page.reload();
        await page.getByTestId('settings-link').waitFor();
        // Read again until the header is there: the first screen's HTML is
        // replaced when the app starts, and a read in between finds no header.
        const readHeader = () => page.evaluate(() => {
          // A label split across lines has a text node whose boxes sit on more than one line.
          const lines = (el: Element) => {
            const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
            let most = 0;
            for (let node = walker.nextNode(); node; node = walker.nextNode()) {
              const range = document.createRange();
              range.selectNodeContents(node);
              most = Math.max(most, new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size);
            }
            return most;
          };
          const labels = [...document.querySelectorAll('.app-header .brand span, .settings-link, .language-switch button')];
          const skipLink = document.querySelector('.skip-link');
          if (!skipLink || labels.length === 0) return null;
          return {
            split: labels.filter((el) => lines(el) > 1).map((el) => el.textContent),
            skipLinkBottom: skipLink.getBoundingClientRect().bottom,
          };
        }).catch(() => null);
        await expect.poll(readHeader, { timeout: 10_000 }).not.toBeNull();
        const header = await readHeader();
        expect(header, `${size} ${lang}`).toEqual({ split: [], skipLinkBottom: expect.any(Number) });
        expect(header?.skipLinkBottom, `${size} ${lang}`).toBeLessThanOrEqual(0);
      }
    }
    await context.close();
  });
});
