// Guide mode's calls to the ward server (cookie session), on the one client
// of net/http.ts: its HttpError (401 log in again, 429 with retryAfterSec)
// and NetworkError (offline) are what the sync engine acts on.
import type { GuideEvent } from '../../../shared/events.ts';
import type { SyncResponse, WardProfile } from '../../../shared/api.ts';
import type { GuideMe, SessionSummary, TeamReport, FollowUp, HouseholdList, StaffAccount } from '../../../shared/guide/api.ts';
import { accountApi } from '../account/account-api.ts';
import { staffRequest as request, withQuery } from '../net/http.ts';
import { apiUrl } from '../net/api-base.ts';

const API = '/api/v1';

export const guideApi = {
  login: accountApi.login,
  logout: accountApi.logout,
  me: () => request<GuideMe>(`${API}/guide/me`),
  sync: (deviceId: string, events: GuideEvent[]) => request<SyncResponse>(`${API}/guide/sync`, { method: 'POST', json: { deviceId, events } }),
  session: (id: string) => request<SessionSummary>(`${API}/guide/sessions/${id}`),
  sessions: () => request<{ sessions: SessionSummary[] }>(`${API}/guide/sessions`),
  report: (from?: string, to?: string) => request<TeamReport>(withQuery(`${API}/guide/report`, { from, to })),
  reportCsvUrl: (from?: string, to?: string) => apiUrl(withQuery(`${API}/guide/report.csv`, { from, to })),
  followUp: (groupId: string) => request<FollowUp>(`${API}/guide/groups/${groupId}/follow-up`),
  households: (groupId: string) => request<HouseholdList>(`${API}/guide/groups/${groupId}/households`),
  // Admin.
  staff: () => request<{ accounts: StaffAccount[] }>(`${API}/staff`),
  createStaff: (input: { username: string; displayName: string; role: string; team: string | null; groups: string[] }) =>
    request<{ account: StaffAccount; password: string }>(`${API}/staff`, { method: 'POST', json: input }),
  setGroups: (username: string, groups: string[]) =>
    request<StaffAccount>(`${API}/staff/${encodeURIComponent(username)}/groups`, { method: 'PUT', json: { groups } }),
  ward: () => request<WardProfile>(`${API}/ward`),
  putAudio: (sha256: string, blob: Blob) => request<unknown>(`${API}/lesson-audio/files/${sha256}`, { method: 'PUT', file: blob }),
};
