// Guide mode's calls to the ward server (cookie session). Errors are the
// shared HttpError / NetworkError of net/api.ts, so offline is told apart
// from "log in again" (401).
import type { GuideEvent } from '../../../shared/events.ts';
import type { SyncResponse } from '../../../shared/api.ts';
import type { GuideMe, SessionSummary, TeamReport, FollowUp, HouseholdList, StaffAccount } from '../../../shared/guide/api.ts';
import { jsonBody, staffFetch } from '../net/staff-fetch.ts';

const API = '/api/v1';

const request = staffFetch;
const json = jsonBody;
const range = (from?: string, to?: string) => {
  const q = new URLSearchParams();
  if (from) q.set('from', from);
  if (to) q.set('to', to);
  const s = q.toString();
  return s ? `?${s}` : '';
};

export const guideApi = {
  login: (username: string, password: string) => request<{ user: GuideMe['user'] }>(`${API}/auth/login`, json('POST', { username, password })),
  logout: () => request<unknown>(`${API}/auth/logout`, json('POST', {})),
  me: () => request<GuideMe>(`${API}/guide/me`),
  sync: (deviceId: string, events: GuideEvent[]) => request<SyncResponse>(`${API}/guide/sync`, json('POST', { deviceId, events })),
  session: (id: string) => request<SessionSummary>(`${API}/guide/sessions/${id}`),
  sessions: () => request<{ sessions: SessionSummary[] }>(`${API}/guide/sessions`),
  report: (from?: string, to?: string) => request<TeamReport>(`${API}/guide/report${range(from, to)}`),
  reportCsvUrl: (from?: string, to?: string) => `${API}/guide/report.csv${range(from, to)}`,
  followUp: (groupId: string) => request<FollowUp>(`${API}/guide/groups/${groupId}/follow-up`),
  households: (groupId: string) => request<HouseholdList>(`${API}/guide/groups/${groupId}/households`),
  // Admin.
  staff: () => request<{ accounts: StaffAccount[] }>(`${API}/staff`),
  createStaff: (input: { username: string; displayName: string; role: string; team: string | null; groups: string[] }) =>
    request<{ account: StaffAccount; password: string }>(`${API}/staff`, json('POST', input)),
  ward: () => request<{ groups: Array<{ id: string; name: string }> }>(`${API}/ward`),
};
