// The LED screens page's calls (staff cookie session).
import type { Display, DisplayHours, DisplayInput, ScreensHours } from '../../../shared/displays/schema.ts';
import { staffRequest, withQuery } from '../net/http.ts';

const API = '/api/v1/displays';
export const displaysApi = {
  list: () => staffRequest<{ displays: Display[] }>(API).then((r) => r.displays),
  save: (id: string, input: DisplayInput) => staffRequest<Display>(`${API}/${encodeURIComponent(id)}`, { method: 'PUT', json: input }),
  /** Hours the screen was on from `from` to `to` (Vietnam days, inclusive), from its heartbeats. */
  hours: (id: string, from: string, to: string) => staffRequest<DisplayHours>(withQuery(`${API}/${encodeURIComponent(id)}/hours`, { from, to })),
  /** Several screens' hours over the same days: each one's part and their sum, added up per day by the server. */
  hoursOfScreens: (ids: readonly string[], from: string, to: string) => staffRequest<ScreensHours>(withQuery(`${API}/hours`, { ids: ids.join(','), from, to })),
  remove: (id: string) => staffRequest<{ ok: true }>(`${API}/${encodeURIComponent(id)}`, { method: 'DELETE' }),
};
