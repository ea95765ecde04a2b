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
// Counts live in fixed windows (server/limits/windows.ts): in memory when one
// process serves a ward (a restart forgetting them is harmless), in the
// database when several processes share a city's PostgreSQL, so a guesser
// gets no more tries by reaching another process. An attempt is counted as
// in flight before it is checked against the limit, in one atomic step per
// key, so simultaneous guesses at several processes stop at the limit too.

import { memoryWindows, type Windows } from '../limits/windows.ts';

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
  succeeded(): Promise<void>;
  /** Wrong password; resolves to the scopes this failure has just locked. */
  failed(): Promise<LockScope[]>;
  /** Not checked after all (the queue was full): counts nothing. */
  abandoned(): Promise<void>;
}

export type Admission = { ok: true; ticket: AttemptTicket } | { ok: false; retryAfter: number; scope: LockScope };

export interface LoginGuard {
  admit(attempt: LoginAttempt): Promise<Admission>;
}

/** Where the guard counts: wrong passwords, and checks in flight. */
export interface GuardWindows {
  failures: Windows;
  pending: Windows;
}

export function createLoginGuard(now: () => number, limits: LoginLimits = DEFAULT_LOGIN_LIMITS, windows: GuardWindows = { failures: memoryWindows(now), pending: memoryWindows(now) }): LoginGuard {
  const { failures, pending } = windows;

  const scopesOf = (a: LoginAttempt): Array<[LockScope, string, number]> =>
    a.device
      ? [['device', `d\n${a.account}\n${a.device}`, limits.perDevice]]
      : [
          ['account_address', `p\n${a.account}\n${a.address}`, limits.perAccountAddress],
          ['account', `a\n${a.account}`, limits.perAccount],
          ['address', `i\n${a.address}`, limits.perAddress],
        ];

  const release = (keys: readonly string[]) => Promise.all(keys.map((key) => pending.add(key, -1, limits.windowMs)));

  return {
    async admit(attempt) {
      const scopes = scopesOf(attempt);
      const pair = scopes.find(([scope]) => scope === 'account_address');
      const pairClean = pair ? ((await failures.read(pair[1]))?.count ?? 0) === 0 : false;
      const counted: string[] = [];
      for (const [scope, key, limit] of scopes) {
        // In flight first, then compared: of simultaneous attempts anywhere, only `limit` get through.
        const inFlight = (await pending.add(key, 1, limits.windowMs)).count;
        counted.push(key);
        if (scope === 'address' && pairClean) continue; // see the header: a spray does not lock out a colleague
        const failed = await failures.read(key);
        if ((failed?.count ?? 0) + inFlight > limit) {
          await release(counted);
          // Locked by failures: until the window ends; full of checks in flight: a moment.
          const retryAfter = failed && failed.count >= limit ? Math.ceil((failed.resetAt - now()) / 1000) : 1;
          return { ok: false, retryAfter: Math.max(1, retryAfter), scope };
        }
      }
      let settled = false;
      const settle = async (each: (scope: LockScope, key: string, limit: number) => Promise<void>) => {
        if (settled) return;
        settled = true;
        await release(counted);
        for (const [scope, key, limit] of scopes) await each(scope, key, limit);
      };
      return {
        ok: true,
        ticket: {
          succeeded: () =>
            settle(async (scope, key) => {
              if (scope === 'device' || scope === 'account_address') await failures.clear(key);
            }),
          async failed() {
            const locked: LockScope[] = [];
            await settle(async (scope, key, limit) => {
              if ((await failures.add(key, 1, limits.windowMs)).count === limit) locked.push(scope);
            });
            return locked;
          },
          abandoned: () => settle(async () => {}),
        },
      };
    },
  };
}
