// The front-end size figures of a production build and the rules about what
// may reach a resident's phone. Used by the size gate in `npm test`
// (size-gate.test.ts) and printed by `npm run bench -- size`.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileSize, staticClosure, type Build, type Chunk } from './build-graph.ts';

/** `assets/home-page-Ab12Cd34.js` → `home-page` (Rolldown appends an 8-character hash). */
export const chunkName = (file: string) => file.replace(/^.*\//, '').replace(/-[\w-]{8}\.(js|css)$/, '');

// Ward-office code: the dashboard, the admin pages and what only they import
// (the build names them office-*, see vite.config.ts).
const OFFICE_NAME = /^(office-.+|ward-page|ward-admin-page|posters-page|admin-.+|dashboard.*)$/;
const OFFICE_NAMESPACES = ['dashboard', 'ward', 'wardAdmin', 'posters', 'integrity', 'city'];
// Guide mode: the guide's own screens under /guide.
const GUIDE_NAME = /^(guide-.+|session-page|session-new-page|report-page|group-page|households-page|assist-lesson-page)$/;
const GUIDE_NAMESPACES = ['guide'];

export type StaffKind = 'office' | 'guide';

/** By its name, or by carrying UI strings of a staff screen (t('dashboard.…') and the like). */
export function staffKind(chunk: Chunk): StaffKind | null {
  const name = chunkName(chunk.file);
  if (OFFICE_NAME.test(name) || OFFICE_NAMESPACES.some((ns) => chunk.namespaces.has(ns))) return 'office';
  if (GUIDE_NAME.test(name) || GUIDE_NAMESPACES.some((ns) => chunk.namespaces.has(ns))) return 'guide';
  return null;
}

/**
 * Every chunk a resident's phone can load: the entry, everything it imports,
 * and everything reachable from there, except the staff screens in the
 * route table (the entry's dynamic imports of staff chunks), which only load
 * when someone opens /ward, /admin/… or /guide/….
 */
export function residentGraph(build: Build): string[] {
  const seen = new Set<string>();
  const stack = [build.entry, ...build.modulepreloads];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const chunk = build.chunks.get(file);
    if (!chunk) throw new Error(`${file} is imported but not in dist/`);
    stack.push(...chunk.staticImports);
    for (const d of chunk.dynamicImports) {
      const target = build.chunks.get(d.file);
      if (file === build.entry && target && staffKind(target)) continue;
      stack.push(d.file);
    }
  }
  return [...seen];
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** The home route's chunk when it is split from the entry (one of the entry's dynamic imports); undefined when it is part of the entry. */
function homeImport(build: Build) {
  const homes = build.chunks.get(build.entry)!.dynamicImports.filter((d) => chunkName(d.file) === 'home-page');
  if (homes.length > 1) throw new Error(`expected at most one home-page chunk imported by the entry, found ${homes.length}`);
  return homes[0];
}

export type SizeFigures = {
  firstScreenJs: { files: string[]; gzip: number };
  htmlCss: { files: string[]; gzip: number };
  /** Every resident-reachable chunk, for information. */
  residentJs: { files: number; gzip: number };
  precache: { entries: number; bytes: number; byLanguage: Record<string, number>; oneLanguage: Record<string, number> };
  /** Course files per language and all drawings, stored by the app beside the precache (web/src/sw/content-cache.ts). */
  content: { byLanguage: Record<string, number>; images: number };
  /** What a phone stores for one language: the precache plus that language's courses and the drawings. */
  stored: Record<string, number>;
  dexieOnFirstScreen: boolean;
  /** The home screen's code is among the first-screen files (so it is counted). */
  homeOnFirstScreen: boolean;
  /** Rule breaks: staff code a resident can load, office code in the precache, zod on the resident's path. */
  staffInResidentGraph: string[];
  officeInPrecache: string[];
  zodInResidentGraph: string[];
  guideInPrecache: { files: number; bytes: number };
};

const CONTENT_CHUNK = /^content\/[^/]+\.([a-z]{2})\.[0-9a-f]+\.json$/;

