// The registers' calls (staff cookie session). Online only: a failure is
// shown, never queued, since these are office records the server keeps.
import type { StaffUser } from '../../../shared/api.ts';
import type { Plan, PlanSummary } from '../../../shared/plans/schema.ts';
import type { Budget, BudgetDecision, BudgetInput, Difficulty, DifficultyHandling, DifficultyInput, Misinfo, MisinfoInput } from '../../../shared/registers/schema.ts';
import type { StoredFile } from '../../../shared/files.ts';
import { staffRequest } from '../net/http.ts';

const R = '/api/v1/registers';
const at = (kind: string, id: string, tail = '') => `${R}/${kind}/${encodeURIComponent(id)}${tail}`;

export const registersApi = {
  me: () => staffRequest<{ user: StaffUser }>('/api/v1/auth/me').then((r) => r.user),
  plans: () => staffRequest<{ plans: PlanSummary[] }>('/api/v1/plans').then((r) => r.plans),
  plan: (id: string) => staffRequest<Plan>(`/api/v1/plans/${encodeURIComponent(id)}`),

  difficulties: () => staffRequest<{ difficulties: Difficulty[] }>(`${R}/difficulties`).then((r) => r.difficulties),
  fileDifficulty: (input: DifficultyInput) => staffRequest<Difficulty>(`${R}/difficulties`, { method: 'POST', json: input }),
  correctDifficulty: (id: string, input: DifficultyInput) => staffRequest<Difficulty>(at('difficulties', id), { method: 'PUT', json: input }),
  handleDifficulty: (id: string, input: DifficultyHandling) => staffRequest<Difficulty>(at('difficulties', id, '/handling'), { method: 'PUT', json: input }),

  misinformation: () => staffRequest<{ entries: Misinfo[] }>(`${R}/misinformation`).then((r) => r.entries),
  logMisinfo: (input: MisinfoInput) => staffRequest<Misinfo>(`${R}/misinformation`, { method: 'POST', json: input }),
  updateMisinfo: (id: string, input: MisinfoInput) => staffRequest<Misinfo>(at('misinformation', id), { method: 'PUT', json: input }),
  /** Uploads a screenshot under the SHA-256 of its bytes, before the entry that names it. */
  putScreenshot: (sha256: string, blob: Blob) => staffRequest<StoredFile>(`${R}/screenshots/${sha256}`, { method: 'PUT', file: blob }),

  budgets: () => staffRequest<{ proposals: Budget[] }>(`${R}/budget`).then((r) => r.proposals),
  proposeBudget: (input: BudgetInput) => staffRequest<Budget>(`${R}/budget`, { method: 'POST', json: input }),
  decideBudget: (id: string, input: BudgetDecision) => staffRequest<Budget>(at('budget', id, '/decision'), { method: 'PUT', json: input }),
};
export type RegistersApi = typeof registersApi;
