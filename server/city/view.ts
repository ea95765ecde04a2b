// The city's view: the overview and the targets, with each figure's
// standing against the target that applies to it (shared/city/targets.ts).
import type { CityOverview } from '../../shared/city/api.ts';
import { standingOf, type CityTargets } from '../../shared/city/targets.ts';
import type { CityView } from '../../shared/city/view.ts';

export function cityView(overview: CityOverview, targets: CityTargets): CityView {
  const localities = Object.fromEntries(overview.localities.map((l) => [l.slug, standingOf(targets.localities[l.slug], targets.city, l)]));
  const city = standingOf(targets.city ?? undefined, null, overview.totals);
  return { ...overview, targets, standing: { city, localities } };
}
