// The thumbnails of the news the phone keeps, so an item reads offline with
// its photos. Not precached (they change with the news, and the resident
// precache has a size budget: tests/size): stored here after each fresh list
// in a cache the service worker reads first (vite.config.ts, runtimeCaching),
// and pruned to the current list's, so the cache never holds more than the
// list's photos (at most 30 items × 6 thumbnails of about 40 KB).
import type { NewsList } from '../../../shared/news/schema.ts';
import { apiUrl } from '../net/api-base.ts';

export const NEWS_PHOTO_CACHE = 'hvs-news-photos';

export interface PhotoCacheDeps {
  fetch: (url: string) => Promise<Response>;
  caches: Pick<CacheStorage, 'open'>;
}
const browser = (): PhotoCacheDeps | null => (typeof caches === 'undefined' ? null : { fetch: (url) => globalThis.fetch(url), caches: globalThis.caches });

/** Stores the thumbnails of the list's items and drops the others; best effort (offline or storage full: what is stored stays). */
export async function keepNewsPhotos(list: NewsList, deps: PhotoCacheDeps | null = browser()): Promise<void> {
  if (!deps) return;
  const wanted = new Set(list.items.flatMap((i) => (i.photos ?? []).map((p) => apiUrl(p.thumb))));
  const cache = await deps.caches.open(NEWS_PHOTO_CACHE);
  for (const url of wanted) {
    if (await cache.match(url)) continue;
    try {
      const res = await deps.fetch(url);
      if (res.ok) await cache.put(url, res);
    } catch {
      return;
    }
  }
  for (const r of await cache.keys()) if (!wanted.has(new URL(r.url).pathname)) await cache.delete(r);
}
