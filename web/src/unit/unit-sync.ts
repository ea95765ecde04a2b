// The unit officer's sync: the staff sync (sync/staff-sync.ts) over the unit
// outbox, sent to POST /units/sync under the officer's login cookie, each run
// first sending the evidence files the records name (file-upload.ts).
import type { UnitEvent } from '../../../shared/events.ts';
import type { SyncResponse } from '../../../shared/api.ts';
import { createStaffSync, type StaffSyncDeps } from '../sync/staff-sync.ts';
import type { UnitOutboxRow } from './db.ts';
import { uploadPendingFiles, type FileApi } from './file-upload.ts';
import type { UnitRepo } from './unit-repo.ts';

export interface UnitSyncDeps extends Omit<StaffSyncDeps<UnitOutboxRow>, 'repo' | 'api' | 'prepare'> {
  repo: UnitRepo;
  api: FileApi & { sync(deviceId: string, events: UnitEvent[]): Promise<SyncResponse> };
}

export const createUnitSync = (deps: UnitSyncDeps) => createStaffSync<UnitOutboxRow>({ ...deps, prepare: () => uploadPendingFiles(deps.repo, deps.api) });
export type UnitSync = ReturnType<typeof createUnitSync>;
