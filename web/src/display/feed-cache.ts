// The last feed a screen received, kept in localStorage so that after a
// power cut or with the network down the screen shows what it last knew
// (with its time) instead of a blank panel. Its age is counted from when
// this screen received it, on this screen's own clock: a kiosk computer's
// clock is often wrong, and comparing it with the server's would mislabel.
import type { DisplayFeed } from '../../../shared/displays/schema.ts';
import { apiUrl } from '../net/api-base.ts';

export interface KeptFeed {
  feed: DisplayFeed;
  /** This screen's clock when the feed arrived. */
  receivedAt: number;
}

const key = (id: string) => `hvs-display:${id}`;

export function readCachedFeed(id: string, storage: Storage = localStorage): KeptFeed | null {
  try {
    const raw = storage.getItem(key(id));
    const kept = raw ? (JSON.parse(raw) as KeptFeed) : null;
    return kept && typeof kept.receivedAt === 'number' && kept.feed?.screen?.id === id && Array.isArray(kept.feed.screen.slides) ? kept : null;
  } catch {
    return null;
  }
}

export function writeCachedFeed(kept: KeptFeed, storage: Storage = localStorage): void {
  try {
    storage.setItem(key(kept.feed.screen.id), JSON.stringify(kept));
  } catch {
    // A full or disabled storage only costs the offline copy; the screen still shows live data.
  }
}

export type FeedAnswer = { kind: 'feed'; feed: DisplayFeed } | { kind: 'unknown' } | { kind: 'unreachable' };

/** Asks the server for the screen's feed; any failure other than "no such screen" is "unreachable". */
export async function fetchFeed(id: string, fetchImpl: typeof fetch = fetch): Promise<FeedAnswer> {
  try {
    const res = await fetchImpl(apiUrl(`/api/v1/displays/${encodeURIComponent(id)}/feed`), { cache: 'no-store' });
    if (res.status === 404) return { kind: 'unknown' };
    if (!res.ok) return { kind: 'unreachable' };
    const feed = (await res.json()) as DisplayFeed;
    return feed?.screen?.id === id ? { kind: 'feed', feed } : { kind: 'unreachable' };
  } catch {
    return { kind: 'unreachable' };
  }
}
