// What the city's screen draws (GET /api/v1/city/overview): the overview of
// every locality (api.ts) with the city's targets and how each locality and
// the city stand against the target that applies (targets.ts). The exports
// (overview.csv, overview.xlsx) are made from this same object.
import type { CityOverview } from './api.ts';
import type { CityTargets, Standing } from './targets.ts';

export interface CityView extends CityOverview {
  targets: CityTargets;
  standing: { city: Standing; localities: Record<string, Standing> };
}

/** A locality's place in a ranking (1 = first), or null when its share cannot be shown. */
export function rankOf(order: readonly string[], slug: string, share: number | null): number | null {
  return share === null ? null : order.indexOf(slug) + 1;
}
