// Password guessing against staff login, as a probe found it: hundreds of
// simultaneous guesses, a burst that kept a real login waiting, a lock that
// one stranger could put on the first admin. The password checks here wait
// on a gate the test opens, so what is checked, and in which order, is
// counted rather than timed.
import { afterEach, describe, expect, it } from 'vitest';
import type { PasswordHasher } from '../../server/auth/passwords.ts';
import { createStaff, login, ORIGIN, setupTestApp, TEST_HASHER, type TestApp } from './helpers.ts';

/** The test hasher, but each check waits until the test lets it through; `checked` lists the passwords in the order their checks began. */
function gatedHasher() {
  const checked: string[] = [];
  const held: Array<() => void> = [];
  let open = false;
  const hasher: PasswordHasher = {
    ...TEST_HASHER,
    async verify(password, stored) {
      checked.push(password);
      if (!open) await new Promise<void>((resolve) => held.push(resolve));
      return TEST_HASHER.verify(password, stored);
    },
  };
  return {
    hasher,
    checked,
    /** Lets every check through from now on. */
    openGate() {
      open = true;
      held.splice(0).forEach((resolve) => resolve());
    },
    /** Lets the oldest held check through. */
    letOneThrough: () => held.shift()?.(),
    held: () => held.length,
  };
}

let t: TestApp;
afterEach(() => t?.close());

const from = (address: string, extra: Record<string, string> = {}) => ({ origin: ORIGIN, 'x-forwarded-for': address, ...extra });
const tryLogin = (username: string, password: string, address: string, extra: Record<string, string> = {}) =>
  t.postJson('/api/v1/auth/login', { username, password }, from(address, extra));

/** Resolves once check() holds, giving pending promises and callbacks their turns. */
// A time limit, not a number of turns: on PostgreSQL each answer waits for the database's round trips.
async function until(check: () => boolean, what: string) {
  const deadline = Date.now() + 10_000;
  while (!check() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 1));
  if (!check()) throw new Error(`never happened: ${what}`);
}

/** Sends the requests at once; `done` fills as the answers arrive. */
function burst(requests: Array<() => Response | Promise<Response>>) {
  const done: Array<{ status: number; code?: string; retryAfter: string | null }> = [];
  const all = Promise.all(
    requests.map(async (send) => {
      const res = await send();
      const body = res.status === 200 ? {} : await res.json();
      done.push({ status: res.status, code: body.error?.code, retryAfter: res.headers.get('retry-after') });
    }),
  );
  return { done, all };
}

const countBy = <T,>(items: T[], key: (item: T) => string) =>
  items.reduce<Record<string, number>>((acc, item) => ({ ...acc, [key(item)]: (acc[key(item)] ?? 0) + 1 }), {});

const deviceCookie = (res: Response) => res.headers.getSetCookie().find((c) => c.startsWith('hvs_device='))!.split(';')[0];

describe('300 simultaneous wrong guesses against one account from one address', () => {
  it('checks only ten (the lock counts them before checking), refuses the rest at once, and locks that account for that address only', async () => {
    const gate = gatedHasher();
    t = setupTestApp({ config: { trustProxy: true }, passwords: gate.hasher });
    const admin = await createStaff(t, 'admin', 'admin');

    const guesses = burst(Array.from({ length: 300 }, (_, i) => () => tryLogin('admin', `guess number ${i}`, '203.0.113.7')));
    // Every refusal arrives while the gate is still shut: none waited for a hash.
    await until(() => guesses.done.length === 290, '290 answers');
    // On PostgreSQL the admitted ten may still be on their way from the database to the gate, so the count is taken once they are there.
    expect(gate.checked.length).toBeLessThanOrEqual(2);
    await until(() => gate.held() === 2, 'the first checks to reach the gate');
    expect(gate.checked.length).toBe(2); // two checks run at once; eight wait their turn
    expect(countBy(guesses.done, (d) => `${d.status} ${d.code}`)).toEqual({ '429 too_many_requests': 290 });
    expect(guesses.done.every((d) => Number(d.retryAfter) >= 1)).toBe(true);

    gate.openGate();
    await guesses.all;
    expect(gate.checked.length).toBe(10);
    expect(countBy(guesses.done, (d) => String(d.status))).toEqual({ '401': 10, '429': 290 });

    // That address is locked out of this account, even with the right password, and nothing more is checked...
    expect((await tryLogin('admin', admin.password, '203.0.113.7')).status).toBe(429);
    expect(gate.checked.length).toBe(10);
    // ...but the real admin elsewhere still logs in: the lock is on account and address.
    expect((await tryLogin('admin', admin.password, '198.51.100.20')).status).toBe(200);
  });
});

