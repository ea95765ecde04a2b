import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { backoffCeiling, backoffDelay, DEFAULT_BACKOFF } from './backoff.ts';

const options = fc
  .record({ baseMs: fc.integer({ min: 1, max: 60_000 }), capMs: fc.integer({ min: 1, max: 3_600_000 }) })
  .filter((o) => o.baseMs <= o.capMs);
const failures = fc.integer({ min: 1, max: 10_000 });
const random = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

describe('backoff', () => {
  it('is positive and never above the cap', () => {
    fc.assert(
      fc.property(failures, random, options, (n, r, o) => {
        const d = backoffDelay(n, r, o);
        expect(d).toBeGreaterThan(0);
        expect(d).toBeLessThanOrEqual(o.capMs);
      }),
    );
  });

  it('stays within [ceiling / 2, ceiling] whatever the jitter', () => {
    fc.assert(
      fc.property(failures, random, options, (n, r, o) => {
        const c = backoffCeiling(n, o);
        const d = backoffDelay(n, r, o);
        expect(d).toBeGreaterThanOrEqual(Math.floor(c / 2));
        expect(d).toBeLessThanOrEqual(Math.ceil(c));
      }),
    );
  });

  it('grows with each failure until it reaches the cap', () => {
    fc.assert(
      fc.property(failures, options, (n, o) => {
        const now = backoffCeiling(n, o);
        const next = backoffCeiling(n + 1, o);
        expect(next).toBeGreaterThanOrEqual(now);
        if (now < o.capMs) expect(next).toBe(Math.min(o.capMs, now * 2));
      }),
    );
  });

  it('reaches the cap after enough failures', () => {
    expect(backoffCeiling(1000)).toBe(DEFAULT_BACKOFF.capMs);
    expect(backoffCeiling(1)).toBe(DEFAULT_BACKOFF.baseMs);
  });
});
