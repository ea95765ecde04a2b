// The app shell for a course's or a lesson's address. index.html is one shell
// for every address; sent as it is, the browser learns which screen and which
// course it needs only after the entry script has downloaded and run, one
// more round trip on a slow network before the lesson can paint. For those
// addresses the server adds <link> tags for the screen's chunks and styles
// (dist/route-hints.json, written by tools/route-hints) and, for a lesson,
// its course's lessons in the default language (a first visit has no other
// choice yet; later visits are answered by the service worker, not here) and
// the picture on the lesson's first screen, often the largest thing on it.
// Only addresses of this build's lessons get their own variant, so the cache
// below is bounded by the catalog, whatever addresses are requested.
// For "/", a lesson and a course of this build the shell carries the screen's first
// view as HTML (dist/first-screen*.html, tools/first-screen) and the styles it
// needs inline, and the script that starts the app: a first visit paints it
// with the page's own bytes, no second request; the app's entry, the screen's
// code and the lesson's course are fetched once that has been shown.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { brotliCompressSync } from 'node:zlib';
import { appPolicyAllowingInline } from './http/secure-headers.ts';
import { DEFAULT_LANGUAGE } from '../shared/skills.ts';
import { residentScreenAt } from '../shared/resident/addresses.ts';
import { FIRST_COURSE_FILE, FIRST_LESSON_FILE, FIRST_SCREEN_FILE, FIRST_SCREEN_SCRIPT, type CourseTemplates } from '../shared/first-screen.ts';
import { courseFirstScreen, type IndexCourse } from './first-course.ts';
import { coursesIn } from '../shared/content/local-courses.ts';
import { lessonFirstScreen, type ChunkLesson } from './first-lesson.ts';
import { hintTags, ROUTE_HINTS_FILE, type RouteHints, type ScreenHints } from '../shared/route-hints.ts';
import { LOCALITY_PREFIX } from './localities/city-app.ts';

export interface Shell {
  html: string;
  /** The same bytes, Brotli-compressed once. */
  br: Buffer;
  /** Its own Content-Security-Policy, where it carries inline styles. */
  csp?: string;
}

/**
 * A function from a request path to its shell, or undefined where index.html as built is right.
 * Only the courses taught in `locality` (shared/content/local-courses.ts) get a course's shell.
 */
