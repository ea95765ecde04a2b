// Sync state for the UI: what is waiting, when the last sync finished, and
// whether the phone is offline. The engine itself is loaded after the first
// paint; until it reports, `isKnown()` is false and the UI says nothing.
import { createRoot, createSignal } from 'solid-js';
import type { SyncEngine, SyncSnapshot } from './sync-engine.ts';
import { getApiClient } from '../net/api.ts';
import { loadRepos } from '../app/load-repos.ts';
import { waitingLocalities } from '../net/api-base.ts';

export function createSyncStore() {
  const [snapshot, setSnapshot] = createRoot(() => createSignal<SyncSnapshot | null>(null));
  let engine: Promise<SyncEngine> | undefined;

  function start(): Promise<SyncEngine> {
    engine ??= (async () => {
      const [{ createSyncEngine }, { watchSyncTriggers }, repos] = await Promise.all([
        import('./sync-engine.ts'),
        import('./sync-triggers.ts'),
        loadRepos(),
      ]);
      const e = createSyncEngine({
        api: getApiClient(),
        identity: repos.identity,
        outbox: repos.outbox,
        onChange: (s) => setSnapshot(s),
      });
      watchSyncTriggers(e);
      void e.trigger();
      // Records left in a locality the resident moved from go there, now and whenever the network returns.
      const leftBehind = () => void (waitingLocalities().length > 0 && import('./left-localities.ts').then((m) => m.sendLeftBehind()).catch(() => undefined));
      leftBehind();
      addEventListener('online', leftBehind);
      return e;
    })();
    return engine;
  }

  return {
    start,
    /** After a completion: send it now if the network allows. */
    syncNow: () => start().then((e) => e.trigger()),
    /** After a local change that need not be sent at once: just update the counts. */
    refresh: () => start().then((e) => e.refreshCounts()),
    isKnown: () => snapshot() !== null,
    state: () => snapshot()?.state ?? 'idle',
    pendingLessons: () => snapshot()?.pending ?? 0,
    deadEvents: () => snapshot()?.dead ?? 0,
    lastSyncedAt: () => snapshot()?.lastSyncedAt ?? null,
  };
}

export type SyncStore = ReturnType<typeof createSyncStore>;
