// How fast a lesson opens on a warm, offline phone: Chromium at 360×740 with
// the CPU slowed 4× (CDP Emulation.setCPUThrottlingRate), against the real
// server and the production build in dist/ (build it first with
// `npx vite build`). Warm-up: the service worker installs and takes the page,
// one lesson is opened; then the network goes off. Each of the
// BENCH_LESSON_OPENS (default 20) openings starts on a course's lesson list
// (reached from home through the course card, then 300 ms of reading),
// clicks a lesson (courses and lessons in turn) and ends at the first frame
// after the lesson's first screen (its goal, with the "next" button) is on
// screen, timed inside the page.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH, PHONE } from '../../support/browser.ts';
import { PROJECT_ROOT, startServer } from '../../support/server-process.ts';
import type { BenchSection } from './types.ts';
import { setPhoneOffline } from '../../support/network.ts';

const BUDGET_MS = 100;
/** Time on the lesson list before the tap. */
const READ_MS = 300;

type Index = { courses: { id: string; order: number; lessons: { id: string }[] }[] };

// Runs inside the page. A plain string: the test runner's compiler would
// otherwise add helpers to a function that do not exist in the page.
const TIME_OPENING = `(id) => new Promise((resolve, reject) => {
  const link = document.querySelector('[data-testid="lesson-' + id + '"]');
  if (!link) return reject(new Error('no link to lesson ' + id));
  const shown = () => {
    const goal = document.querySelector('.lesson-screen .goal');
    return goal !== null && goal.getBoundingClientRect().height > 0 && document.querySelector('[data-testid="next-step"]') !== null;
  };
  const t0 = performance.now();
  const done = () => requestAnimationFrame(() => resolve(performance.now() - t0));
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    observer.disconnect();
    done();
  });
  observer.observe(document.body, { childList: true, subtree: true });
  link.click();
  if (shown()) {
    observer.disconnect();
    done();
  }
})`;

/** Clicks the lesson link and resolves with the ms until the first frame with the lesson's first screen. */
function timeOpening(page: Page, lessonId: string): Promise<number> {
  return page.evaluate(`(${TIME_OPENING})(${JSON.stringify(lessonId)})`) as Promise<number>;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export const lessonOpenSection: BenchSection = {
  name: 'lesson-open',
  title: 'opening a lesson from the course list: warm, offline, CPU 4× slower',
  async run() {
    const opens = Number(process.env.BENCH_LESSON_OPENS ?? 20);
    const index = JSON.parse(readFileSync(join(PROJECT_ROOT, 'dist/content/index.json'), 'utf8')) as Index;
    const courses = [...index.courses].sort((a, b) => a.order - b.order);
    const server = await startServer();
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, headless: true });
    try {
      const ctx = await browser.newContext(PHONE);
      const page = await ctx.newPage();
      // Warm: install the service worker, let it take the page, open one lesson.
      await page.goto(server.url + '/');
      await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
      await page.reload();
      await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
      const first = courses[0];
      await page.goto(`${server.url}/courses/${first.id}/lessons/${first.lessons[0].id}`);
      await page.getByTestId('next-step').waitFor();
      await page.goto(server.url + '/');
      await page.getByTestId(`course-${first.id}`).waitFor();
      // Home lists the first courses; "all courses" stays open for the visit.
      await page.getByTestId('all-courses').click();

      await setPhoneOffline(ctx, true);
      const cdp = await ctx.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });

      const times: number[] = [];
      for (let i = 0; i < opens; i++) {
        const course = courses[i % courses.length];
        const lesson = course.lessons[Math.floor(i / courses.length) % course.lessons.length];
        // To the course's lesson list the way a resident goes: home, then the course card.
        await page.locator('header .brand').click();
        await page.getByTestId(`course-${course.id}`).click();
        await page.getByTestId(`lesson-${lesson.id}`).waitFor();
        // A resident reads the list before tapping; nobody taps within 300 ms of it appearing.
        await page.waitForTimeout(READ_MS);
        times.push(await timeOpening(page, lesson.id));
      }
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      const med = median(times);
      const max = Math.max(...times);
      console.log(`lesson opening over ${opens} openings (${courses.length} courses in turn): median ${med.toFixed(1)} ms, max ${max.toFixed(1)} ms (budget ${BUDGET_MS} ms)`);
      console.log(`  each: ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
      const missed: string[] = [];
      if (med > BUDGET_MS) missed.push(`median lesson opening ${med.toFixed(1)} ms > ${BUDGET_MS} ms`);
      if (max > BUDGET_MS) missed.push(`slowest lesson opening ${max.toFixed(1)} ms > ${BUDGET_MS} ms`);
      return missed;
    } finally {
      await browser.close();
      await server.stop();
    }
  },
};
