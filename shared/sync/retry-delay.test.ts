import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAX_SERVER_WAIT_MS, retryDelay } from './backoff.ts';

describe('retryDelay (server Retry-After)', () => {
  it('waits at least as long as the server asked and as our own backoff, but never more than the cap', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 300_000 }), fc.option(fc.integer({ min: 0, max: 10 * MAX_SERVER_WAIT_MS }), { nil: undefined }), (backoff, asked) => {
        const d = retryDelay(backoff, asked);
        expect(d).toBeGreaterThanOrEqual(backoff);
        if (asked !== undefined) expect(d).toBeGreaterThanOrEqual(Math.min(asked, MAX_SERVER_WAIT_MS));
        expect(d).toBeLessThanOrEqual(Math.max(backoff, MAX_SERVER_WAIT_MS));
      }),
    );
    expect(retryDelay(5_000, 120_000)).toBe(120_000);
    expect(retryDelay(5_000, 1_000)).toBe(5_000);
    expect(retryDelay(5_000, 30 * 24 * 3_600_000)).toBe(MAX_SERVER_WAIT_MS);
  });
});
