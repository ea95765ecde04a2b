// Small-count suppression, applied on the server so a reviewer's browser
// never receives a count that could point at one person.
// Primary: a count of 1–4 people leaves as "<5".
// Secondary (protect): in a breakdown whose total is shown elsewhere, hidden
// cells could be worked out as "total minus the visible cells". So while
// only one cell is hidden, or the hidden cells add up to fewer than 5, the
// next-smallest visible non-zero cell is hidden too (as "*").
import { HIDDEN, SMALL_COUNT_LIMIT, SUPPRESSED, type Count } from '../../shared/stats/api.ts';

export const isSmall = (n: number): boolean => n > 0 && n < SMALL_COUNT_LIMIT;

/** A count of people as it may be shown. */
export const people = (n: number): Count => (isSmall(n) ? SUPPRESSED : n);

/** A share, unless either side is a suppressed or missing figure. */
export function share(part: number, whole: number | null | undefined): number | null {
  if (!whole || isSmall(part)) return null;
  return Math.round((part / whole) * 10_000) / 10_000;
}

/** The cells of one breakdown (parts of a published total), both rules applied. */
export function protect(cells: readonly number[]): Count[] {
  const out: Count[] = cells.map(people);
  const hidden = () => cells.filter((_, i) => out[i] !== cells[i]);
  for (;;) {
    const h = hidden();
    const sum = h.reduce((a, b) => a + b, 0);
    if (h.length === 0 || (h.length > 1 && sum >= SMALL_COUNT_LIMIT)) return out;
    let next = -1;
    cells.forEach((n, i) => {
      if (out[i] === n && n > 0 && (next < 0 || n < cells[next])) next = i;
    });
    if (next < 0) return out; // nothing left to hide: the total itself is then small or equals the hidden cell
    out[next] = HIDDEN;
  }
}

/** A share of a count as shown: none when the count is hidden either way. */
export const shownShare = (shown: Count, part: number, whole: number | null | undefined): number | null =>
  typeof shown === 'number' ? share(part, whole) : null;