describe('one address bursting does not delay another address', () => {
  it('a right login from another address is checked after at most one turn of the burst, not after the whole burst', async () => {
    const gate = gatedHasher();
    t = setupTestApp({ config: { trustProxy: true }, passwords: gate.hasher });
    const lan = await createStaff(t, 'lan.admin', 'admin');

    // Password spraying: 300 different usernames, so no per-account limit applies; the queue is what holds.
    const spray = burst(Array.from({ length: 300 }, (_, i) => () => tryLogin(`user${i}`, `guess ${i}`, '203.0.113.7')));
    await until(() => spray.done.length >= 266 && gate.held() === 2, 'the queue to fill');
    expect(countBy(spray.done, (d) => `${d.status} ${d.code}`)).toEqual({ '429 login_busy': 266 });
    expect(gate.checked.length).toBe(2);

    const real = tryLogin('lan.admin', lan.password, '198.51.100.20');
    // The full queue makes room for the newcomer: the burst gives up one of its own waiting checks.
    await until(() => spray.done.length === 267, 'the burst to give way');
    for (let turn = 0; turn < 4 && !gate.checked.includes(lan.password); turn++) {
      gate.letOneThrough();
      await until(() => gate.held() === 2, 'the next check to start');
    }
    // Two checks were running when it came; the burst's line and the newcomer's then take turns.
    expect(gate.checked.indexOf(lan.password)).toBeLessThanOrEqual(3);
    gate.openGate();
    expect((await real).status).toBe(200);
    await spray.all;
    expect(gate.checked.length).toBe(2 + 31 + 1); // the burst's 2 running and 31 of its 32 waiting (one gave way), and the newcomer
  });
});

describe('device cookies (a browser that logged in before)', () => {
  it('still logs in while guessing from many addresses has locked the account for everyone else', async () => {
    t = setupTestApp({ config: { trustProxy: true } });
    const admin = await createStaff(t, 'admin', 'admin');
    const first = await tryLogin('admin', admin.password, '198.51.100.20');
    expect(first.status).toBe(200);
    const device = deviceCookie(first);
    expect(first.headers.getSetCookie().find((c) => c.startsWith('hvs_device='))).toMatch(/HttpOnly.*|Path=\/api\/v1\/auth/);

    // 100 wrong passwords from ten addresses: the account is locked for clients it does not know.
    for (let a = 0; a < 10; a++) {
      for (let i = 0; i < 10; i++) expect((await tryLogin('admin', `guess ${a}.${i}`, `203.0.113.${a}`)).status).toBe(401);
    }
    expect((await tryLogin('admin', admin.password, '192.0.2.50')).status).toBe(429);
    // A forged or foreign device cookie does not help.
    const forged = device.replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
    expect((await tryLogin('admin', admin.password, '192.0.2.50', { cookie: forged })).status).toBe(429);
    // The admin's own browser, even from a new address, gets in.
    const again = await tryLogin('admin', admin.password, '192.0.2.51', { cookie: device });
    expect(again.status).toBe(200);

    // Guessing with a stolen device cookie locks that cookie only.
    const renewed = deviceCookie(again);
    for (let i = 0; i < 10; i++) expect((await tryLogin('admin', `guess d${i}`, '192.0.2.51', { cookie: renewed })).status).toBe(401);
    expect((await tryLogin('admin', admin.password, '192.0.2.51', { cookie: renewed })).status).toBe(429);
    expect((await tryLogin('admin', admin.password, '192.0.2.51', { cookie: device })).status).toBe(200);
  });

  it('opens nothing by itself: only a password logs in', async () => {
    t = setupTestApp({ config: { trustProxy: true } });
    const admin = await createStaff(t, 'admin', 'admin');
    const device = deviceCookie(await tryLogin('admin', admin.password, '198.51.100.20'));
    expect((await t.request('/api/v1/auth/me', { headers: { cookie: device } })).status).toBe(401);
    expect((await t.request('/api/v1/staff', { headers: { cookie: device } })).status).toBe(401);
    expect((await tryLogin('admin', 'not the password', '198.51.100.20', { cookie: device })).status).toBe(401);
  });

  it('a new password withdraws the trust of the account\'s other devices', async () => {
    t = setupTestApp({ config: { trustProxy: true, loginLimits: { perAccount: 3 } } });
    const admin = await createStaff(t, 'admin', 'admin');
    const device = deviceCookie(await tryLogin('admin', admin.password, '198.51.100.20'));
    const cookie = await login(t, 'admin', admin.password);
    const changed = await t.postJson('/api/v1/auth/password', { currentPassword: admin.password, newPassword: 'a brand new passphrase' }, { origin: ORIGIN, cookie });
    expect(changed.status).toBe(200);
    for (let i = 0; i < 3; i++) expect((await tryLogin('admin', `guess ${i}`, `203.0.113.${i}`)).status).toBe(401);
    expect((await tryLogin('admin', 'a brand new passphrase', '198.51.100.20', { cookie: device })).status).toBe(429);
  });
});

