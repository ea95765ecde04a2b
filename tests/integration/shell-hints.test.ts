// The shell the server sends for a course's or a lesson's address names that
// screen's code, styles, course and first picture, so a phone fetches them
// alongside the entry instead of one round trip later. Other addresses get
// index.html as built; an address the catalog does not know gets no course.
// Where the build has a lesson template, a lesson's shell carries its first
// screen as HTML, its words escaped, with the styles inline.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTestApp, type TestApp } from './helpers.ts';

const INDEX_HTML = '<!doctype html><html><head><title>Học vụ số</title><script type="module" src="/assets/index-A.js"></script></head><body><div id="app"></div></body></html>';
const HINTS = {
  course: { modulepreload: ['/assets/course-page-C.js'], stylesheet: [] },
  lesson: { modulepreload: ['/assets/lesson-page-L.js', '/assets/lesson-M.js'], stylesheet: ['/assets/lesson-S.css'] },
};
const CONTENT_INDEX = {
  courses: [
    { id: 'device-basics', chunks: { vi: '/content/device-basics.vi.1.json', en: '/content/device-basics.en.1.json' }, lessons: [{ id: 'touch' }, { id: 'plain' }] },
    // A fixture local course, taught only in one locality.
    { id: 'fixture-local', localities: ['kien-an'], chunks: { vi: '/content/fixture-local.vi.1.json', en: '/content/fixture-local.en.1.json' }, lessons: [{ id: 'hotline' }] },
  ],
};
const CHUNK = {
  lessons: [
    { id: 'touch', intro: '<p>Chạm nhẹ.</p><p><img src="/content/images/device-basics/gestures.1.svg" alt="Bốn thao tác" width="400" height="150"></p>' },
    { id: 'plain', intro: '<p>Không có hình.</p>' },
  ],
};

/** The starter as web/public holds it, and as the page carries it inline (its whole-line comments dropped). */
const STARTER_FILE = "// Starts the app.\nconst script = document.querySelector('script[data-entry]');\nvoid import(script.dataset.entry);\n";
const STARTER = "const script = document.querySelector('script[data-entry]');\nvoid import(script.dataset.entry);";
const starterHash = `'sha256-${createHash('sha256').update(STARTER).digest('base64')}'`;

