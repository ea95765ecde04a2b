import { describe, expect, it } from 'vitest';
import { createFailureLimiter } from './rate-limit.ts';

describe('createFailureLimiter', () => {
  it('blocks a key after the limit until its window ends, and reset clears it', async () => {
    let now = 0;
    const limiter = createFailureLimiter({ limit: 3, windowMs: 60_000, now: () => now });
    for (let i = 0; i < 2; i++) await limiter.recordFailure('lan');
    expect(await limiter.retryAfter('lan')).toBe(0);
    await limiter.recordFailure('lan');
    expect(await limiter.retryAfter('lan')).toBe(60);
    expect(await limiter.retryAfter('minh')).toBe(0);
    now = 30_000;
    expect(await limiter.retryAfter('lan')).toBe(30);
    now = 60_000;
    expect(await limiter.retryAfter('lan')).toBe(0);
    await limiter.recordFailure('minh');
    await limiter.recordFailure('minh');
    await limiter.recordFailure('minh');
    await limiter.reset('minh');
    expect(await limiter.retryAfter('minh')).toBe(0);
  });
});
