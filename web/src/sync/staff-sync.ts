// The sync of a staff phone (guide, unit officer): the one outbox sync engine
// over the role's own outbox, sent under the staff login cookie, with the same
// backoff, Retry-After and triggers as a resident's phone. A 401 means the
// login on this phone ended: the queue is kept untouched, nothing is retried,
// and the screen asks for a new login.
import type { SyncResponse } from '../../../shared/api.ts';
import { createOutboxSync, type OutboxSyncDeps } from './outbox-sync.ts';
import type { Outbox, OutboxRowOf } from './outbox.ts';

/** What the engine needs of a staff database. */
export interface StaffSyncRepo<R extends OutboxRowOf<{ id: string }>> {
  outbox: Outbox<R>;
  countPending(): Promise<number>;
  getMeta<T>(key: string): Promise<T | undefined>;
  setMeta(key: string, value: unknown): Promise<unknown>;
}

export interface StaffSyncDeps<R extends OutboxRowOf<{ id: string }>> extends Omit<OutboxSyncDeps<R>, 'outbox' | 'senders' | 'status'> {
  repo: StaffSyncRepo<R>;
  api: { sync(deviceId: string, events: R['event'][]): Promise<SyncResponse> };
  deviceId: () => string;
  /** Before the first batch of a run: what the records need on the server first (a unit's evidence files). */
  prepare?: () => Promise<void>;
}

export function createStaffSync<R extends OutboxRowOf<{ id: string }>>({ repo, api, deviceId, prepare, ...options }: StaffSyncDeps<R>) {
  return createOutboxSync<R>({
    ...options,
    outbox: repo.outbox,
    senders: async () => [
      {
        prepare,
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
