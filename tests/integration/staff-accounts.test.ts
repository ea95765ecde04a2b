// Account maintenance: an admin resets a password or disables an account
// (open sessions end at once), a staff member changes their own password
// under the password policy, and sessions end at logout and at expiry.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../server/auth/digest.ts';
import { createStaff, login, ORIGIN, setupTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
let admin: Record<string, string>;
beforeAll(async () => {
  t = setupTestApp();
  await createStaff(t, 'boss', 'admin');
  admin = { cookie: await login(t, 'boss', 'correct horse battery'), origin: ORIGIN };
}, 30_000);
afterAll(() => t.close());

const send = (method: string, path: string, body: unknown, headers: Record<string, string>) =>
  t.request(path, { method, headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const me = (cookie: string) => t.request('/api/v1/auth/me', { headers: { cookie } });
const tryLogin = (username: string, password: string) => t.postJson('/api/v1/auth/login', { username, password }, { origin: ORIGIN });
const lastAudit = async () => await t.engine.get(sql`SELECT actor_username AS actor, action, target_id AS target FROM audit_log ORDER BY id DESC LIMIT 1`);

describe('admin password reset', () => {
  it('gives a new password once, ends the old sessions and is audited', async () => {
    await createStaff(t, 'hoa', 'guide');
    const guideCookie = await login(t, 'hoa', 'correct horse battery');
    expect((await send('POST', '/api/v1/staff/hoa/password', {}, { cookie: guideCookie, origin: ORIGIN })).status).toBe(403);
    const res = await send('POST', '/api/v1/staff/HOA/password', {}, admin);
    expect(res.status).toBe(200);
    const { password } = await res.json();
    expect(password).toMatch(/^[2-9a-z]{4}(-[2-9a-z]{4}){3}$/);
    expect((await me(guideCookie)).status).toBe(401); // the phone with the old login is logged out
    expect((await tryLogin('hoa', 'correct horse battery')).status).toBe(401);
    expect((await tryLogin('hoa', password)).status).toBe(200);
    expect(await lastAudit()).toEqual({ actor: 'hoa', action: 'auth.login', target: null });
    expect(await t.engine.all(sql`SELECT actor_username AS actor, target_id AS target FROM audit_log WHERE action = 'staff.password_reset'`)).toEqual([{ actor: 'boss', target: 'hoa' }]);
    expect(JSON.stringify(await t.engine.all(sql`SELECT * FROM audit_log`))).not.toContain(password);
    expect((await send('POST', '/api/v1/staff/nobody/password', {}, admin)).status).toBe(404);
  }, 30_000);
});

describe('disabling an account', () => {
  it('logs the account out at once and refuses its logins until enabled again', async () => {
    await createStaff(t, 'minh', 'reviewer');
    const cookie = await login(t, 'minh', 'correct horse battery');
    const off = await send('PUT', '/api/v1/staff/minh/disabled', { disabled: true }, admin);
    expect(off.status).toBe(200);
    expect(await off.json()).toMatchObject({ username: 'minh', disabled: true });
    expect((await me(cookie)).status).toBe(401);
    expect(await t.engine.get(sql`SELECT COUNT(*) AS n FROM auth_sessions s JOIN users u ON u.id = s.user_id WHERE u.username = 'minh'`)).toEqual({ n: 0 });
    expect(await lastAudit()).toEqual({ actor: 'boss', action: 'staff.disabled', target: 'minh' });
    expect((await tryLogin('minh', 'correct horse battery')).status).toBe(401);
    // The refused login is audited, saying why.
    expect(await t.engine.get(sql`SELECT actor_username AS actor, action, details FROM audit_log ORDER BY id DESC LIMIT 1`)).toMatchObject({
      actor: 'minh',
      action: 'auth.login_failed',
      details: expect.stringContaining('"reason":"account_disabled"'),
    });
    expect((await send('PUT', '/api/v1/staff/minh/disabled', { disabled: false }, admin)).status).toBe(200);
    expect(await lastAudit()).toEqual({ actor: 'boss', action: 'staff.enabled', target: 'minh' });
    expect((await tryLogin('minh', 'correct horse battery')).status).toBe(200);
  }, 30_000);

  it('never lets an admin disable themselves, and refuses bad bodies', async () => {
    const self = await send('PUT', '/api/v1/staff/boss/disabled', { disabled: true }, admin);
    expect(self.status).toBe(409);
    expect((await self.json()).error.code).toBe('cannot_disable_self');
    expect((await send('PUT', '/api/v1/staff/minh/disabled', { disabled: 'yes' }, admin)).status).toBe(400);
    expect((await me(admin.cookie)).status).toBe(200);
  });
});

describe('changing one\'s own password', () => {
  it('refuses a wrong current password and every weak new one, with a code per reason, and changes nothing', async () => {
    await createStaff(t, 'lan.nguyen', 'guide');
    const cookie = await login(t, 'lan.nguyen', 'correct horse battery');
    const headers = { cookie, origin: ORIGIN };
    const change = (currentPassword: string, newPassword: string) => send('POST', '/api/v1/auth/password', { currentPassword, newPassword }, headers);
    const codeOf = async (res: Response) => [res.status, (await res.json()).error.code];
    expect(await codeOf(await change('wrong one!', 'a good new passphrase'))).toEqual([400, 'wrong_current_password']);
    expect(await codeOf(await change('correct horse battery', 'iloveyou1'))).toEqual([400, 'password_too_common']);
    expect(await codeOf(await change('correct horse battery', 'Qwerty123'))).toEqual([400, 'password_too_common']);
    expect(await codeOf(await change('correct horse battery', 'short'))).toEqual([400, 'password_too_short']);
    expect(await codeOf(await change('correct horse battery', 'Lan.Nguyen'))).toEqual([400, 'password_is_username']);
    expect((await me(cookie)).status).toBe(200);
    expect((await tryLogin('lan.nguyen', 'correct horse battery')).status).toBe(200);
    // A cross-site page cannot change it either.
    expect((await send('POST', '/api/v1/auth/password', { currentPassword: 'correct horse battery', newPassword: 'a good new passphrase' }, { cookie, origin: 'https://evil.example' })).status).toBe(403);
  }, 60_000);

  it('changes it, ends the other sessions, keeps this browser logged in, and audits it without the password', async () => {
    await createStaff(t, 'tuan', 'guide');
    const phone = await login(t, 'tuan', 'correct horse battery');
    const laptop = await login(t, 'tuan', 'correct horse battery');
    const res = await send('POST', '/api/v1/auth/password', { currentPassword: 'correct horse battery', newPassword: 'Ngõ 5 nhà số 12 ✓' }, { cookie: laptop, origin: ORIGIN });
    expect(res.status).toBe(200);
    const fresh = res.headers.get('set-cookie')!.split(';')[0];
    expect((await me(fresh)).status).toBe(200);
    expect((await me(phone)).status).toBe(401);
    expect((await me(laptop)).status).toBe(401);
    expect((await tryLogin('tuan', 'Ngõ 5 nhà số 12 ✓')).status).toBe(200);
    expect(await t.engine.all(sql`SELECT actor_username AS actor FROM audit_log WHERE action = 'auth.password_changed'`)).toEqual([{ actor: 'tuan' }]);
    expect(JSON.stringify(await t.engine.all(sql`SELECT * FROM audit_log`))).not.toContain('Ngõ 5');
  }, 60_000);
});

describe('session end', () => {
  it('logout deletes the server session row and clears the cookie; the token is useless afterwards', async () => {
    const cookie = await login(t, 'boss', 'correct horse battery');
    const hash = sha256Hex(cookie.split('=')[1]);
    const res = await t.request('/api/v1/auth/logout', { method: 'POST', headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/^hvs_session=;.*Max-Age=0/);
    expect(await t.engine.get(sql`SELECT COUNT(*) AS n FROM auth_sessions WHERE token_hash = ${hash}`)).toEqual({ n: 0 });
    expect((await me(cookie)).status).toBe(401);
    expect((await send('PUT', '/api/v1/ward', { name: 'X', channels: [] }, { cookie, origin: ORIGIN })).status).toBe(401);
  });

  it("a guide's session lasts 30 days (offline field work), then gets 401, and expired rows are swept at the next login", async () => {
    const cookie = await login(t, 'tuan', 'Ngõ 5 nhà số 12 ✓');
    const hash = sha256Hex(cookie.split('=')[1]);
    const saved = t.clock.now;
    try {
      t.clock.now = saved + 29 * 24 * 3_600_000;
      expect((await t.request('/api/v1/guide/me', { headers: { cookie } })).status).toBe(200);
      t.clock.now = saved + 30 * 24 * 3_600_000;
      expect((await t.request('/api/v1/guide/me', { headers: { cookie } })).status).toBe(401);
      expect((await me(cookie)).status).toBe(401);
      await login(t, 'boss', 'correct horse battery');
      expect(await t.engine.get(sql`SELECT COUNT(*) AS n FROM auth_sessions WHERE token_hash = ${hash}`)).toEqual({ n: 0 });
    } finally {
      t.clock.now = saved;
    }
  }, 30_000);
});
