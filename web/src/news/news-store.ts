// What "Tin phường" shows: the saved copy at once, then the server's when it
// answers. Without an answer the saved copy stays, marked with its age.
import { createSignal } from 'solid-js';
import type { NewsItem } from '../../../shared/news/schema.ts';
import { HttpError } from '../net/http.ts';
import type { NewsList } from '../../../shared/news/schema.ts';
import { fetchPublishedItem, fetchPublishedNews } from './news-api.ts';
import { saveItem, saveNews, savedNews } from './news-cache.ts';
import { keepNewsPhotos } from './photo-cache.ts';

export type NewsStatus = 'loading' | 'fresh' | 'saved' | 'none';

export function createNewsStore() {
  const first = savedNews();
  const [list, setList] = createSignal<NewsList | null>(first?.list ?? null);
  const [savedAt, setSavedAt] = createSignal<number | null>(first?.savedAt ?? null);
  const [status, setStatus] = createSignal<NewsStatus>('loading');

  return {
    list,
    savedAt,
    status,
    async refresh() {
      try {
        const fresh = saveNews(await fetchPublishedNews());
        setList(fresh.list);
        setSavedAt(fresh.savedAt);
        setStatus('fresh');
        void keepNewsPhotos(fresh.list).catch(() => undefined);
      } catch {
        setStatus(list() ? 'saved' : 'none');
      }
    },
    /** An item: from the list, else asked for by itself (a shared link), else null. */
    async item(id: string): Promise<NewsItem | null> {
      const known = list()?.items.find((i) => i.id === id);
      if (known && status() === 'fresh') return known;
      try {
        const item = await fetchPublishedItem(id);
        saveItem(item);
        return item;
      } catch (err) {
        // Taken down since the list was saved: not shown any more.
        if (err instanceof HttpError && err.status === 404) return null;
        return known ?? null;
      }
    },
  };
}
export type NewsStore = ReturnType<typeof createNewsStore>;
