// A unit officer's calls to the server (staff cookie session): who they are
// with the plans to record against, the unit family's sync, the upload of an
// evidence file under the SHA-256 of its bytes (a resend stores nothing new),
// a plan's tracker for a span (the server gives an officer only their own unit),
// and the unit's activities, whichever phone recorded them.
import type { SyncResponse } from '../../../shared/api.ts';
import type { UnitEvent } from '../../../shared/events.ts';
import type { StoredFile } from '../../../shared/files.ts';
import type { Span } from '../../../shared/plans/periods.ts';
import type { ActivityList, Tracker, UnitMe } from '../../../shared/units/api.ts';
import { staffRequest } from '../net/http.ts';

export const unitApi = {
  me: () => staffRequest<UnitMe>('/api/v1/units/me'),
  tracker: (planId: string, span: Span) => staffRequest<Tracker>(`/api/v1/plans/${encodeURIComponent(planId)}/tracker?from=${span.from}&to=${span.to}`),
  activities: (unitId: string) => staffRequest<ActivityList>(`/api/v1/units/${encodeURIComponent(unitId)}/activities`).then((r) => r.activities),
  sync: (deviceId: string, events: UnitEvent[]) => staffRequest<SyncResponse>('/api/v1/units/sync', { method: 'POST', json: { deviceId, events } }),
  putFile: (sha256: string, blob: Blob) => staffRequest<StoredFile>(`/api/v1/unit-files/${sha256}`, { method: 'PUT', file: blob }),
};
