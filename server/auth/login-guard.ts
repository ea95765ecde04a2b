// Who may try a staff password now. Every attempt is counted before its
// password is checked (as "pending"), so a burst of simultaneous guesses
// stops at the limit instead of all being checked; after the check it
// becomes a failure or is forgotten.
//
// Counts are kept per scope (OWASP's "device cookies" scheme):
// - a device that logged in to this account before (valid device cookie) is
//   counted on its own, so a stranger's guessing never locks it out;
// - any other client is counted per account and address (10 wrong passwords
//   lock that pair), per account from anywhere (a higher limit: a guessing
//   attack spread over many addresses locks out only clients without a device
//   cookie), and per address over all accounts (password spraying).
// Only wrong passwords count, so a ward's staff behind one carrier address,
// logging in with their right passwords, are never refused. That holds while
// someone sprays guesses from the same carrier address: a locked address
// refuses only the accounts that had a wrong password from it in the window
// (a sprayer's next guess at them), not an account it has not seen fail, so
// a colleague's right password still gets through, and a sprayer is left
// with one guess per account per window.
//
// Counts live in memory in fixed windows: one process serves a ward, and a
// restart forgetting them is harmless.

export type LockScope = 'device' | 'account_address' | 'account' | 'address';

export interface LoginLimits {
  /** Wrong passwords from one device cookie for its account. */
  perDevice: number;
  /** Wrong passwords for one account from one address. */
  perAccountAddress: number;
  /** Wrong passwords for one account from clients without its device cookie. */
  perAccount: number;
  /** Wrong passwords from one address over all accounts. */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: LoginLimits = {
  perDevice: 10,
  perAccountAddress: 10,
  perAccount: 100,
  perAddress: 200,
  windowMs: 15 * 60_000,
};

export interface LoginAttempt {
  account: string;
  address: string;
  /** Id of a valid device cookie for this account, if the client sent one. */
  device?: string;
}

export interface AttemptTicket {
  /** Right password: the device's or pair's failures are forgiven. */
  succeeded(): void;
  /** Wrong password; returns the scopes this failure has just locked. */
  failed(): LockScope[];
  /** Not checked after all (the queue was full): counts nothing. */
  abandoned(): void;
}

export type Admission = { ok: true; ticket: AttemptTicket } | { ok: false; retryAfter: number; scope: LockScope };

export interface LoginGuard {
  admit(attempt: LoginAttempt): Admission;
}

interface Window {
  failures: number;
  pending: number;
  resetAt: number;
}

const MAX_TRACKED_KEYS = 50_000;

export function createLoginGuard(now: () => number, limits: LoginLimits = DEFAULT_LOGIN_LIMITS): LoginGuard {
  const windows = new Map<string, Window>();

  const current = (key: string): Window | undefined => {
    const found = windows.get(key);
    if (found && found.resetAt <= now() && found.pending === 0) {
      windows.delete(key);
      return undefined;
    }
    return found;
  };

  // Someone spraying names: sweep expired windows, then forget the oldest
  // idle ones rather than grow without bound.
  const sweep = () => {
    for (const [key, w] of windows) if (w.resetAt <= now() && w.pending === 0) windows.delete(key);
    for (const [key, w] of windows) {
      if (windows.size < MAX_TRACKED_KEYS * 0.9) break;
      if (w.pending === 0) windows.delete(key);
    }
  };

  const open = (key: string): Window => {
    const found = current(key);
    if (found) {
      // A window kept alive only by checks in flight starts afresh.
      if (found.resetAt <= now()) Object.assign(found, { failures: 0, resetAt: now() + limits.windowMs });
      return found;
    }
    if (windows.size >= MAX_TRACKED_KEYS) sweep();
    const fresh = { failures: 0, pending: 0, resetAt: now() + limits.windowMs };
    windows.set(key, fresh);
    return fresh;
  };

  const scopesOf = (a: LoginAttempt): Array<[LockScope, string, number]> =>
    a.device
      ? [['device', `d\n${a.account}\n${a.device}`, limits.perDevice]]
      : [
          ['account_address', `p\n${a.account}\n${a.address}`, limits.perAccountAddress],
          ['account', `a\n${a.account}`, limits.perAccount],
          ['address', `i\n${a.address}`, limits.perAddress],
        ];

  return {
    admit(attempt) {
      const scopes = scopesOf(attempt);
      const pair = scopes.find(([scope]) => scope === 'account_address');
      const pairClean = pair ? (current(pair[1])?.failures ?? 0) === 0 : false;
      for (const [scope, key, limit] of scopes) {
        const w = current(key);
        if (scope === 'address' && pairClean) continue; // see the header: a spray does not lock out a colleague
        if (w && w.failures + w.pending >= limit) {
          // Locked by failures: until the window ends; full of checks in flight: a moment.
          const retryAfter = w.failures >= limit && w.resetAt > now() ? Math.ceil((w.resetAt - now()) / 1000) : 1;
          return { ok: false, retryAfter: Math.max(1, retryAfter), scope };
        }
      }
      const counted = scopes.map(([scope, key, limit]) => ({ scope, key, limit, window: open(key) }));
      for (const c of counted) c.window.pending++;
      let settled = false;
      const settle = (each: (c: (typeof counted)[number]) => void) => {
        if (settled) return;
        settled = true;
        for (const c of counted) {
          c.window.pending--;
          each(c);
        }
      };
      return {
        ok: true,
        ticket: {
          succeeded: () =>
            settle((c) => {
              if (c.scope === 'device' || c.scope === 'account_address') c.window.failures = 0;
            }),
          failed() {
            const locked: LockScope[] = [];
            settle((c) => {
              c.window.failures++;
              if (c.window.failures === c.limit) locked.push(c.scope);
            });
            return locked;
          },
          abandoned: () => settle(() => {}),
        },
      };
    },
  };
}
