// Guide mode's sync: the staff sync (sync/staff-sync.ts) over the guide
// outbox, sent to POST /guide/sync under the guide's login cookie.
import { liveQuery } from 'dexie';
import type { SyncResponse } from '../../../shared/api.ts';
import type { GuideEvent } from '../../../shared/events.ts';
import { createStaffSync, type StaffSyncDeps } from '../sync/staff-sync.ts';
import type { GuideOutboxRow } from './db.ts';
import type { GuideRepo } from './guide-repo.ts';

export interface GuideSyncDeps extends Omit<StaffSyncDeps<GuideOutboxRow>, 'repo' | 'api'> {
  repo: GuideRepo;
  api: { sync(deviceId: string, events: GuideEvent[]): Promise<SyncResponse> };
}

export const createGuideSync = (deps: GuideSyncDeps) => createStaffSync<GuideOutboxRow>(deps);

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
