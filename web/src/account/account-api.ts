// Staff account calls of the admin screens and the password page (cookie
// session, JSON bodies: the server's CSRF guard requires both). Errors are
// the shared HttpError / NetworkError.
import type { StaffAccount } from '../../../shared/guide/api.ts';
import { jsonBody, staffFetch } from '../net/staff-fetch.ts';

const call = <T>(url: string, method: string, payload: unknown) => staffFetch<T>(url, jsonBody(method, payload));

const staffUrl = (username: string, what: string) => `/api/v1/staff/${encodeURIComponent(username)}/${what}`;

export const accountApi = {
  changeOwnPassword: (currentPassword: string, newPassword: string) => call<unknown>('/api/v1/auth/password', 'POST', { currentPassword, newPassword }),
  resetPassword: (username: string) => call<{ password: string }>(staffUrl(username, 'password'), 'POST', {}),
  setDisabled: (username: string, disabled: boolean) => call<StaffAccount>(staffUrl(username, 'disabled'), 'PUT', { disabled }),
};
