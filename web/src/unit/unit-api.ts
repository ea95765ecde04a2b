// A unit officer's calls to the server (staff cookie session): who they are
// with the plans to record against, the unit family's sync, and a plan's
// tracker for a span (the server gives an officer only their own unit).
import type { SyncResponse } from '../../../shared/api.ts';
import type { UnitEvent } from '../../../shared/events.ts';
import type { Span } from '../../../shared/plans/periods.ts';
import type { Tracker, UnitMe } from '../../../shared/units/api.ts';
import { staffRequest } from '../net/http.ts';

export const unitApi = {
  me: () => staffRequest<UnitMe>('/api/v1/units/me'),
  tracker: (planId: string, span: Span) => staffRequest<Tracker>(`/api/v1/plans/${encodeURIComponent(planId)}/tracker?from=${span.from}&to=${span.to}`),
  sync: (deviceId: string, events: UnitEvent[]) => staffRequest<SyncResponse>('/api/v1/units/sync', { method: 'POST', json: { deviceId, events } }),
};
