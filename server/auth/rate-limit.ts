// In-memory failure counters for the login endpoint (fixed windows). Memory
// is enough: one process per ward, and a restart forgetting counts is harmless.
export interface FailureLimiter {
  /** Seconds until the key may try again, or 0 if it is not blocked. */
  retryAfter(key: string): number;
  recordFailure(key: string): void;
  reset(key: string): void;
}

interface Window {
  failures: number;
  resetAt: number;
}

const MAX_TRACKED_KEYS = 10_000;

export function createFailureLimiter(options: { limit: number; windowMs: number; now: () => number }): FailureLimiter {
  const windows = new Map<string, Window>();

  const current = (key: string): Window | undefined => {
    const found = windows.get(key);
    if (found && found.resetAt <= options.now()) {
      windows.delete(key);
      return undefined;
    }
    return found;
  };

  const prune = () => {
    const now = options.now();
    for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key);
    // Still too many (someone spraying usernames): forget the oldest keys
    // rather than grow without bound.
    for (const key of windows.keys()) {
      if (windows.size <= MAX_TRACKED_KEYS) break;
      windows.delete(key);
    }
  };

  return {
    retryAfter(key) {
      const window = current(key);
      if (!window || window.failures < options.limit) return 0;
      return Math.max(1, Math.ceil((window.resetAt - options.now()) / 1000));
    },
    recordFailure(key) {
      const window = current(key);
      if (window) window.failures++;
      else {
        if (windows.size >= MAX_TRACKED_KEYS) prune();
        windows.set(key, { failures: 1, resetAt: options.now() + options.windowMs });
      }
    },
    reset(key) {
      windows.delete(key);
    },
  };
}
