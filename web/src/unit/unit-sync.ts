// The unit officer's sync: the one outbox sync engine (sync/outbox-sync.ts)
// over the unit outbox, sent to POST /units/sync under the officer's login
// cookie, with the same backoff, Retry-After and triggers as guides and
// residents. A 401 keeps the queue and asks for a new login.
import type { SyncResponse } from '../../../shared/api.ts';
import type { UnitEvent } from '../../../shared/events.ts';
import { createOutboxSync, type OutboxSyncDeps } from '../sync/outbox-sync.ts';
import type { UnitOutboxRow } from './db.ts';
import type { UnitRepo } from './unit-repo.ts';

export interface UnitSyncDeps extends Omit<OutboxSyncDeps<UnitOutboxRow>, 'outbox' | 'senders' | 'status'> {
  repo: UnitRepo;
  api: { sync(deviceId: string, events: UnitEvent[]): Promise<SyncResponse> };
  deviceId: () => string;
}

export function createUnitSync({ repo, api, deviceId, ...options }: UnitSyncDeps) {
  return createOutboxSync<UnitOutboxRow>({
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
export type UnitSync = ReturnType<typeof createUnitSync>;