describe('a ward behind one carrier address', () => {
  it('is never refused for right passwords: 210 staff log in from one address, 30 of them at the same moment', async () => {
    t = setupTestApp({ config: { trustProxy: true } });
    const staff = await Promise.all(Array.from({ length: 210 }, (_, i) => createStaff(t, `guide${i}`, 'guide', `the password of guide ${i}`)));
    // A few typos on the way, as people make them.
    for (let i = 0; i < 20; i++) expect((await tryLogin(`guide${i}`, 'typo', '100.64.0.1')).status).toBe(401);
    const together = burst(staff.slice(0, 30).map((s) => () => tryLogin(s.username, s.password, '100.64.0.1')));
    await together.all;
    expect(countBy(together.done, (d) => String(d.status))).toEqual({ '200': 30 });
    for (const s of staff.slice(30)) expect((await tryLogin(s.username, s.password, '100.64.0.1')).status).toBe(200);
  }, 30_000);

  it('still lets colleagues in while someone sprays guesses from the same address, and gives the sprayer one guess per account', async () => {
    t = setupTestApp({ config: { trustProxy: true } });
    const [lan, minh] = await Promise.all([createStaff(t, 'lan', 'guide', 'the password of lan'), createStaff(t, 'minh', 'guide', 'the password of minh')]);
    // More wrong passwords from the carrier address than its limit (200 in 15 minutes), over many names.
    for (let i = 0; i < 210; i++) expect((await tryLogin(`staff${i}`, `guess ${i}`, '100.64.0.1')).status).toBe(401);
    // A colleague on a new phone (no device cookie) behind the same address logs in.
    expect((await tryLogin(lan.username, lan.password, '100.64.0.1')).status).toBe(200);
    // The sprayer's guess at an account: one, then that account is refused there unchecked.
    expect((await tryLogin(minh.username, 'guess', '100.64.0.1')).status).toBe(401);
    const again = await tryLogin(minh.username, 'another guess', '100.64.0.1');
    expect(again.status).toBe(429);
    // From another address, the account is untouched.
    expect((await tryLogin(minh.username, minh.password, '198.51.100.4')).status).toBe(200);
  }, 30_000);
});

describe('failed logins in the audit log', () => {
  it('records each checked failure with its address and reason, and the lock, but no typed unknown username', async () => {
    t = setupTestApp({ config: { trustProxy: true } });
    const admin = await createStaff(t, 'lan.admin', 'admin');
    expect((await tryLogin('nobody-here', 'secret guess', '203.0.113.9')).status).toBe(401);
    for (let i = 0; i < 10; i++) expect((await tryLogin('lan.admin', `guess ${i}`, '203.0.113.9')).status).toBe(401);
    expect((await tryLogin('lan.admin', 'guess 11', '203.0.113.9')).status).toBe(429); // refused unchecked: not written

    const cookie = await login(t, 'lan.admin', admin.password);
    const read = async (action: string) => (await (await t.request(`/api/v1/staff/audit?action=${action}&limit=200`, { headers: { cookie } })).json()).entries;
    const failed = await read('auth.login_failed');
    expect(failed).toHaveLength(11);
    expect(failed.filter((e: { actor: { username: string } }) => e.actor.username === 'lan.admin')).toHaveLength(10);
    expect(failed[0].details).toEqual({ address: '203.0.113.9', reason: 'wrong_password' });
    const unknown = failed.find((e: { actor: { id: string | null } }) => e.actor.id === null);
    expect(unknown.details).toEqual({ address: '203.0.113.9', reason: 'unknown_account' });
    expect(JSON.stringify(failed)).not.toContain('nobody-here');
    const locked = await read('auth.login_locked');
    expect(locked.map((e: { details: unknown }) => e.details)).toEqual([{ address: '203.0.113.9', scope: 'account_address' }]);
  });
});
