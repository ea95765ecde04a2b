// Server answers guide screens keep for offline use, in the guide database's
// meta table under a screen-chosen key ("followUp:<groupId>",
// "households:<groupId>", "rosters"), with the time they were fetched. Online,
// the fresh answer replaces the copy; offline, the copy is shown with its
// date. Nothing here is a record of the guide's own: the outbox holds those.
import type { GuideStore } from './guide-store.ts';

interface Cached<T> {
  at: string;
  value: T;
}

export interface Fetched<T> {
  value: T | null;
  /** When value was fetched from the server; null when never. */
  at: string | null;
  isFresh: boolean;
}

export async function fetchOrCached<T>(guide: Pick<GuideStore, 'repo'>, key: string, fetcher: () => Promise<T>): Promise<Fetched<T>> {
  try {
    const value = await fetcher();
    const at = new Date().toISOString();
    await guide.repo.setMeta(key, { at, value } satisfies Cached<T>);
    return { value, at, isFresh: true };
  } catch {
    const cached = await guide.repo.getMeta<Cached<T>>(key);
    return { value: cached?.value ?? null, at: cached?.at ?? null, isFresh: false };
  }
}
