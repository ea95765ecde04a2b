// Course content kept on the phone per language. The service worker precaches
// the app shell and the course list only; each course's lessons (and their
// drawings) for the resident's language are stored here, right after the
// shell, in a cache the worker reads first (vite.config.ts, runtimeCaching).
// Both languages' content would no longer fit a cheap phone's share of
// storage as the catalogue grows (tests/size). Hashed file names never
// change content, so a stored file is never fetched again; files of an older
// catalogue are removed. Only the courses taught in the phone's locality are
// kept (shared/content/local-courses.ts): another locality's course costs no
// storage.
import type { ContentIndex } from '../../../shared/content/schema.ts';
import type { Language } from '../../../shared/skills.ts';
import { coursesIn } from '../../../shared/content/local-courses.ts';
import { currentLocality } from '../net/api-base.ts';

export const CONTENT_CACHE = 'hvs-content';
export const CONTENT_INDEX_URL = '/content/index.json';
const IMAGE_SRC = /src=\\?"(\/content\/images\/[^"\\]+)\\?"/g;

export interface ContentCacheDeps {
  fetch: (url: string) => Promise<Response>;
  caches: Pick<CacheStorage, 'open'>;
  /** The locality the page runs in (null: none); the address's when left out. */
  locality?: string | null;
}
const browser = (): ContentCacheDeps => ({ fetch: (url) => globalThis.fetch(url), caches: globalThis.caches });

/** Drawings a course file refers to. */
export const imagesOf = (chunkText: string) => [...new Set([...chunkText.matchAll(IMAGE_SRC)].map((m) => m[1]))];

async function stored(cache: Cache, deps: ContentCacheDeps, url: string): Promise<string> {
  const hit = await cache.match(url);
  if (hit) return hit.text();
  const res = await deps.fetch(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  await cache.put(url, res.clone());
  return res.text();
}

/**
 * Stores every course of `lang` with its drawings; reports progress per
 * course. Throws when one cannot be fetched (offline): what was stored stays.
 */
export async function keepLanguageOffline(lang: Language, onProgress: (done: number, total: number) => void = () => undefined, deps: ContentCacheDeps = browser()): Promise<void> {
  const built = (await (await deps.fetch(CONTENT_INDEX_URL)).json()) as ContentIndex;
  const index = { ...built, courses: coursesIn(built.courses, deps.locality === undefined ? currentLocality() : deps.locality) };
  const cache = await deps.caches.open(CONTENT_CACHE);
  const total = index.courses.length;
  onProgress(0, total);
  const wanted = new Set<string>(index.courses.flatMap((c) => [c.chunks.vi, c.chunks.en]));
  for (const [i, course] of index.courses.entries()) {
    const text = await stored(cache, deps, course.chunks[lang]);
    for (const image of imagesOf(text)) await stored(cache, deps, image);
    onProgress(i + 1, total);
  }
  // What an older catalogue left: course files no longer listed, drawings no stored course uses.
  const keys = await cache.keys();
  const pathOf = (r: Request) => new URL(r.url).pathname;
  const kept = keys.filter((r) => !pathOf(r).startsWith('/content/images/'));
  for (const r of kept) if (!wanted.has(pathOf(r))) await cache.delete(r);
  const used = new Set<string>();
  for (const r of kept) if (wanted.has(pathOf(r))) for (const image of imagesOf(await (await cache.match(r))!.text())) used.add(image);
  for (const r of keys) if (pathOf(r).startsWith('/content/images/') && !used.has(pathOf(r))) await cache.delete(r);
}
