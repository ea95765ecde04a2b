// Reads a production build (dist/) the way a phone meets it: index.html (the
// entry script, its modulepreloads and stylesheets), the import graph written
// into the built chunks themselves (static `import … from`, dynamic
// `import()` and the preload lists Vite attaches to each dynamic import) and
// the service worker's precache list. Reading the built files rather than a
// bundler report means the figures are what the browser actually fetches.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const MISSING_BUILD = 'no production build in dist/: run `npx vite build` first';

export type DynamicImport = { file: string; deps: string[] };

export type Chunk = {
  /** Path inside dist/, e.g. `assets/home-page-Ab12.js`. */
  file: string;
  bytes: number;
  gzip: number;
  staticImports: string[];
  dynamicImports: DynamicImport[];
  /** Holds zod (its instances keep their state in a `_zod` property, which minifiers keep). */
  hasZod: boolean;
  /** Holds Dexie. */
  hasDexie: boolean;
  /** Holds the home screen (it reads the `home.title` string). */
  hasHomeScreen: boolean;
  /** The i18n namespaces of the t('ns.key') literals it carries. */
  namespaces: Set<string>;
};

export type Build = {
  distDir: string;
  html: { bytes: number; gzip: number };
  entry: string;
  modulepreloads: string[];
  stylesheets: string[];
  chunks: Map<string, Chunk>;
  /** Every URL the service worker precaches, with its size on disk. */
  precache: { url: string; bytes: number }[];
};

/** gzip at level 9, what a server precompressing its build would send. */
export const gzipSize = (buf: Buffer | string) => gzipSync(buf, { level: 9 }).length;

const QUOTE = '["\'`]';
const STATIC_IMPORT = new RegExp(`(?:\\bfrom|\\bimport)\\s*${QUOTE}\\.\\/([^"'\`]+\\.js)${QUOTE}`, 'g');
const DYNAMIC_IMPORT = new RegExp(`\\bimport\\(${QUOTE}\\.\\/([^"'\`]+\\.js)${QUOTE}\\)(?:\\s*,\\s*__vite__mapDeps\\(\\[([\\d,\\s]*)\\]\\))?`, 'g');
const MAP_DEPS = /__vite__mapDeps=[^[]*\[([^\]]*)\]/;
const NAMESPACE_KEY = /["'`]([a-z][a-zA-Z]*)\.[a-zA-Z][\w.-]*["'`]/g;

function parseChunk(distDir: string, file: string): Chunk {
  const buf = readFileSync(join(distDir, file));
  const code = buf.toString('utf8');
  const dir = file.slice(0, file.lastIndexOf('/') + 1);
  const mapDeps = MAP_DEPS.exec(code)?.[1].split(',').map((s) => s.trim().slice(1, -1)) ?? [];
  const staticImports = [...code.matchAll(STATIC_IMPORT)].map((m) => dir + m[1]);
  const dynamicImports = [...code.matchAll(DYNAMIC_IMPORT)].map((m) => ({
    file: dir + m[1],
    deps: (m[2] ?? '').split(',').filter((s) => s.trim() !== '').map((i) => mapDeps[Number(i)]),
  }));
  return {
    file,
    bytes: buf.length,
    gzip: gzipSize(buf),
    staticImports: [...new Set(staticImports)],
    dynamicImports,
    hasZod: code.includes('._zod') || code.includes('_zod:'),
    hasDexie: code.includes('n.Dexie=') || code.includes('DexieError'),
    hasHomeScreen: /[`'"]home\.title[`'"]/.test(code),
    namespaces: new Set([...code.matchAll(NAMESPACE_KEY)].map((m) => m[1])),
  };
}

function attr(tag: string, name: string): string | undefined {
  return new RegExp(`\\b${name}="([^"]*)"`).exec(tag)?.[1];
}

const stripSlash = (url: string) => url.replace(/^\//, '');

export function readBuild(distDir: string): Build {
  const indexFile = join(distDir, 'index.html');
  const swFile = join(distDir, 'sw.js');
  if (!existsSync(indexFile) || !existsSync(swFile) || !existsSync(join(distDir, 'assets'))) throw new Error(MISSING_BUILD);
  const html = readFileSync(indexFile, 'utf8');
  const tags = html.match(/<(?:script|link)\b[^>]*>/g) ?? [];
  const entry = tags.filter((t) => t.startsWith('<script') && attr(t, 'type') === 'module').map((t) => stripSlash(attr(t, 'src') ?? ''))[0];
  if (!entry) throw new Error('index.html has no module entry script');
  const links = tags.filter((t) => t.startsWith('<link'));
  const modulepreloads = links.filter((t) => attr(t, 'rel') === 'modulepreload').map((t) => stripSlash(attr(t, 'href')!));
  const stylesheets = links.filter((t) => attr(t, 'rel') === 'stylesheet').map((t) => stripSlash(attr(t, 'href')!));

  const chunks = new Map<string, Chunk>();
  for (const name of readdirSync(join(distDir, 'assets'))) {
    if (name.endsWith('.js')) chunks.set(`assets/${name}`, parseChunk(distDir, `assets/${name}`));
  }

  const sw = readFileSync(swFile, 'utf8');
  const precache = [...sw.matchAll(/\burl:\s*"([^"]+)"/g)].map((m) => {
    const url = stripSlash(m[1]);
    const path = join(distDir, url);
    if (!existsSync(path)) throw new Error(`sw.js precaches ${url}, which is not in dist/`);
    return { url, bytes: statSync(path).size };
  });
  if (!precache.length) throw new Error('sw.js has no precache list');

  return { distDir, html: { bytes: Buffer.byteLength(html), gzip: gzipSize(html) }, entry, modulepreloads, stylesheets, chunks, precache };
}

/** Files reachable from `roots` through static imports only (what loads with them). */
export function staticClosure(build: Build, roots: string[]): string[] {
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const file = stack.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    const chunk = build.chunks.get(file);
    if (!chunk) throw new Error(`${file} is imported but not in dist/`);
    stack.push(...chunk.staticImports);
  }
  return [...seen];
}

export const fileSize = (build: Build, file: string) => {
  const buf = readFileSync(join(build.distDir, file));
  return { bytes: buf.length, gzip: gzipSize(buf) };
};
