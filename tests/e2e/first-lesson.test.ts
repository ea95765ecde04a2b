// A first visit to a lesson's address (a link shared in a Zalo group, a QR
// code on a poster) on a slow phone: the lesson's first screen arrives as
// HTML with the page (server/shell-hints.ts, server/first-lesson.ts,
// tools/first-screen) and is readable before the app's script has run; when
// the app starts it draws the same screen in the same place, and a tap on
// "Bắt đầu học" made before then is carried out.
import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, PHONE } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/e2e-env.ts';
import { appStarted, countFramesWithout, framesWithout, layoutOf, slowEntry } from '../support/first-view.ts';

const e2e = useServerAndBrowser();

/** Text and place of everything the first screen shows, by selector. */
const SHOWN = [
  '.app-header .brand',
  '[data-testid=settings-link]',
  '[data-testid=language-vi]',
  'nav.breadcrumb a',
  'article.lesson h1',
  '#screen-heading',
  'p.goal',
  '.lesson-screen p.muted',
  '.lesson-screen .prose > p:first-child',
  '[data-testid=next-step]',
  'details.sources summary',
];

interface Lesson {
  address: string;
  chunk: string;
  title: string;
  goal: string;
  courseTitle: string;
  steps: number;
}

let lesson: Lesson;

describe.skipIf(!hasChromium)('a lesson on a first visit', () => {
  beforeAll(async () => {
    // The first course of the build's catalog and its first lesson, as the server has them.
    const index = (await (await fetch(`${e2e.server.url}/content/index.json`)).json()) as {
      courses: { id: string; title: { vi: string }; chunks: { vi: string }; lessons: { id: string }[] }[];
    };
    const course = index.courses.find((c) => c.lessons.length > 0)!;
    const chunk = (await (await fetch(`${e2e.server.url}${course.chunks.vi}`)).json()) as { lessons: { id: string; title: string; goal: string; steps: unknown[] }[] };
    const first = chunk.lessons[0];
    lesson = {
      address: `/courses/${course.id}/lessons/${first.id}`,
      chunk: course.chunks.vi,
      title: first.title,
      goal: first.goal,
      courseTitle: course.title.vi,
      steps: first.steps.length,
    };
  });

  it('is readable before any script runs, and the app takes it over in place', async () => {
    const before = await e2e.browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const staticPage = await before.newPage();
    await staticPage.goto(e2e.server.url + lesson.address);
    const asHtml = await layoutOf(staticPage, SHOWN);
    await before.close();
    for (const item of asHtml) expect(item.count, item.sel).toBe(1);
    expect(asHtml.find((i) => i.sel === 'article.lesson h1')?.text).toBe(lesson.title);
    expect(asHtml.find((i) => i.sel === 'p.goal')?.text).toBe(lesson.goal);
    expect(asHtml.find((i) => i.sel === 'nav.breadcrumb a')?.text).toBe(`← ${lesson.courseTitle}`);
    expect(asHtml.find((i) => i.sel === '[data-testid=next-step]')?.text).toBe('Bắt đầu học →');

    const context = await e2e.browser.newContext(PHONE);
    // Before every frame is painted once the page is there: is the lesson's title on the screen? (No frame shows neither screen.)
    await context.addInitScript(countFramesWithout('#app article.lesson h1'));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    page.on('pageerror', (e) => errors.push(String(e)));
    const asked: string[] = [];
    page.on('request', (r) => asked.push(new URL(r.url()).pathname));
    await page.goto(e2e.server.url + lesson.address);
    await appStarted(page);
    // The course's lessons were asked for once, when the app started: the app used that answer.
    expect(asked.filter((p) => p === lesson.chunk)).toHaveLength(1);
    expect(asked.filter((p) => p === '/content/index.json')).toHaveLength(1);
    expect(await layoutOf(page, SHOWN)).toEqual(asHtml);
    // One screen, not the HTML's and the app's one above the other.
    expect(await page.locator('#app > main').count()).toBe(1);
    expect(await page.locator('#app > footer').count()).toBe(1);
    await page.waitForTimeout(500);
    expect(await framesWithout(page)).toBe(0);

    // The buttons are the app's: "Bắt đầu học" goes to the first step.
    await page.getByTestId('next-step').click();
    await expect.poll(() => page.getByTestId('step-counter').textContent()).toBe(`Bước 1/${lesson.steps}`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('keeps a tap on "Bắt đầu học" made before the app has started, and the app carries it out', async () => {
    const context = await e2e.browser.newContext(PHONE);
    const page = await context.newPage();
    // A slow connection: the app's entry arrives a second and a half after it is asked for.
    const entry = await slowEntry(page);
    await page.goto(e2e.server.url + lesson.address);
    await entry.asked;
    expect(await page.getByTestId('step-counter').count()).toBe(0);
    await page.getByTestId('next-step').click();
    await appStarted(page);
    await expect.poll(() => page.getByTestId('step-counter').textContent(), { timeout: 5000 }).toBe(`Bước 1/${lesson.steps}`);
    await context.close();
  });

  it('is sent only for a lesson of the build, with its styles in the page and its code and course asked for later', async () => {
    const response = await fetch(e2e.server.url + lesson.address);
    const html = await response.text();
    expect(html).toContain(`<h1>${lesson.title}</h1>`);
    expect(html).toMatch(new RegExp(`<script type="module" data-entry="/assets/index-[^"]+\\.js" data-preload="/content/index\\.json ${lesson.chunk.replace(/\./g, '\\.')}" data-modules="/assets/lesson-screen-[^"]+\\.js[^"]*">[^<]+</script>`));
    expect(html).not.toMatch(/<link rel="(stylesheet|modulepreload)"|<link rel="preload" href="[^"]+" as="fetch"/);
    // Every inline stylesheet and the starter script are allowed by their hashes, and nothing else inline is.
    const csp = response.headers.get('content-security-policy') ?? '';
    const inline = [...html.matchAll(/<style>/g)].length;
    expect(inline).toBeGreaterThanOrEqual(2);
    expect([...html.matchAll(/<script\b/g)]).toHaveLength(1);
    expect([...csp.matchAll(/'sha256-[^']+'/g)]).toHaveLength(inline + 1);

    // An address that is not a lesson of this build gets no lesson's words.
    const unknown = await (await fetch(`${e2e.server.url}/courses/no-such-course/lessons/01`)).text();
    expect(unknown).toContain('<div id="app"></div>');
  });

  it('shows a resident who chose English the English lesson, with none of the Vietnamese HTML left', async () => {
    const context = await e2e.browser.newContext(PHONE);
    await context.addInitScript(() => localStorage.setItem('hvs.language', 'en'));
    const page = await context.newPage();
    await page.goto(e2e.server.url + lesson.address);
    await appStarted(page);
    await expect.poll(() => page.locator('#screen-heading').textContent(), { timeout: 5000 }).toBe('What you will learn');
    expect(await page.locator('#app').innerText()).not.toContain(lesson.goal);
    await context.close();
  });
});