export function createShellHints(distDir: string, locality?: string): (path: string) => Shell | undefined {
  const hintsPath = join(distDir, ROUTE_HINTS_FILE);
  if (!existsSync(hintsPath)) return () => undefined;
  const index = readFileSync(join(distDir, 'index.html'), 'utf8');
  const hints = JSON.parse(readFileSync(hintsPath, 'utf8')) as RouteHints;
  const indexPath = join(distDir, 'content/index.json');
  const built = (existsSync(indexPath) ? JSON.parse(readFileSync(indexPath, 'utf8')) : { courses: [] }) as {
    courses: (IndexCourse & { chunks: Record<string, string>; localities?: string[] })[];
  };
  const content = { courses: coursesIn(built.courses, locality) };
  const chunkOf = new Map(content.courses.map((c) => [c.id, c.chunks[DEFAULT_LANGUAGE]]));
  const cache = new Map<string, Shell>();

  /** A lesson of the build, in the default language, or undefined where its chunk cannot be read. */
  const lessonIn = (chunkUrl: string, lessonId: string): ChunkLesson | undefined => {
    try {
      const chunk = JSON.parse(readFileSync(join(distDir, chunkUrl), 'utf8')) as { lessons: ChunkLesson[] };
      return chunk.lessons.find((l) => l.id === lessonId);
    } catch {
      return undefined; // a hint is an optimisation: without it the lesson still loads
    }
  };
  /** The first picture of the lesson's first screen (its introduction), if any. */
  const firstImage = (lesson: ChunkLesson | undefined): string | undefined => /<img src="(\/content\/[^"]+)"/.exec(lesson?.intro ?? '')?.[1];
  const courseTitle = new Map(content.courses.map((c) => [c.id, c.title?.[DEFAULT_LANGUAGE] ?? c.id]));
  const lessonIds = new Map<string, Set<string>>(content.courses.map((c) => [c.id, new Set(c.lessons.map((l) => l.id))]));

  const build = (screen: ScreenHints | undefined, courseChunk?: string, image?: string): Shell => {
    // The lesson's content and picture ahead of the entry script: the browser asks in document
    // order, and behind a dozen scripts the course's lessons came last on a slow network.
    const first = [
      ...(courseChunk ? [`<link rel="preload" href="${courseChunk}" as="fetch" crossorigin="anonymous">`] : []),
      ...(image ? [`<link rel="preload" href="${image}" as="image">`] : []),
    ];
    const tags = screen ? hintTags(screen) : [];
    let html = index.replace('</head>', `  ${tags.join('\n    ')}\n  </head>`);
    if (first.length > 0) html = html.replace('<script type="module"', `${first.join('\n    ')}\n    <script type="module"`);
    return { html, br: brotliCompressSync(html) };
  };
  const cached = (key: string, make: () => Shell): Shell => {
    let shell = cache.get(key);
    if (!shell) cache.set(key, (shell = make()));
    return shell;
  };

  const readAsset = (href: string) => readFileSync(join(distDir, href), 'utf8');
  const inLocality = (html: string) => linksInLocality(html, locality);
  const firstScreenPath = join(distDir, FIRST_SCREEN_FILE);
  const home = existsSync(firstScreenPath) ? withFirstScreen(index, { html: inLocality(readFileSync(firstScreenPath, 'utf8')) }, readAsset) : undefined;
  const lessonTemplatePath = join(distDir, FIRST_LESSON_FILE);
  const lessonTemplate = existsSync(lessonTemplatePath) ? readFileSync(lessonTemplatePath, 'utf8') : undefined;
  /** A lesson's shell with its first screen as HTML, or the shell with <link> hints where that cannot be made. */
  const lessonShell = (courseId: string, chunk: string, lessonId: string): Shell => {
    const lesson = lessonIn(chunk, lessonId);
    const image = firstImage(lesson);
    const screen = hints.lesson;
    const shown =
      lesson && lessonTemplate && screen
        ? withFirstScreen(
            index,
            {
              html: inLocality(lessonFirstScreen(lessonTemplate, { courseId, courseTitle: courseTitle.get(courseId) ?? courseId, lesson })),
              stylesheets: screen.stylesheet,
              fetches: [chunk],
              modules: screen.modulepreload,
              image,
            },
            readAsset,
          )
        : undefined;
    return shown ?? build(screen, chunk, image);
  };
  const courseTemplatesPath = join(distDir, FIRST_COURSE_FILE);
  const courseTemplates = existsSync(courseTemplatesPath) ? (JSON.parse(readFileSync(courseTemplatesPath, 'utf8')) as CourseTemplates) : undefined;
  const coursesById = new Map(content.courses.map((c) => [c.id, c]));
  /** A course's shell with its page as HTML, or the shell with <link> hints where that cannot be made. */
  const courseShell = (courseId: string): Shell => {
    const course = coursesById.get(courseId);
    const screen = hints.course;
    const shown =
      course && courseTemplates && screen
        ? withFirstScreen(index, { html: inLocality(courseFirstScreen(courseTemplates, course, DEFAULT_LANGUAGE)), stylesheets: screen.stylesheet, modules: screen.modulepreload }, readAsset)
        : undefined;
    return shown ?? build(screen);
  };

  return (path) => {
    if (path === '/') return home;
    const at = residentScreenAt(path);
    if (at?.screen === 'course') return coursesById.has(at.courseId) ? cached(`course-page:${at.courseId}`, () => courseShell(at.courseId)) : cached('course', () => build(hints.course));
    if (at?.screen !== 'lesson') return undefined;
    const chunk = chunkOf.get(at.courseId);
    if (!chunk) return cached('lesson', () => build(hints.lesson));
    if (!lessonIds.get(at.courseId)?.has(at.lessonId)) return cached(`course:${at.courseId}`, () => build(hints.lesson, chunk));
    return cached(`lesson:${at.courseId}/${at.lessonId}`, () => lessonShell(at.courseId, chunk, at.lessonId));
  };
}

