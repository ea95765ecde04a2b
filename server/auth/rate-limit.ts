// Failure counters (fixed windows) for guesses that cost nothing to make:
// wrong session codes, wrong recovery codes. They count in the windows of
// server/limits/windows.ts: in memory for one process (a restart forgetting
// counts is harmless), in the shared table when several processes serve a
// city, so a guesser gets no more tries by reaching another process.
import { memoryWindows, type Windows } from '../limits/windows.ts';

export interface FailureLimiter {
  /** Seconds until the key may try again, or 0 if it is not blocked. */
  retryAfter(key: string): Promise<number>;
  recordFailure(key: string): Promise<void>;
  reset(key: string): Promise<void>;
}

export function createFailureLimiter(options: { limit: number; windowMs: number; now: () => number; windows?: Windows }): FailureLimiter {
  const windows = options.windows ?? memoryWindows(options.now, 10_000);
  return {
    async retryAfter(key) {
      const window = await windows.read(key);
      if (!window || window.count < options.limit) return 0;
      return Math.max(1, Math.ceil((window.resetAt - options.now()) / 1000));
    },
    async recordFailure(key) {
      await windows.add(key, 1, options.windowMs);
    },
    async reset(key) {
      await windows.clear(key);
    },
  };
}
