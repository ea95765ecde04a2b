// A unit officer's calls to the server (staff cookie session): who they are
// with the plans to record against, and the unit family's sync.
import type { SyncResponse } from '../../../shared/api.ts';
import type { UnitEvent } from '../../../shared/events.ts';
import type { UnitMe } from '../../../shared/units/api.ts';
import { staffRequest } from '../net/http.ts';

export const unitApi = {
  me: () => staffRequest<UnitMe>('/api/v1/units/me'),
  sync: (deviceId: string, events: UnitEvent[]) => staffRequest<SyncResponse>('/api/v1/units/sync', { method: 'POST', json: { deviceId, events } }),
};
