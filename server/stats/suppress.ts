// Small-count suppression, applied on the server so a reviewer's browser
// never receives a count that could point at one person.
import { SMALL_COUNT_LIMIT, SUPPRESSED, type Count } from '../../shared/stats/api.ts';

export const isSmall = (n: number): boolean => n > 0 && n < SMALL_COUNT_LIMIT;

/** A count of people as it may be shown. */
export const people = (n: number): Count => (isSmall(n) ? SUPPRESSED : n);

/** A share, unless either side is a suppressed or missing figure. */
export function share(part: number, whole: number | null | undefined): number | null {
  if (!whole || isSmall(part)) return null;
  return Math.round((part / whole) * 10_000) / 10_000;
}
