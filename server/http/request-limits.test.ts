import { describe, expect, it } from 'vitest';
import { createRequestCounter } from './request-limits.ts';

describe('createRequestCounter', () => {
  it('lets a key make `limit` requests per window, then says how long to wait', async () => {
    let now = 0;
    const counter = createRequestCounter({ limit: 3, windowMs: 60_000, now: () => now });
    expect([await counter.hit('a'), await counter.hit('a'), await counter.hit('a')]).toEqual([0, 0, 0]);
    expect(await counter.hit('a')).toBe(60);
    expect(await counter.hit('b')).toBe(0); // other keys are not affected
    now = 45_500;
    expect(await counter.hit('a')).toBe(15);
    now = 60_000;
    expect(await counter.hit('a')).toBe(0); // a new window
  });

  it('keeps working when very many keys are seen (memory is bounded, new keys still pass)', async () => {
    let now = 0;
    const counter = createRequestCounter({ limit: 1, windowMs: 1_000, now: () => now });
    for (let i = 0; i < 60_000; i++) await counter.hit(`k${i}`);
    now = 2_000;
    expect(await counter.hit('fresh')).toBe(0);
    expect(await counter.hit('fresh')).toBe(1);
  });
});
