import { describe, expect, it } from 'vitest';
import { createLoginGuard, DEFAULT_LOGIN_LIMITS, type AttemptTicket, type LoginAttempt } from './login-guard.ts';

const admitted = (guard: ReturnType<typeof createLoginGuard>, attempt: LoginAttempt): AttemptTicket => {
  const a = guard.admit(attempt);
  if (!a.ok) throw new Error(`refused: ${a.scope}`);
  return a.ticket;
};

describe('createLoginGuard', () => {
  it('counts attempts in flight: simultaneous guesses stop at the limit before any is checked', () => {
    const guard = createLoginGuard(() => 0);
    const attempt = { account: 'admin', address: '203.0.113.7' };
    const tickets = Array.from({ length: 10 }, () => admitted(guard, attempt));
    expect(guard.admit(attempt)).toEqual({ ok: false, retryAfter: 1, scope: 'account_address' });
    // Forgotten when the check did not happen, so the limit is not used up by a full queue.
    tickets[0].abandoned();
    expect(guard.admit(attempt).ok).toBe(true);
  });

  it('locks an account for one address for the window after ten failures, not for other addresses', () => {
    let now = 0;
    const guard = createLoginGuard(() => now);
    const attempt = { account: 'admin', address: '203.0.113.7' };
    const locked = Array.from({ length: 10 }, () => admitted(guard, attempt).failed());
    expect(locked.flat()).toEqual(['account_address']);
    now = 60_000;
    expect(guard.admit(attempt)).toEqual({ ok: false, retryAfter: 14 * 60, scope: 'account_address' });
    expect(guard.admit({ account: 'admin', address: '198.51.100.1' }).ok).toBe(true);
    now = DEFAULT_LOGIN_LIMITS.windowMs;
    expect(guard.admit(attempt).ok).toBe(true);
  });

  it('a right password forgives the pair\'s failures; the account-wide count stays', () => {
    const guard = createLoginGuard(() => 0, { ...DEFAULT_LOGIN_LIMITS, perAccount: 12 });
    const attempt = { account: 'lan', address: '203.0.113.7' };
    for (let i = 0; i < 9; i++) admitted(guard, attempt).failed();
    admitted(guard, attempt).succeeded();
    for (let i = 0; i < 3; i++) admitted(guard, attempt).failed();
    expect(guard.admit(attempt)).toMatchObject({ ok: false, scope: 'account' });
  });

  it('a known device is counted on its own: others\' failures do not lock it, its own do', () => {
    const guard = createLoginGuard(() => 0, { ...DEFAULT_LOGIN_LIMITS, perAccount: 5, perDevice: 3 });
    for (let i = 0; i < 5; i++) admitted(guard, { account: 'admin', address: `203.0.113.${i}` }).failed();
    expect(guard.admit({ account: 'admin', address: '192.0.2.1' })).toMatchObject({ ok: false, scope: 'account' });
    const device = { account: 'admin', address: '192.0.2.1', device: 'nonce-1' };
    for (let i = 0; i < 3; i++) admitted(guard, device).failed();
    expect(guard.admit(device)).toMatchObject({ ok: false, scope: 'device' });
    expect(guard.admit({ ...device, device: 'nonce-2' }).ok).toBe(true);
  });

  it('locks an address spraying many accounts, never for right passwords', () => {
    const guard = createLoginGuard(() => 0, { ...DEFAULT_LOGIN_LIMITS, perAddress: 4 });
    for (let i = 0; i < 100; i++) admitted(guard, { account: `guide${i}`, address: '100.64.0.1' }).succeeded();
    for (let i = 0; i < 4; i++) admitted(guard, { account: `x${i}`, address: '100.64.0.1' }).failed();
    // The accounts it guessed at are refused there; a colleague's right password still gets through.
    expect(guard.admit({ account: 'x0', address: '100.64.0.1' })).toMatchObject({ ok: false, scope: 'address' });
    admitted(guard, { account: 'guide1', address: '100.64.0.1' }).succeeded();
    expect(guard.admit({ account: 'guide1', address: '100.64.0.1', device: 'd' }).ok).toBe(true);
    // A sprayer is left one guess per account: once wrong there, that account too is refused at the address.
    admitted(guard, { account: 'y', address: '100.64.0.1' }).failed();
    expect(guard.admit({ account: 'y', address: '100.64.0.1' })).toMatchObject({ ok: false, scope: 'address' });
  });
});
