// The ward dashboard's calls to the server (staff cookie session), on the one
// client of net/http.ts. Loaded with the ward page only.
import type { Dashboard } from '../../../shared/stats/api.ts';
import type { Narrative, NarrativeText } from '../../../shared/stats/narrative.ts';
import type { SelfCheckSummary } from '../../../shared/stats/self-check.ts';
import { staffRequest, withQuery } from '../net/http.ts';
import { apiUrl } from '../net/api-base.ts';

const API = '/api/v1/stats';

export interface RangeQuery {
  from?: string;
  to?: string;
  group?: string;
}

export const dashboardApi = {
  dashboard: (q: RangeQuery) => staffRequest<Dashboard>(withQuery(`${API}/dashboard`, { ...q })),
  selfCheck: () => staffRequest<SelfCheckSummary>(`${API}/self-check`),
  report: (q: RangeQuery) => staffRequest<Dashboard>(withQuery(`${API}/report`, { ...q })),
  narrative: (q: RangeQuery) => staffRequest<Narrative>(withQuery(`${API}/report/narrative`, { ...q })),
  saveNarrative: (period: { from: string; to: string; group: string | null }, text: NarrativeText) =>
    staffRequest<Narrative>(`${API}/report/narrative`, { method: 'PUT', json: { from: period.from, to: period.to, ...(period.group ? { group: period.group } : {}), ...text } }),
  docxUrl: (r: { from: string; to: string; group: string | null }) => apiUrl(withQuery(`${API}/report.docx`, { from: r.from, to: r.to, ...(r.group ? { group: r.group } : {}) })),
  saveOfficialKinds: (kinds: string[]) => staffRequest<{ kinds: string[] }>(`${API}/official-kinds`, { method: 'PUT', json: { kinds } }),
  exportUrl: (kind: 'csv' | 'xlsx', q: RangeQuery, lang: string) => apiUrl(withQuery(`${API}/export.${kind}`, { ...q, lang })),
};
