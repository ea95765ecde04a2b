// The LED screens page's calls (staff cookie session).
import type { Display, DisplayInput } from '../../../shared/displays/schema.ts';
import { staffRequest } from '../net/http.ts';

const API = '/api/v1/displays';
export const displaysApi = {
  list: () => staffRequest<{ displays: Display[] }>(API).then((r) => r.displays),
  save: (id: string, input: DisplayInput) => staffRequest<Display>(`${API}/${encodeURIComponent(id)}`, { method: 'PUT', json: input }),
  remove: (id: string) => staffRequest<{ ok: true }>(`${API}/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};