let t: TestApp;
let dist: string;
beforeAll(() => {
  dist = mkdtempSync(join(tmpdir(), 'hvs-dist-hints-'));
  mkdirSync(join(dist, 'content'));
  writeFileSync(join(dist, 'index.html'), INDEX_HTML);
  writeFileSync(join(dist, 'route-hints.json'), JSON.stringify(HINTS));
  writeFileSync(join(dist, 'content/index.json'), JSON.stringify(CONTENT_INDEX));
  writeFileSync(join(dist, 'content/device-basics.vi.1.json'), JSON.stringify(CHUNK));
  t = setupTestApp({ config: { distDir: dist } });
});
afterAll(async () => {
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

const head = async (path: string, encoding = 'gzip, deflate, br') => {
  const res = await t.request(path, { headers: { 'accept-encoding': encoding } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/text\/html/);
  expect(res.headers.get('cache-control')).toBe('no-cache');
  const raw = Buffer.from(await res.arrayBuffer());
  const html = res.headers.get('content-encoding') === 'br' ? brotliDecompressSync(raw).toString() : raw.toString();
  return { res, html, links: html.match(/<link [^>]+>/g) ?? [] };
};

describe('the shell for a lesson or a course', () => {
  it('names a lesson screen\'s code, styles, course and first picture, compressed', async () => {
    const { res, html, links } = await head('/courses/device-basics/lessons/touch');
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('vary')).toMatch(/accept-encoding/i);
    // The lesson's content and picture first, ahead of the entry script: asked for before a dozen scripts on a slow network.
    expect(links).toEqual([
      '<link rel="preload" href="/content/device-basics.vi.1.json" as="fetch" crossorigin="anonymous">',
      '<link rel="preload" href="/content/images/device-basics/gestures.1.svg" as="image">',
      '<link rel="modulepreload" crossorigin href="/assets/lesson-page-L.js">',
      '<link rel="modulepreload" crossorigin href="/assets/lesson-M.js">',
      '<link rel="stylesheet" crossorigin href="/assets/lesson-S.css">',
    ]);
    expect(html.indexOf('/content/device-basics.vi.1.json')).toBeLessThan(html.indexOf('<script type="module"'));
    // Everything else is index.html as built.
    expect(html.replace(/\s*<link [^>]+>/g, '').replace(/\s+<\/head>/, '</head>').replace(/\s+<script/, '<script')).toBe(INDEX_HTML);
  });

  it('sends plain HTML to a browser without Brotli', async () => {
    const { res, links } = await head('/courses/device-basics/lessons/touch', 'gzip');
    expect(res.headers.get('content-encoding')).toBeNull();
    expect(links).toHaveLength(5);
  });

  it('names no picture when the first screen has none, and no course the catalog lacks', async () => {
    expect((await head('/courses/device-basics/lessons/plain')).links.filter((l) => /as="image"/.test(l))).toEqual([]);
    expect((await head('/courses/device-basics/lessons/no-such-lesson')).links.filter((l) => /as="image"/.test(l))).toEqual([]);
    const unknown = await head('/courses/no-such-course/lessons/x');
    expect(unknown.links.some((l) => l.includes('/content/'))).toBe(false);
    expect(unknown.links).toContain('<link rel="modulepreload" crossorigin href="/assets/lesson-page-L.js">');
    expect((await head('/courses/%E0%A4%A/lessons/x')).links).toHaveLength(3);
  });

  it('names a course screen\'s code on its lesson list', async () => {
    expect((await head('/courses/device-basics')).links).toEqual(['<link rel="modulepreload" crossorigin href="/assets/course-page-C.js">']);
  });

  it('leaves other addresses with index.html as built', async () => {
    for (const path of ['/', '/settings', '/courses/device-basics/lessons/touch/extra']) {
      const { html } = await head(path, 'identity');
      expect(html).toBe(INDEX_HTML);
    }
  });
});

describe('the shell for a local course', () => {
  it("names its course only in the locality's app it is taught in", async () => {
    const local = setupTestApp({ config: { distDir: dist, locality: 'kien-an' } });
    const other = setupTestApp({ config: { distDir: dist, locality: 'le-chan' } });
    try {
      const shellOf = async (app: TestApp) => (await (await app.request('/courses/fixture-local/lessons/hotline', { headers: { 'accept-encoding': 'identity' } })).text()).includes('/content/fixture-local.vi.1.json');
      expect([await shellOf(local), await shellOf(other), await shellOf(t)]).toEqual([true, false, false]);
    } finally {
      await local.close();
      await other.close();
    }
  });
});

describe('the shell for "/"', () => {
  const FIRST_SCREEN = '<header><a href="/" class="brand">Học vụ số</a><a data-testid="settings-link" href="/settings">Cài đặt</a></header><main id="main"><h1>Học kỹ năng số</h1></main>';
  const STYLES = 'h1{font-size:1.5rem}';
  const HOME_INDEX = INDEX_HTML.replace('</head>', '<link rel="preload" href="/content/index.json" as="fetch" crossorigin="anonymous" /><link rel="stylesheet" href="/assets/index-S.css"></head>');
  let home: TestApp;
  let homeDist: string;
  beforeAll(() => {
    homeDist = mkdtempSync(join(tmpdir(), 'hvs-dist-home-'));
    writeFileSync(join(homeDist, 'index.html'), HOME_INDEX);
    writeFileSync(join(homeDist, 'route-hints.json'), JSON.stringify(HINTS));
    writeFileSync(join(homeDist, 'first-screen.html'), FIRST_SCREEN);
    writeFileSync(join(homeDist, 'first-screen.js'), STARTER_FILE);
    mkdirSync(join(homeDist, 'assets'));
    writeFileSync(join(homeDist, 'assets/index-S.css'), STYLES);
    home = setupTestApp({ config: { distDir: homeDist } });
  });
  afterAll(async () => {
    await home.close();
    rmSync(homeDist, { recursive: true, force: true });
  });

  it('carries the home screen as HTML, and starts the entry once that has painted', async () => {
    const res = await home.request('/', { headers: { 'accept-encoding': 'br' } });
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    const html = brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString();
    expect(html).toContain(`<div id="app">${FIRST_SCREEN}</div>`);
    // The entry is fetched and run by first-screen.js, in the page, once the screen is shown.
    // So is what the app fetches first: asked for then, not alongside the page.
    expect(html).toContain(`<script type="module" data-entry="/assets/index-A.js" data-preload="/content/index.json">${STARTER}</script>`);
    expect(html).not.toContain('src="/first-screen.js"');
    expect(html).not.toContain('<link rel="preload"');
    // The stylesheet, all the first paint waits for, is in the page: no request of its own.
    expect(html).toContain(`<style>${STYLES}</style>`);
    expect(html).not.toContain('index-S.css');
    // Allowed by the page's policy by its hash alone, not by 'unsafe-inline'.
    const hash = createHash('sha256').update(STYLES).digest('base64');
    expect(res.headers.get('content-security-policy')).toContain(`style-src 'self' 'sha256-${hash}'`);
    expect(res.headers.get('content-security-policy')).toContain(`script-src 'self' ${starterHash}`);
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-inline');
    expect(html).not.toContain('<script type="module" src="/assets/index-A.js">');
  });

  it('leaves every other address with index.html as built', async () => {
    const res = await home.request('/settings', { headers: { 'accept-encoding': 'identity' } });
    expect(await res.text()).toBe(HOME_INDEX);
  });

  it("gives its links the locality's prefix in a locality's app, so a tap before the app starts stays there", async () => {
    const local = setupTestApp({ config: { distDir: homeDist, locality: 'kien-an' } });
    try {
      const html = await (await local.request('/', { headers: { 'accept-encoding': 'identity' } })).text();
      expect(html).toContain('<header><a href="/l/kien-an/" class="brand">Học vụ số</a><a data-testid="settings-link" href="/l/kien-an/settings">Cài đặt</a></header>');
    } finally {
      await local.close();
    }
  });
});

describe('the shell for a lesson, with its first screen', () => {
  const TEMPLATE =
    '<nav><a href="<!--hvs:courseHref-->">← <!--hvs:courseTitle--></a></nav><h1><!--hvs:title--></h1><p class="goal"><!--hvs:goal--></p>' +
    '<p class="muted"><!--hvs:steps--> bước, khoảng <!--hvs:minutes--> phút</p><!--hvs:intro-->' +
    '<details class="sources"><summary>Nguồn</summary><ul><!--hvs:sources--></ul></details>';
  const APP_STYLES = 'h1{font-size:1.5rem}';
  const LESSON_STYLES = '.goal{font-weight:600}';
  const LESSON_INDEX = INDEX_HTML.replace('</head>', '<link rel="preload" href="/content/index.json" as="fetch" crossorigin="anonymous" /><link rel="stylesheet" href="/assets/index-S.css"></head>');
  const LESSONS = {
    lessons: [
      { id: 'touch', title: 'Chạm <và> vuốt', goal: 'Biết chạm & vuốt.', minutes: 5, steps: [{}, {}, {}], sources: ['<a href="https://example.org/a">Bài A</a>'], intro: CHUNK.lessons[0].intro },
      { id: 'plain', title: 'Bài không nguồn', goal: 'Mục tiêu.', minutes: 3, steps: [{}], sources: [] },
    ],
  };
  let app: TestApp;
  let lessonDist: string;
  beforeAll(() => {
    lessonDist = mkdtempSync(join(tmpdir(), 'hvs-dist-lesson-'));
    mkdirSync(join(lessonDist, 'content'));
    mkdirSync(join(lessonDist, 'assets'));
    writeFileSync(join(lessonDist, 'index.html'), LESSON_INDEX);
    writeFileSync(join(lessonDist, 'route-hints.json'), JSON.stringify(HINTS));
    writeFileSync(join(lessonDist, 'first-screen.lesson.html'), TEMPLATE);
    writeFileSync(join(lessonDist, 'first-screen.js'), STARTER_FILE);
    writeFileSync(join(lessonDist, 'assets/index-S.css'), APP_STYLES);
    writeFileSync(join(lessonDist, 'assets/lesson-S.css'), LESSON_STYLES);
    writeFileSync(join(lessonDist, 'content/index.json'), JSON.stringify({ courses: [{ ...CONTENT_INDEX.courses[0], title: { vi: 'Làm quen', en: 'First steps' } }] }));
    writeFileSync(join(lessonDist, 'content/device-basics.vi.1.json'), JSON.stringify(LESSONS));
    app = setupTestApp({ config: { distDir: lessonDist } });
  });
  afterAll(async () => {
    await app.close();
    rmSync(lessonDist, { recursive: true, force: true });
  });

  const shell = async (path: string) => {
    const res = await app.request(path, { headers: { 'accept-encoding': 'br' } });
    expect(res.status).toBe(200);
    return { res, html: brotliDecompressSync(Buffer.from(await res.arrayBuffer())).toString() };
  };

  it("carries the lesson's first screen as HTML, its words escaped, and starts the entry once that has painted", async () => {
    const { res, html } = await shell('/courses/device-basics/lessons/touch');
    expect(html).toContain(
      '<div id="app"><nav><a href="/courses/device-basics">← Làm quen</a></nav><h1>Chạm &lt;và&gt; vuốt</h1><p class="goal">Biết chạm &amp; vuốt.</p>' +
        `<p class="muted">3 bước, khoảng 5 phút</p><div class="prose">${CHUNK.lessons[0].intro}</div>` +
        '<details class="sources"><summary>Nguồn</summary><ul><li><a href="https://example.org/a">Bài A</a></li></ul></details></div>',
    );
    // Its course and code are asked for when the app starts; only the picture goes with the page.
    expect(html).toContain(
      `<script type="module" data-entry="/assets/index-A.js" data-preload="/content/index.json /content/device-basics.vi.1.json" data-modules="/assets/lesson-page-L.js /assets/lesson-M.js">${STARTER}</script>`,
    );
    expect(html.match(/<link [^>]+>/g)).toEqual(['<link rel="preload" href="/content/images/device-basics/gestures.1.svg" as="image">']);
    // The app's and the lesson's styles are in the page, each allowed by its hash.
    expect(html).toContain(`<style>${APP_STYLES}</style>`);
    expect(html).toContain(`<style>${LESSON_STYLES}</style>`);
    const policy = res.headers.get('content-security-policy') ?? '';
    for (const css of [APP_STYLES, LESSON_STYLES]) expect(policy).toContain(`'sha256-${createHash('sha256').update(css).digest('base64')}'`);
    expect(policy).toContain(`script-src 'self' ${starterHash}`);
    expect(policy).not.toContain('unsafe-inline');
  });

  it('shows no sources box for a lesson without sources, and no lesson for an address the catalog lacks', async () => {
    const plain = (await shell('/courses/device-basics/lessons/plain')).html;
    expect(plain).toContain('<h1>Bài không nguồn</h1>');
    expect(plain).not.toContain('<details');
    expect(plain).not.toContain('<!--hvs:');
    const missing = (await shell('/courses/device-basics/lessons/no-such-lesson')).html;
    expect(missing).toContain('<div id="app"></div>');
    expect(missing).toContain('<link rel="preload" href="/content/device-basics.vi.1.json" as="fetch" crossorigin="anonymous">');
  });
});

describe('the shell for a course, with its page', () => {
  it('is built from the templates and the catalog, its words escaped; an unknown course gets the plain shell', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hvs-dist-course-'));
    try {
      mkdirSync(join(dir, 'content'));
      writeFileSync(join(dir, 'index.html'), INDEX_HTML);
      writeFileSync(join(dir, 'route-hints.json'), JSON.stringify(HINTS));
      writeFileSync(join(dir, 'first-screen.js'), STARTER_FILE);
      writeFileSync(join(dir, 'first-screen.course.json'), JSON.stringify({ page: '<h1><!--hvs:courseTitle--></h1><p><!--hvs:summary--></p><ol><!--hvs:lessons--></ol>', item: '<li><a href="<!--hvs:href-->"><!--hvs:n-->. <!--hvs:title--></a></li>' }));
      const course = { ...CONTENT_INDEX.courses[0], skill: 'device', title: { vi: 'Làm quen' }, summary: { vi: 'Chạm & <b>vuốt</b>' }, lessons: [{ id: 'touch', title: { vi: 'Bài "một"' }, minutes: 5 }] };
      writeFileSync(join(dir, 'content/index.json'), JSON.stringify({ courses: [course] }));
      const app = setupTestApp({ config: { distDir: dir } });
      try {
        const html = await (await app.request('/courses/device-basics', { headers: { 'accept-encoding': 'identity' } })).text();
        expect(html).toContain('<div id="app"><h1>Làm quen</h1><p>Chạm &amp; &lt;b&gt;vuốt&lt;/b&gt;</p><ol><li><a href="/courses/device-basics/lessons/touch">1. Bài &quot;một&quot;</a></li></ol></div>');
        expect(html).toContain(`<script type="module" data-entry="/assets/index-A.js" data-modules="/assets/course-page-C.js">${STARTER}</script>`);
        const unknown = await (await app.request('/courses/other', { headers: { 'accept-encoding': 'identity' } })).text();
        expect(unknown).toContain('<div id="app"></div>');
        expect(unknown).toContain('<link rel="modulepreload" crossorigin href="/assets/course-page-C.js">');
      } finally {
        await app.close();
      }
      // In a locality, the lesson links carry its prefix.
      const local = setupTestApp({ config: { distDir: dir, locality: 'kien-an' } });
      try {
        const html = await (await local.request('/courses/device-basics', { headers: { 'accept-encoding': 'identity' } })).text();
        expect(html).toContain('<li><a href="/l/kien-an/courses/device-basics/lessons/touch">1. Bài &quot;một&quot;</a></li>');
      } finally {
        await local.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
