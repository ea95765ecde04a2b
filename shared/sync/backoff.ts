// Retry delays after a failed sync. Exponential so a ward server that is down
// is not hammered by every phone at once; jitter so phones that failed
// together do not retry together; a cap so a phone that was offline for a day
// still retries within minutes once the network is back (the `online` event
// usually triggers a sync sooner anyway).

export interface BackoffOptions {
  /** Ceiling of the first retry delay, in ms. */
  baseMs: number;
  /** No delay is ever longer than this, in ms. */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 5_000, capMs: 5 * 60_000 };

/** Upper bound of the delay after `failures` consecutive failures (≥ 1). */
export function backoffCeiling(failures: number, { baseMs, capMs }: BackoffOptions = DEFAULT_BACKOFF): number {
  const n = Math.max(1, Math.floor(failures));
  // Clamp the exponent so 2 ** n never overflows to Infinity.
  return Math.min(capMs, baseMs * 2 ** Math.min(n - 1, 30));
}

/**
 * "Equal jitter": half the ceiling for sure, plus a random share of the other
 * half. Unlike full jitter it never retries immediately.
 * `random` is a number in [0, 1), e.g. Math.random().
 */
export function backoffDelay(failures: number, random: number, options: BackoffOptions = DEFAULT_BACKOFF): number {
  const ceiling = backoffCeiling(failures, options);
  const r = Math.min(Math.max(random, 0), 1);
  return Math.round(ceiling / 2 + (ceiling / 2) * r);
}

/** Longest server-requested wait a phone accepts: a wrong Retry-After must not silence it for days. */
export const MAX_SERVER_WAIT_MS = 60 * 60_000;

/**
 * The delay before the next try when the server said "Retry-After" (a 429 of
 * the ward server's rate limit): never sooner than the server asked, nor
 * sooner than our own backoff.
 */
export function retryDelay(backoffMs: number, retryAfterMs?: number): number {
  if (retryAfterMs === undefined || !(retryAfterMs > 0)) return backoffMs;
  return Math.max(backoffMs, Math.min(retryAfterMs, MAX_SERVER_WAIT_MS));
}
