// The city screen's calls to the home app (staff cookie session). The list of
// localities answers 404 on a single ward's server: that is how the screen
// knows it is not a city's.
import type { CityTargets } from '../../../shared/city/targets.ts';
import type { CityTrends } from '../../../shared/city/trends.ts';
import type { CityView } from '../../../shared/city/view.ts';
import type { Locality, NewLocality } from '../../../shared/localities/locality.ts';
import { HttpError, request, staffRequest, withQuery } from '../net/http.ts';

const API = '/api/v1/city';

export interface CityRange {
  from?: string;
  to?: string;
}

export const cityApi = {
  /** Whether this server serves a city (its home app has the city's routes). */
  isCity: () =>
    request(`${API}/localities`).then(
      () => true,
      (err) => {
        if (err instanceof HttpError && err.status === 404) return false;
        throw err;
      },
    ),
  overview: (q: CityRange) => staffRequest<CityView>(withQuery(`${API}/overview`, { ...q })),
  trends: (q: CityRange) => staffRequest<CityTrends>(withQuery(`${API}/trends`, { ...q })),
  saveTargets: (targets: CityTargets) => staffRequest<CityTargets>(`${API}/targets`, { method: 'PUT', json: targets }),
  addLocality: (locality: NewLocality) => staffRequest<Locality>(`${API}/localities`, { method: 'POST', json: locality }),
  exportUrl: (kind: 'csv' | 'xlsx', q: CityRange, lang: string) => withQuery(`${API}/overview.${kind}`, { ...q, lang }),
};
