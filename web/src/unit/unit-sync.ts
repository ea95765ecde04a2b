// The unit officer's sync: the staff sync (sync/staff-sync.ts) over the unit
// outbox, sent to POST /units/sync under the officer's login cookie.
import type { UnitEvent } from '../../../shared/events.ts';
import type { SyncResponse } from '../../../shared/api.ts';
import { createStaffSync, type StaffSyncDeps } from '../sync/staff-sync.ts';
import type { UnitOutboxRow } from './db.ts';
import type { UnitRepo } from './unit-repo.ts';

export interface UnitSyncDeps extends Omit<StaffSyncDeps<UnitOutboxRow>, 'repo' | 'api'> {
  repo: UnitRepo;
  api: { sync(deviceId: string, events: UnitEvent[]): Promise<SyncResponse> };
}

export const createUnitSync = (deps: UnitSyncDeps) => createStaffSync<UnitOutboxRow>(deps);
export type UnitSync = ReturnType<typeof createUnitSync>;
