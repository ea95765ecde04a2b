// What the staff login guard promises (server/auth/login-guard.ts), as cases
// any way of counting must pass: in memory (one process), or in the shared
// table that several processes count in (tests/integration/login-guard-engines.test.ts).
import { expect, it } from 'vitest';
import { DEFAULT_LOGIN_LIMITS, type AttemptTicket, type LoginAttempt, type LoginGuard, type LoginLimits } from '../../server/auth/login-guard.ts';

/** A guard counting on `clock`, with these limits; each call may give a guard of another process on the same counts. */
export type MakeGuard = (clock: () => number, limits?: LoginLimits) => Promise<LoginGuard>;

const admitted = async (guard: LoginGuard, attempt: LoginAttempt): Promise<AttemptTicket> => {
  const a = await guard.admit(attempt);
  if (!a.ok) throw new Error(`refused: ${a.scope}`);
  return a.ticket;
};

const times = async (n: number, each: (i: number) => Promise<unknown>) => {
  for (let i = 0; i < n; i++) await each(i);
};

export function loginGuardCases(make: MakeGuard) {
  it('counts attempts in flight: simultaneous guesses stop at the limit before any is checked', async () => {
    const guard = await make(() => 0);
    const attempt = { account: 'admin', address: '203.0.113.7' };
    const answers = await Promise.all(Array.from({ length: 14 }, () => guard.admit(attempt)));
    const tickets = answers.flatMap((a) => (a.ok ? [a.ticket] : []));
    expect(tickets).toHaveLength(10);
    expect(answers.filter((a) => !a.ok)).toEqual(Array.from({ length: 4 }, () => ({ ok: false, retryAfter: 1, scope: 'account_address' })));
    // Forgotten when the check did not happen, so the limit is not used up by a full queue.
    await tickets[0]!.abandoned();
    expect((await guard.admit(attempt)).ok).toBe(true);
  });

  it('locks an account for one address for the window after ten failures, not for other addresses', async () => {
    let now = 0;
    const guard = await make(() => now);
    const attempt = { account: 'admin', address: '203.0.113.7' };
    const locked: string[] = [];
    await times(10, async () => locked.push(...(await (await admitted(guard, attempt)).failed())));
    expect(locked).toEqual(['account_address']);
    now = 60_000;
    expect(await guard.admit(attempt)).toEqual({ ok: false, retryAfter: 14 * 60, scope: 'account_address' });
    expect((await guard.admit({ account: 'admin', address: '198.51.100.1' })).ok).toBe(true);
    now = DEFAULT_LOGIN_LIMITS.windowMs;
    expect((await guard.admit(attempt)).ok).toBe(true);
  });

  it("a right password forgives the pair's failures; the account-wide count stays", async () => {
    const guard = await make(() => 0, { ...DEFAULT_LOGIN_LIMITS, perAccount: 12 });
    const attempt = { account: 'lan', address: '203.0.113.7' };
    await times(9, async () => (await admitted(guard, attempt)).failed());
    await (await admitted(guard, attempt)).succeeded();
    await times(3, async () => (await admitted(guard, attempt)).failed());
    expect(await guard.admit(attempt)).toMatchObject({ ok: false, scope: 'account' });
  });

  it("a known device is counted on its own: others' failures do not lock it, its own do", async () => {
    const guard = await make(() => 0, { ...DEFAULT_LOGIN_LIMITS, perAccount: 5, perDevice: 3 });
    await times(5, async (i) => (await admitted(guard, { account: 'admin', address: `203.0.113.${i}` })).failed());
    expect(await guard.admit({ account: 'admin', address: '192.0.2.1' })).toMatchObject({ ok: false, scope: 'account' });
    const device = { account: 'admin', address: '192.0.2.1', device: 'nonce-1' };
    await times(3, async () => (await admitted(guard, device)).failed());
    expect(await guard.admit(device)).toMatchObject({ ok: false, scope: 'device' });
    expect((await guard.admit({ ...device, device: 'nonce-2' })).ok).toBe(true);
  });

  it('locks an address spraying many accounts, never for right passwords', async () => {
    const guard = await make(() => 0, { ...DEFAULT_LOGIN_LIMITS, perAddress: 4 });
    await times(100, async (i) => (await admitted(guard, { account: `guide${i}`, address: '100.64.0.1' })).succeeded());
    await times(4, async (i) => (await admitted(guard, { account: `x${i}`, address: '100.64.0.1' })).failed());
    // The accounts it guessed at are refused there; a colleague's right password still gets through.
    expect(await guard.admit({ account: 'x0', address: '100.64.0.1' })).toMatchObject({ ok: false, scope: 'address' });
    await (await admitted(guard, { account: 'guide1', address: '100.64.0.1' })).succeeded();
    expect((await guard.admit({ account: 'guide1', address: '100.64.0.1', device: 'd' })).ok).toBe(true);
    // A sprayer is left one guess per account: once wrong there, that account too is refused at the address.
    await (await admitted(guard, { account: 'y', address: '100.64.0.1' })).failed();
    expect(await guard.admit({ account: 'y', address: '100.64.0.1' })).toMatchObject({ ok: false, scope: 'address' });
  });
}
