// The indicators screen's calls (staff cookie session): the plans, one plan's
// indicators for a period, and saving its targets.
import type { IndicatorReport, IndicatorTargetSet } from '../../../../shared/indicators/api.ts';
import type { PlanSummary } from '../../../../shared/plans/schema.ts';
import { staffRequest, withQuery } from '../../net/http.ts';

const base = (planId: string) => `/api/v1/plans/${encodeURIComponent(planId)}`;

export const indicatorsApi = {
  plans: () => staffRequest<{ plans: PlanSummary[] }>('/api/v1/plans').then((r) => r.plans),
  read: (planId: string, period: string) => staffRequest<IndicatorReport>(withQuery(`${base(planId)}/indicators`, { period })),
  saveTargets: (planId: string, targets: IndicatorTargetSet) => staffRequest<{ targets: IndicatorTargetSet }>(`${base(planId)}/indicators/targets`, { method: 'PUT', json: targets }),
};
