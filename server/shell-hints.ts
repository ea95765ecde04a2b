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
// For "/" the shell carries the home screen's first view as HTML
// (dist/first-screen.html, tools/first-screen) and the app's stylesheet
// inline: a first visit paints it with the page's own bytes, no second
// request; the app's entry is fetched once that has been shown.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { brotliCompressSync } from 'node:zlib';
import { appPolicyAllowingStyles } from './http/secure-headers.ts';
import { DEFAULT_LANGUAGE } from '../shared/skills.ts';
import { residentScreenAt } from '../shared/resident/addresses.ts';
import { FIRST_SCREEN_FILE, FIRST_SCREEN_SCRIPT } from '../shared/first-screen.ts';
import { hintTags, ROUTE_HINTS_FILE, type RouteHints, type ScreenHints } from '../shared/route-hints.ts';

export interface Shell {
  html: string;
  /** The same bytes, Brotli-compressed once. */
  br: Buffer;
  /** Its own Content-Security-Policy, where it carries inline styles. */
  csp?: string;
}

/** A function from a request path to its shell, or undefined where index.html as built is right. */
export function createShellHints(distDir: string): (path: string) => Shell | undefined {
  const hintsPath = join(distDir, ROUTE_HINTS_FILE);
  if (!existsSync(hintsPath)) return () => undefined;
  const index = readFileSync(join(distDir, 'index.html'), 'utf8');
  const hints = JSON.parse(readFileSync(hintsPath, 'utf8')) as RouteHints;
  const indexPath = join(distDir, 'content/index.json');
  const content = (existsSync(indexPath) ? JSON.parse(readFileSync(indexPath, 'utf8')) : { courses: [] }) as {
    courses: { id: string; chunks: Record<string, string>; lessons: { id: string }[] }[];
  };
  const chunkOf = new Map(content.courses.map((c) => [c.id, c.chunks[DEFAULT_LANGUAGE]]));
  const cache = new Map<string, Shell>();

  /** The first picture of the lesson's first screen (its introduction), if any. */
  const firstImage = (chunkUrl: string, lessonId: string): string | undefined => {
    try {
      const chunk = JSON.parse(readFileSync(join(distDir, chunkUrl), 'utf8')) as { lessons: { id: string; intro?: string }[] };
      const intro = chunk.lessons.find((l) => l.id === lessonId)?.intro ?? '';
      return /<img src="(\/content\/[^"]+)"/.exec(intro)?.[1];
    } catch {
      return undefined; // a hint is an optimisation: without it the lesson still loads
    }
  };
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

  const firstScreenPath = join(distDir, FIRST_SCREEN_FILE);
  const home = existsSync(firstScreenPath)
    ? withFirstScreen(index, readFileSync(firstScreenPath, 'utf8'), (href) => readFileSync(join(distDir, href), 'utf8'))
    : undefined;

  return (path) => {
    if (path === '/') return home;
    const at = residentScreenAt(path);
    if (at?.screen === 'course') return cached('course', () => build(hints.course));
    if (at?.screen !== 'lesson') return undefined;
    const chunk = chunkOf.get(at.courseId);
    if (!chunk) return cached('lesson', () => build(hints.lesson));
    if (!lessonIds.get(at.courseId)?.has(at.lessonId)) return cached(`course:${at.courseId}`, () => build(hints.lesson, chunk));
    return cached(`lesson:${at.courseId}/${at.lessonId}`, () => build(hints.lesson, chunk, firstImage(chunk, at.lessonId)));
  };
}

/**
 * index.html with the first screen inside the app's root element, which the
 * app empties before its first render, and the stylesheet inline. The entry
 * is fetched and started by first-screen.js (web/public) once that screen has
 * been shown.
 */
function withFirstScreen(index: string, firstScreen: string, readAsset: (href: string) => string): Shell | undefined {
  const entry = /<script type="module"(?: crossorigin)? src="([^"]+)"><\/script>/.exec(index);
  if (!entry || !index.includes('<div id="app"></div>')) return undefined; // index.html as built still works
  // The stylesheet is all this first paint waits for: in the page (2-3 KB
  // compressed) it costs no round trip of its own on a slow network. Later
  // visits are answered by the service worker with index.html as built,
  // whose stylesheet is cached like every hashed file.
  const links = [...index.matchAll(/<link rel="stylesheet"[^>]*href="(\/assets\/[^"]+\.css)"[^>]*>/g)];
  const styles = links.map((link) => readAsset(link[1]));
  // What the app fetches as it starts (the course index) is asked for when it
  // starts, by first-screen.js, not alongside the page, where it would share
  // the slow connection with what the first paint needs.
  const fetches = [...index.matchAll(/<link rel="preload" href="([^"]+)" as="fetch"[^>]*>/g)];
  let html = index;
  for (const [link] of [...links, ...fetches]) html = html.replace(`\n    ${link}`, '').replace(link, '');
  const preload = fetches.length > 0 ? ` data-preload="${fetches.map((f) => f[1]).join(' ')}"` : '';
  html = html
    .replace('<title>', `${styles.map((css) => `<style>${css}</style>`).join('\n    ')}\n    <title>`)
    .replace(entry[0], `<script type="module" src="/${FIRST_SCREEN_SCRIPT}" data-entry="${entry[1]}"${preload}></script>`)
    .replace('<div id="app"></div>', `<div id="app">${firstScreen}</div>`);
  const csp = appPolicyAllowingStyles(styles.map((css) => createHash('sha256').update(css).digest('base64')));
  return { html, br: brotliCompressSync(html), csp };
}
