// The slogans the ward's plans set out, for every studio channel: a card, an
// LED screen's slogan slide and a poster start from the plan's own words.
// Plans are read by reviewers, admins and unit officers; anyone else (or no
// network) gets none, and the screens keep their own suggestions.
import type { Plan, PlanSummary } from '../../../../shared/plans/schema.ts';
import { staffRequest } from '../../net/http.ts';

/** Each plan's slogans, once each, in plan order. */
export async function fetchPlanSlogans(): Promise<string[]> {
  try {
    const { plans } = await staffRequest<{ plans: PlanSummary[] }>('/api/v1/plans');
    const full = await Promise.all(plans.map((p) => staffRequest<Plan>(`/api/v1/plans/${encodeURIComponent(p.id)}`).catch(() => null)));
    return [...new Set(full.flatMap((p) => p?.slogans ?? []))];
  } catch {
    return [];
  }
}
