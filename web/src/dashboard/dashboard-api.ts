// The ward dashboard's calls to the server (staff cookie session). Errors are
// the shared HttpError / NetworkError of net/api.ts. Loaded with the ward page only.
import type { Dashboard } from '../../../shared/stats/api.ts';
import { staffFetch } from '../net/staff-fetch.ts';

const API = '/api/v1/stats';

export interface RangeQuery {
  from?: string;
  to?: string;
  group?: string;
}

export function queryString(q: RangeQuery & { lang?: string }): string {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(q)) if (v) p.set(k, v);
  const s = p.toString();
  return s ? `?${s}` : '';
}

const getJson = <T>(url: string) => staffFetch<T>(url);

export const dashboardApi = {
  dashboard: (q: RangeQuery) => getJson<Dashboard>(`${API}/dashboard${queryString(q)}`),
  report: (q: RangeQuery) => getJson<Dashboard>(`${API}/report${queryString(q)}`),
  exportUrl: (kind: 'csv' | 'xlsx', q: RangeQuery, lang: string) => `${API}/export.${kind}${queryString({ ...q, lang })}`,
};
