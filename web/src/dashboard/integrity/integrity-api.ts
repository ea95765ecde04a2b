// The anomaly view's calls (staff cookie session): read the view, decide on a learner.
import type { Anomalies, ReviewDecision } from '../../../../shared/integrity/api.ts';
import { staffRequest } from '../../net/http.ts';

export const integrityApi = {
  anomalies: () => staffRequest<Anomalies>('/api/v1/integrity/anomalies'),
  review: (learnerId: string, decision: ReviewDecision['decision']) =>
    staffRequest<{ decision: string; records: number }>(`/api/v1/integrity/learners/${encodeURIComponent(learnerId)}/review`, { method: 'POST', json: { decision } }),
};
