// The anomaly view's calls (staff cookie session): read the view, decide on a learner.
import type { Anomalies, ReviewDecision } from '../../../../shared/integrity/api.ts';
import type { SpotCheck } from '../../../../shared/integrity/spot-check.ts';
import { staffRequest } from '../../net/http.ts';

export const integrityApi = {
  anomalies: () => staffRequest<Anomalies>('/api/v1/integrity/anomalies'),
  /** `ref`: the learner's handle in the anomaly view. */
  review: (ref: string, decision: ReviewDecision['decision']) =>
    staffRequest<{ decision: string; records: number }>(`/api/v1/integrity/learners/${encodeURIComponent(ref)}/review`, { method: 'POST', json: { decision } }),
  latestSpotCheck: () => staffRequest<{ check: SpotCheck | null }>('/api/v1/integrity/spot-checks/latest'),
  drawSpotCheck: (q: { from: string; to: string; size: number; seed?: number }) => staffRequest<SpotCheck>('/api/v1/integrity/spot-checks', { method: 'POST', json: q }),
  recordSpotCheck: (id: number, itemNo: number, result: string) => staffRequest<SpotCheck>(`/api/v1/integrity/spot-checks/${id}/items/${itemNo}`, { method: 'PUT', json: { result } }),
};
