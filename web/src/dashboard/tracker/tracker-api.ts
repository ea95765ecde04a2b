// The tracker screen's calls (staff cookie session): the plans to choose
// from and one plan's tracker for a span of days.
import type { PlanSummary } from '../../../../shared/plans/schema.ts';
import type { Tracker } from '../../../../shared/units/api.ts';
import type { Span } from '../../../../shared/plans/periods.ts';
import { staffRequest } from '../../net/http.ts';

export const trackerApi = {
  plans: () => staffRequest<{ plans: PlanSummary[] }>('/api/v1/plans').then((r) => r.plans),
  tracker: (planId: string, span: Span) => staffRequest<Tracker>(`/api/v1/plans/${encodeURIComponent(planId)}/tracker?from=${span.from}&to=${span.to}`),
};
