// The last copy of the ward news the phone fetched, with when it arrived, so
// "Tin phường" and every item in it read offline. Kept in localStorage like
// the ward profile (web/src/resident/ward-profile-cache.ts); nothing personal.
import type { NewsItem, NewsList } from '../../../shared/news/schema.ts';
import { perLocality } from '../net/api-base.ts';

const KEY = 'hvs.news';

export interface SavedNews {
  list: NewsList;
  /** Epoch ms the copy arrived. */
  savedAt: number;
}

export function savedNews(): SavedNews | null {
  try {
    const raw = localStorage.getItem(perLocality(KEY));
    const parsed = raw ? (JSON.parse(raw) as SavedNews) : null;
    return parsed && typeof parsed.savedAt === 'number' && Array.isArray(parsed.list?.items) ? parsed : null;
  } catch {
    return null;
  }
}

export function saveNews(list: NewsList, now = Date.now()): SavedNews {
  const saved = { list, savedAt: now };
  try {
    localStorage.setItem(perLocality(KEY), JSON.stringify(saved));
  } catch {
    // Storage full or blocked: the fetched copy still serves this visit.
  }
  return saved;
}

/** An item opened from a link that is not in the saved list: kept beside it. */
export function saveItem(item: NewsItem, now = Date.now()): void {
  const saved = savedNews();
  if (!saved || saved.list.items.some((i) => i.id === item.id)) return;
  saveNews({ ...saved.list, items: [...saved.list.items, item] }, saved.savedAt || now);
}
