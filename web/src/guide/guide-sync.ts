// Guide mode's sync: the one outbox sync engine (sync/outbox-sync.ts) over the
// guide outbox, sent to POST /guide/sync under the guide's login cookie, with
// the same backoff, Retry-After and triggers as a resident's phone. A 401
// means the login on this phone ended: the queue is kept untouched, nothing
// is retried, and the screen asks the guide to log in again.
import { liveQuery } from 'dexie';
import type { SyncResponse } from '../../../shared/api.ts';
import type { GuideEvent } from '../../../shared/events.ts';
import { createOutboxSync, type OutboxSyncDeps } from '../sync/outbox-sync.ts';
import type { GuideOutboxRow } from './db.ts';
import type { GuideRepo } from './guide-repo.ts';

export interface GuideSyncDeps extends Omit<OutboxSyncDeps<GuideOutboxRow>, 'outbox' | 'senders' | 'status'> {
  repo: GuideRepo;
  api: { sync(deviceId: string, events: GuideEvent[]): Promise<SyncResponse> };
  deviceId: () => string;
}

export function createGuideSync({ repo, api, deviceId, ...options }: GuideSyncDeps) {
  return createOutboxSync<GuideOutboxRow>({
    ...options,
    outbox: repo.outbox,
    senders: async () => [
      {
        send: (events) => api.sync(deviceId(), events),
        onUnauthorized: async () => 'login-required' as const,
        markSynced: async (at) => void (await repo.setMeta('lastSyncedAt', at)),
      },
    ],
    async status() {
      const [pending, dead, lastSyncedAt] = await Promise.all([repo.countPending(), repo.outbox.listDead(), repo.getMeta<string>('lastSyncedAt')]);
      return { pending, dead: dead.length, lastSyncedAt: lastSyncedAt ?? null };
    },
  });
}

export type GuideSync = ReturnType<typeof createGuideSync>;

/**
 * Keeps the counts on screen true when the guide database changes behind the
 * engine's back: another open tab of guide mode, or a background sync,
 * sending the records. Dexie tells every tab of the same database when a
 * table it read has changed. Returns the stop function.
 */
export function followOutbox(repo: GuideRepo, sync: Pick<GuideSync, 'refreshCounts'>): () => void {
  const counts = liveQuery(() => Promise.all([repo.countPending(), repo.outbox.listDead(), repo.getMeta<string>('lastSyncedAt')]));
  const subscription = counts.subscribe({ next: () => void sync.refreshCounts().catch(() => undefined) });
  return () => subscription.unsubscribe();
}
