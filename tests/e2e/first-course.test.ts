// A first visit to a course's address — where a poster's QR code leads — on
// a slow phone: the course's page arrives as HTML with the page
// (server/shell-hints.ts, server/first-course.ts, tools/first-screen): its
// title, summary, progress and lesson list are readable before the app's
// script has run, and the app then draws the same page in the same place.
import { beforeAll, describe, expect, it } from 'vitest';
import { hasChromium, PHONE } from '../support/browser.ts';
import { useServerAndBrowser } from '../support/e2e-env.ts';
import { appStarted, countFramesWithout, framesWithout, layoutOf } from '../support/first-view.ts';

const e2e = useServerAndBrowser();

const SHOWN = [
  '.app-header .brand',
  '[data-testid=settings-link]',
  'nav.breadcrumb a',
  'main h1',
  '[data-testid=course-skill]',
  'main p.lead',
  'main .progress span',
  'main .progress progress',
  '[data-testid=share-course]',
  'main h2',
  'ol.lesson-list',
  'ol.lesson-list li:first-child a',
  'ol.lesson-list li:last-child a',
];

let course: { id: string; title: string; summary: string; lessons: { id: string; title: string }[] };

describe.skipIf(!hasChromium)('a course on a first visit', () => {
  beforeAll(async () => {
    const index = (await (await fetch(`${e2e.server.url}/content/index.json`)).json()) as {
      courses: { id: string; title: { vi: string }; summary: { vi: string }; lessons: { id: string; title: { vi: string } }[] }[];
    };
    const c = index.courses.find((x) => x.lessons.length > 1)!;
    course = { id: c.id, title: c.title.vi, summary: c.summary.vi, lessons: c.lessons.map((l) => ({ id: l.id, title: l.title.vi })) };
  });

  it('is readable before any script runs, and the app takes it over in place', async () => {
    const before = await e2e.browser.newContext({ ...PHONE, javaScriptEnabled: false });
    const staticPage = await before.newPage();
    await staticPage.goto(`${e2e.server.url}/courses/${course.id}`);
    const asHtml = await layoutOf(staticPage, SHOWN);
    expect(await staticPage.locator('ol.lesson-list > li').count()).toBe(course.lessons.length);
    await before.close();
    for (const item of asHtml) expect(item.count, item.sel).toBe(1);
    expect(asHtml.find((i) => i.sel === 'main h1')?.text).toBe(course.title);
    expect(asHtml.find((i) => i.sel === 'main p.lead')?.text).toBe(course.summary);
    expect(asHtml.find((i) => i.sel === 'main .progress span')?.text).toBe(`Đã học 0/${course.lessons.length} bài`);
    expect(asHtml.find((i) => i.sel === 'ol.lesson-list li:first-child a')?.text).toContain(course.lessons[0].title);
    expect(asHtml.find((i) => i.sel === 'ol.lesson-list li:first-child a')?.text).toContain('Chưa học');

    const context = await e2e.browser.newContext(PHONE);
    await context.addInitScript(countFramesWithout('#app ol.lesson-list li'));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (m) => void (m.type() === 'error' && errors.push(m.text())));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`${e2e.server.url}/courses/${course.id}`);
    await appStarted(page);
    expect(await layoutOf(page, SHOWN)).toEqual(asHtml);
    expect(await page.locator('#app > main').count()).toBe(1);
    await page.waitForTimeout(500);
    expect(await framesWithout(page)).toBe(0);

    // The list is the app's: a lesson opens.
    await page.getByTestId(`lesson-${course.lessons[0].id}`).click();
    await expect.poll(() => page.locator('article.lesson h1').textContent(), { timeout: 5000 }).toBe(course.lessons[0].title);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('is sent only for a course of the build', async () => {
    const html = await (await fetch(`${e2e.server.url}/courses/${course.id}`)).text();
    expect(html).toContain(`<h1>${course.title}</h1>`);
    expect(html).toMatch(/<script type="module" data-entry="\/assets\/index-[^"]+\.js" data-preload="\/content\/index\.json" data-modules="\/assets\/course-page-[^"]+\.js[^"]*">[^<]+<\/script>/);
    const unknown = await (await fetch(`${e2e.server.url}/courses/no-such-course`)).text();
    expect(unknown).toContain('<div id="app"></div>');
  });
});
