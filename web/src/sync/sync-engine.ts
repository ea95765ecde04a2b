// The resident's sync: the one outbox sync engine (outbox-sync.ts) over the
// learner outbox, with one sender per learner profile on the phone. Each
// learner registers with the ward once, then sends under its own credentials;
// the screen counts the active profile's lessons.
import type { Identity, IdentityRepo } from '../resident/db/identity-repo.ts';
import type { OutboxRepo } from '../resident/db/outbox-repo.ts';
import type { OutboxRow } from '../resident/db/database.ts';
import type { ApiClient } from '../net/api.ts';
import { createOutboxSync, type OutboxSyncDeps, type SyncSender } from './outbox-sync.ts';

export type { SyncSnapshot, SyncState } from './outbox-sync.ts';

export interface SyncEngineDeps extends Omit<OutboxSyncDeps<OutboxRow>, 'outbox' | 'senders' | 'status' | 'afterDrain'> {
  api: Pick<ApiClient, 'registerLearner' | 'sync'>;
  identity: IdentityRepo;
  outbox: OutboxRepo;
}

export function createSyncEngine({ api, identity, outbox, ...options }: SyncEngineDeps) {
  const senderOf = (me: Identity): SyncSender<OutboxRow> => {
    const creds = { learnerId: me.learnerId, secret: me.secret };
    return {
      recorder: me.learnerId,
      async prepare() {
        if (me.registered) return;
        await api.registerLearner(creds);
        await identity.setRegistered(true, me.learnerId);
      },
      send: (events) => api.sync(creds, me.deviceId, events),
      // The server no longer knows this learner (e.g. its data was reset):
      // register again on the next run instead of failing forever.
      async onUnauthorized() {
        await identity.setRegistered(false, me.learnerId);
        return 'retry';
      },
      markSynced: (at) => identity.setLastSyncedAt(at, me.learnerId),
    };
  };

  return createOutboxSync<OutboxRow>({
    ...options,
    outbox,
    senders: async () => (await identity.listIdentities()).map(senderOf),
    /** Counts of the active profile: the one whose learning the screen shows. */
    async status() {
      const { learnerId } = await identity.getIdentity();
      const [pending, dead, lastSyncedAt] = await Promise.all([outbox.countPendingLessons(learnerId), outbox.listDead(learnerId), identity.getLastSyncedAt(learnerId)]);
      return { pending, dead: dead.length, lastSyncedAt };
    },
    // A profile whose deletion request was just acknowledged leaves the phone.
    afterDrain: () => identity.removeErased(),
  });
}

export type SyncEngine = ReturnType<typeof createSyncEngine>;
