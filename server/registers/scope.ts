// Who sees which register entries: a unit officer only their own unit's,
// VH-XH (reviewers) and admins every unit's. Also the plan checks the three
// registers share (the plan exists, a content item is the plan's own).
import type { StaffUser } from '../../shared/api.ts';
import { PLAN_ID_PATTERN } from '../../shared/plans/constants.ts';
import type { Plan } from '../../shared/plans/schema.ts';
import { apiError } from '../http/errors.ts';
import type { PlanStore } from '../plans/store.ts';
import type { Units } from '../plans/units.ts';

/** The unit a reader is limited to, or null for the office (every unit). */
export type Scope = { unitId: string | null };

export async function scopeOf(units: Units, staff: StaffUser): Promise<Scope> {
  if (staff.role !== 'unit') return { unitId: null };
  const unitId = await units.unitOf(staff.id);
  if (!unitId) throw apiError(403, 'no_unit', 'Your account is not bound to a unit; ask an admin');
  return { unitId };
}

/** A unit officer may touch only their own unit's entry; a refusal says 403, like the outreach log. */
export function checkInScope(scope: Scope, entryUnitId: string | null): void {
  if (scope.unitId !== null && scope.unitId !== entryUnitId) throw apiError(403, 'forbidden', 'This entry belongs to another unit');
}

/** The plan an entry is filed under, and its content item if one is named: 422 when the plan lacks them. */
export async function planFor(plans: PlanStore, planId: string, itemCode: string | null): Promise<Plan> {
  const plan = PLAN_ID_PATTERN.test(planId) ? await plans.get(planId) : undefined;
  if (!plan) throw apiError(422, 'unknown_plan', `No plan "${planId}"`);
  if (itemCode !== null && !plan.contentItems.some((c) => c.code === itemCode)) {
    throw apiError(422, 'not_in_plan', `The plan has no content item ${itemCode}`);
  }
  return plan;
}

export const iso = (ms: number) => new Date(ms).toISOString();