export function measure(build: Build): SizeFigures {
  const home = homeImport(build);
  const firstScreen = staticClosure(build, [build.entry, ...build.modulepreloads, ...(home ? [home.file] : [])]);
  const homeCss = home?.deps.filter((f) => f.endsWith('.css')) ?? [];
  const cssFiles = [...new Set([...build.stylesheets, ...homeCss])];
  const resident = residentGraph(build);
  const chunk = (f: string) => build.chunks.get(f)!;

  const precacheUrls = new Set(build.precache.map((p) => p.url));
  const byLanguage: Record<string, number> = {};
  for (const p of build.precache) {
    const lang = CONTENT_CHUNK.exec(p.url)?.[1];
    if (lang) byLanguage[lang] = (byLanguage[lang] ?? 0) + p.bytes;
  }
  const total = sum(build.precache.map((p) => p.bytes));
  const oneLanguage: Record<string, number> = {};
  for (const lang of Object.keys(byLanguage)) oneLanguage[lang] = total - sum(Object.entries(byLanguage).filter(([l]) => l !== lang).map(([, b]) => b));

  const content = contentFiles(build.distDir);
  const stored: Record<string, number> = {};
  for (const [lang, bytes] of Object.entries(content.byLanguage)) stored[lang] = total + bytes + content.images;

  const guidePrecached = [...build.chunks.values()].filter((c) => staffKind(c) === 'guide' && precacheUrls.has(c.file));
  return {
    firstScreenJs: { files: firstScreen, gzip: sum(firstScreen.map((f) => chunk(f).gzip)) },
    htmlCss: { files: ['index.html', ...cssFiles], gzip: build.html.gzip + sum(cssFiles.map((f) => fileSize(build, f).gzip)) },
    residentJs: { files: resident.length, gzip: sum(resident.map((f) => chunk(f).gzip)) },
    precache: { entries: build.precache.length, bytes: total, byLanguage, oneLanguage },
    content,
    stored,
    dexieOnFirstScreen: firstScreen.some((f) => chunk(f).hasDexie),
    homeOnFirstScreen: firstScreen.some((f) => chunk(f).hasHomeScreen),
    staffInResidentGraph: resident.filter((f) => staffKind(chunk(f))),
    officeInPrecache: [...build.chunks.values()].filter((c) => staffKind(c) === 'office' && precacheUrls.has(c.file)).map((c) => c.file),
    zodInResidentGraph: resident.filter((f) => chunk(f).hasZod),
    guideInPrecache: { files: guidePrecached.length, bytes: sum(guidePrecached.map((c) => c.bytes)) },
  };
}

/** Course files by language, and drawings, in dist/content (none in a fake build). */
function contentFiles(distDir: string): SizeFigures['content'] {
  const dir = join(distDir, 'content');
  const byLanguage: Record<string, number> = {};
  let images = 0;
  if (!existsSync(dir)) return { byLanguage, images };
  for (const name of readdirSync(dir, { recursive: true }) as string[]) {
    const path = join(dir, name);
    if (!statSync(path).isFile() || /\.(br|gz)$/.test(name)) continue;
    const lang = CONTENT_CHUNK.exec(`content/${name}`)?.[1];
    if (lang) byLanguage[lang] = (byLanguage[lang] ?? 0) + statSync(path).size;
    else if (name.startsWith('images')) images += statSync(path).size;
  }
  return { byLanguage, images };
}

/** The front-end budgets. Sizes in bytes; 1 KB = 1000 bytes, as Vite reports them. */
export const BUDGETS = {
  /** First screen: gzip JS of entry + modulepreloads + the home route (in the entry, or its own chunk). */
  firstScreenJsGzip: 40_000,
  /** The first TCP round trip carries about 14 KB. */
  htmlCssGzip: 14_000,
  /** What a phone stores: the service worker's precache, plus the courses of its language and their drawings. */
  precacheBytes: 1_500_000,
} as const;

export const kb = (n: number) => `${(n / 1000).toFixed(1)} KB`;

/** The budgets a build misses, as sentences; empty when all are met. */
export function budgetsMissed(f: SizeFigures): string[] {
  const missed: string[] = [];
  if (f.firstScreenJs.gzip > BUDGETS.firstScreenJsGzip) missed.push(`first-screen JS ${kb(f.firstScreenJs.gzip)} gzip > ${kb(BUDGETS.firstScreenJsGzip)} (${f.firstScreenJs.files.map(chunkName).join(', ')})`);
  if (f.htmlCss.gzip > BUDGETS.htmlCssGzip) missed.push(`HTML + critical CSS ${kb(f.htmlCss.gzip)} gzip > ${kb(BUDGETS.htmlCssGzip)}`);
  if (f.precache.bytes > BUDGETS.precacheBytes) missed.push(`precache ${kb(f.precache.bytes)} > ${kb(BUDGETS.precacheBytes)}`);
  for (const [lang, bytes] of Object.entries(f.stored)) if (bytes > BUDGETS.precacheBytes) missed.push(`stored with courses in ${lang} ${kb(bytes)} > ${kb(BUDGETS.precacheBytes)}`);
  if (Object.keys(f.precache.byLanguage).length) missed.push(`course files are precached (${Object.keys(f.precache.byLanguage).join(', ')}): the app stores them per language`);
  for (const file of f.staffInResidentGraph) missed.push(`staff chunk ${file} is reachable from the resident's pages`);
  for (const file of f.officeInPrecache) missed.push(`ward-office chunk ${file} is in the service worker's precache`);
  for (const file of f.zodInResidentGraph) missed.push(`zod (${file}) is reachable from the resident's pages: import types only, or use a zod-free constants module`);
  return missed;
}

export const PROJECT_DIST = join(new URL('../..', import.meta.url).pathname, 'dist');

