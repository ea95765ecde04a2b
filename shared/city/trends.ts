// The city's trend (GET /api/v1/city/trends): each locality's new learners
// week by week, by the same definition as its own dashboard's trend (weeks
// from Monday, cut at the range's ends), and the city's weekly total. Every
// cell is a count of people under the "<5" rules, across localities and
// across weeks alike (server/city/trends.ts).
import type { Count, StatsRange } from '../stats/api.ts';

export interface CityTrends {
  range: StatsRange;
  /** The Monday (YYYY-MM-DD) of each week; the first and last are cut at the range's ends. */
  weeks: string[];
  localities: Array<{ slug: string; name: string; newLearners: Count[] }>;
  /** The city's new learners in each week. */
  total: Count[];
}
