// Staff session and account calls (cookie session): logging in and out, who
// is logged in, one's own password, and the admin's actions on an account.
// The ward page, guide mode and the admin screens share them.
import type { StaffUser } from '../../../shared/api.ts';
import type { StaffAccount } from '../../../shared/guide/api.ts';
import { staffRequest as request } from '../net/http.ts';

const API = '/api/v1';
const staffUrl = (username: string, what: string) => `${API}/staff/${encodeURIComponent(username)}/${what}`;

export const accountApi = {
  login: (username: string, password: string) => request<{ user: StaffUser }>(`${API}/auth/login`, { method: 'POST', json: { username, password } }),
  logout: () => request<unknown>(`${API}/auth/logout`, { method: 'POST', json: {} }),
  me: () => request<{ user: StaffUser }>(`${API}/auth/me`),
  changeOwnPassword: (currentPassword: string, newPassword: string) =>
    request<unknown>(`${API}/auth/password`, { method: 'POST', json: { currentPassword, newPassword } }),
  resetPassword: (username: string) => request<{ password: string }>(staffUrl(username, 'password'), { method: 'POST', json: {} }),
  setDisabled: (username: string, disabled: boolean) => request<StaffAccount>(staffUrl(username, 'disabled'), { method: 'PUT', json: { disabled } }),
};
