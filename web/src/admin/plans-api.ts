// The plan screens' calls (staff cookie session): plans, units (add, rename) and the YAML
// import. A refused import's file:line errors travel on PlanFileError.
import type { Plan, PlanInput, PlanSummary, Unit } from '../../../shared/plans/schema.ts';

type UnitInput = { name: string; shortName: string };
import { HttpError, staffRequest } from '../net/http.ts';

export interface PlanFileLine {
  line: number;
  message: string;
  text: string;
}

/** A refused plan file: every problem, each as "file:line: message". */
export class PlanFileError extends HttpError {
  constructor(status: number, code: string, message: string, readonly lines: PlanFileLine[]) {
    super(status, code, message);
  }
}

export const plansApi = {
  list: () => staffRequest<{ plans: PlanSummary[] }>('/api/v1/plans').then((r) => r.plans),
  get: (id: string) => staffRequest<Plan>(`/api/v1/plans/${encodeURIComponent(id)}`),
  create: (plan: PlanInput) => staffRequest<Plan>('/api/v1/plans', { method: 'POST', json: plan }),
  replace: (id: string, plan: PlanInput) => staffRequest<Plan>(`/api/v1/plans/${encodeURIComponent(id)}`, { method: 'PUT', json: plan }),
  units: () => staffRequest<{ units: Unit[] }>('/api/v1/units').then((r) => r.units),
  addUnit: (u: UnitInput) => staffRequest<Unit>('/api/v1/units', { method: 'POST', json: u }),
  renameUnit: (id: string, u: UnitInput) => staffRequest<Unit>(`/api/v1/units/${encodeURIComponent(id)}`, { method: 'PUT', json: u }),
  async importFile(fileName: string, text: string, dryRun: boolean): Promise<{ dryRun: boolean; plan: Plan | null }> {
    try {
      return await staffRequest('/api/v1/plans/import', { method: 'POST', json: { fileName, text, dryRun } });
    } catch (err) {
      if (!(err instanceof HttpError && err.details.errors)) throw err;
      const e = err.details as { code?: string; message?: string; errors: PlanFileLine[] };
      throw new PlanFileError(err.status, e.code ?? 'invalid_plan_file', e.message ?? '', e.errors);
    }
  },
};

/** Creates a unit officer bound to `unitId`; the generated password comes back once. */
export const createUnitOfficer = (o: { username: string; displayName: string; unitId: string }) =>
  staffRequest<{ account: { username: string }; password: string }>('/api/v1/staff', { method: 'POST', json: { ...o, role: 'unit' } });
