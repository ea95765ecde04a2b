// The office's reading of the units' outreach log (staff cookie session).
import type { Unit } from '../../../shared/plans/schema.ts';
import type { ActivityList } from '../../../shared/units/api.ts';
import { staffRequest, withQuery } from '../net/http.ts';
import { apiUrl } from '../net/api-base.ts';

export const unitLogApi = {
  units: () => staffRequest<{ units: Unit[] }>('/api/v1/units'),
  activities: (unitId: string, span: { from?: string; to?: string } = {}) =>
    staffRequest<ActivityList>(withQuery(`/api/v1/units/${encodeURIComponent(unitId)}/activities`, span)),
};

/** Where a stored evidence file is read (staff only; the server checks who). */
export const fileUrl = (sha256: string) => apiUrl(`/api/v1/unit-files/${sha256}`);
