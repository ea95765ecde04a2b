// The unit officer's sync: the staff sync (sync/staff-sync.ts) over the unit
// outbox, sent to POST /units/sync under the officer's login cookie, each run
// first sending the evidence files the records name (file-upload.ts). After
// each successful run the unit's activities are read again, so one another
// officer recorded (or corrected) shows without restarting the app; one with
// a record still waiting here keeps this phone's values (unit-repo.ts).
import type { UnitEvent } from '../../../shared/events.ts';
import type { SyncResponse } from '../../../shared/api.ts';
import type { ActivityRow } from '../../../shared/units/api.ts';
import { createStaffSync, type StaffSyncDeps } from '../sync/staff-sync.ts';
import type { UnitOutboxRow } from './db.ts';
import { uploadPendingFiles, type FileApi } from './file-upload.ts';
import type { UnitRepo } from './unit-repo.ts';

export interface UnitSyncDeps extends Omit<StaffSyncDeps<UnitOutboxRow>, 'repo' | 'api' | 'prepare' | 'afterDrain'> {
  repo: UnitRepo;
  api: FileApi & { sync(deviceId: string, events: UnitEvent[]): Promise<SyncResponse>; activities(unitId: string): Promise<ActivityRow[]> };
  /** The officer's unit once known (null before the first login): whose activities to read. */
  unitId?: () => string | null;
  /** The activities on the phone were read again: the screen lists them anew. */
  onActivities?: () => void;
}

export function createUnitSync({ unitId, onActivities, ...deps }: UnitSyncDeps) {
  /** Never fails the run: the records were sent; without an answer the phone's copies stay. */
  async function readActivities() {
    const id = unitId?.();
    if (!id) return;
    try {
      await deps.repo.keepServerActivities(await deps.api.activities(id));
    } catch {
      return;
    }
    onActivities?.();
  }
  return createStaffSync<UnitOutboxRow>({ ...deps, prepare: () => uploadPendingFiles(deps.repo, deps.api), afterDrain: readActivities });
}
export type UnitSync = ReturnType<typeof createUnitSync>;