/** A screen's first view and what it needs beyond index.html. */
interface FirstView {
  html: string;
  /** The screen's own stylesheets, inline with the app's. */
  stylesheets?: string[];
  /** Fetched when the app starts: the screen's content. */
  fetches?: string[];
  /** The screen's code, fetched when the app starts. */
  modules?: string[];
  /** A picture on the first view, asked for with the page. */
  image?: string;
}

/**
 * index.html with the first view inside the app's root element, which the
 * app empties before its first render, the stylesheets inline, and
 * first-screen.js (web/public) inline too: it fetches and starts the entry
 * once that view has been shown.
 */
function withFirstScreen(index: string, view: FirstView, readAsset: (href: string) => string): Shell | undefined {
  const entry = /<script type="module"(?: crossorigin)? src="([^"]+)"><\/script>/.exec(index);
  if (!entry || !index.includes('<div id="app"></div>')) return undefined; // index.html as built still works
  // The stylesheets are all this first paint waits for: in the page (2-5 KB
  // compressed) they cost no round trip of their own on a slow network. Later
  // visits are answered by the service worker with index.html as built,
  // whose stylesheet is cached like every hashed file.
  const links = [...index.matchAll(/<link rel="stylesheet"[^>]*href="(\/assets\/[^"]+\.css)"[^>]*>/g)];
  const styles = [...links.map((link) => link[1]), ...(view.stylesheets ?? [])].map(readAsset);
  // What the app fetches as it starts (the course index, a lesson's course,
  // the screen's code) is asked for when it starts, by first-screen.js, not
  // alongside the page, where it would share the slow connection with what
  // the first paint needs.
  const fetches = [...index.matchAll(/<link rel="preload" href="([^"]+)" as="fetch"[^>]*>/g)];
  let html = index;
  for (const [link] of [...links, ...fetches]) html = html.replace(`\n    ${link}`, '').replace(link, '');
  const preloads = [...fetches.map((f) => f[1]), ...(view.fetches ?? [])];
  const attributes = [
    ` data-entry="${entry[1]}"`,
    ...(preloads.length > 0 ? [` data-preload="${preloads.join(' ')}"`] : []),
    ...(view.modules && view.modules.length > 0 ? [` data-modules="${view.modules.join(' ')}"`] : []),
  ].join('');
  // The starter in the page, not a file of its own: a request for it would be
  // one more round trip before the entry is asked for, and one more thing the
  // first paint shares the slow connection with.
  let starter: string;
  try {
    starter = inlineScript(readAsset(`/${FIRST_SCREEN_SCRIPT}`));
  } catch {
    return undefined; // without its starter the view could not hand over to the app
  }
  const image = view.image ? `<link rel="preload" href="${view.image}" as="image">\n    ` : '';
  html = html
    .replace('<title>', () => `${styles.map((css) => `<style>${css}</style>`).join('\n    ')}\n    ${image}<title>`)
    .replace(entry[0], () => `<script type="module"${attributes}>${starter}</script>`)
    .replace('<div id="app"></div>', () => `<div id="app">${view.html}</div>`);
  const hash = (text: string) => createHash('sha256').update(text).digest('base64');
  const csp = appPolicyAllowingInline({ styles: styles.map(hash), scripts: [hash(starter)] });
  return { html, br: brotliCompressSync(html), csp };
}

/** A script file's text for a <script> element: its whole-line comments dropped, checked to end nowhere early. */
function inlineScript(source: string): string {
  const text = source.replace(/^\s*\/\/.*\n/gm, '').trim();
  if (/<\/script|<!--/i.test(text)) throw new Error(`${FIRST_SCREEN_SCRIPT} cannot be put inside a <script> element`);
  return text;
}

/**
 * The first view's links with the locality's prefix, as the app gives them
 * once it runs (web/src/app/locality-links.ts): a tap before the app has
 * started stays in the resident's locality.
 */
export function linksInLocality(html: string, locality: string | undefined): string {
  return locality ? html.replace(/(<a\b[^>]*?\shref=")\/(?!\/)/g, `$1${LOCALITY_PREFIX}/${locality}/`) : html;
}
