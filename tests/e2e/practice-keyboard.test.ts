// Every practice screen, in real Chromium at phone size, with the keyboard
// only: from the lesson's last step to the quiz button, each control is
// reached by Tab and has a name, Enter and Space work it, focus is never
// dropped to the top of the page when a screen changes, and every right/wrong
// verdict is in a live region, so a screen reader says it.
import { describe, it, expect } from 'vitest';
import { hasChromium, PHONE } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/e2e-env.ts';
import { keyDrivers, keyWalker } from '../support/practice-keys.ts';
import { PRACTICE_IDS } from '../../shared/content/practice.ts';

const e2e = useServerAndBrowser();

type Target = { practice: string; courseId: string; lessonId: string };

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

describe.skipIf(!hasChromium)('practice screens with the keyboard only', () => {
  let targets: Target[] = [];

  it('has a keyboard walk for every practice screen a lesson opens', async () => {
    targets = await lessonsWithPractice();
    expect(targets.map((t) => t.practice).sort()).toEqual([...PRACTICE_IDS].sort());
    expect(Object.keys(keyDrivers).sort()).toEqual([...PRACTICE_IDS].sort());
  });

  it.each([...PRACTICE_IDS])('%s: reached by Tab, worked by Enter and Space, named, verdicts announced', async (practice) => {
    if (!targets.length) targets = await lessonsWithPractice();
    const t = targets.find((x) => x.practice === practice)!;
    const context = await e2e.browser.newContext(PHONE);
    const page = await context.newPage();
    await page.goto(`${e2e.server.url}/courses/${t.courseId}/lessons/${t.lessonId}`);
    await page.getByTestId('next-step').first().waitFor();
    const k = keyWalker(page, practice);
    // Through the lesson's steps and into the practice, by keyboard too.
    while (await page.getByTestId('next-step').isVisible()) {
      await k.tabTo('next-step');
      await page.keyboard.press('Enter');
    }
    await k.tabTo('start-practice');
    await page.keyboard.press('Enter');
    await page.locator(`[data-testid="sim-${practice}"]`).waitFor();
    await keyDrivers[practice](k, page);
    await page.getByTestId('practice-done').waitFor({ timeout: 5_000 });
    // The way on is reachable too.
    await k.tabTo('start-quiz');
    console.info(`[e2e] ${practice}: ${k.stops} Tab stops, ${k.verdicts} verdicts announced`);
    expect(k.problems).toEqual([]);
    expect(k.verdicts, 'at least one verdict announced').toBeGreaterThan(0);
    await context.close();
  }, 90_000);
});
