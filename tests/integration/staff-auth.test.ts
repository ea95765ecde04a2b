import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../server/auth/digest.ts';
import { createStaff, login, ORIGIN, registerLearner, setupTestApp, type TestApp } from './helpers.ts';

// Staff passwords use real scrypt parameters (about 0.3 s per hash), so one
// app and one set of accounts serve the whole file.
let t: TestApp;
let admin: { username: string; password: string };
beforeAll(async () => {
  t = setupTestApp();
  admin = await createStaff(t, 'lan.admin', 'admin');
  await createStaff(t, 'minh.guide', 'guide');
}, 30_000);
afterAll(() => t.close());

const me = (cookie?: string) => t.request('/api/v1/auth/me', { headers: cookie ? { cookie } : {} });

describe('staff login', () => {
  it('logs in, sets an HttpOnly SameSite cookie and stores only the token hash', async () => {
    const res = await t.postJson('/api/v1/auth/login', admin, { origin: ORIGIN });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ user: { id: expect.any(String), username: 'lan.admin', displayName: 'lan.admin', role: 'admin', team: null } });
    const setCookie = res.headers.get('set-cookie')!;
    expect(setCookie).toMatch(/^hvs_session=[A-Za-z0-9_-]{43};/);
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/); // plain http on a LAN
    const token = setCookie.split(';')[0].split('=')[1];
    const stored = await t.engine.all(sql`SELECT token_hash, expires_at, created_at FROM auth_sessions`) as Array<{ token_hash: string; expires_at: number; created_at: number }>;
    expect(stored.map((s) => s.token_hash)).toContain(sha256Hex(token));
    expect(stored.map((s) => s.token_hash)).not.toContain(token);
    const session = stored.find((s) => s.token_hash === sha256Hex(token))!;
    expect(session.expires_at - session.created_at).toBe(12 * 3_600_000);
  });

  it('gives guides a longer session for offline field work', async () => {
    const cookie = await login(t, 'minh.guide', 'correct horse battery');
    const token = cookie.split('=')[1];
    const row = await t.engine.get(sql`SELECT expires_at - created_at AS ttl FROM auth_sessions WHERE token_hash = ${sha256Hex(token)}`) as { ttl: number };
    expect(row.ttl).toBe(30 * 24 * 3_600_000);
  });

  it('is case-insensitive on the username', async () => {
    const res = await t.postJson('/api/v1/auth/login', { username: 'LAN.Admin', password: admin.password }, { origin: ORIGIN });
    expect(res.status).toBe(200);
  });

  it('answers unknown user and wrong password with the same 401', async () => {
    const wrongPassword = await t.postJson('/api/v1/auth/login', { username: 'lan.admin', password: 'not the password' });
    const unknownUser = await t.postJson('/api/v1/auth/login', { username: 'nobody', password: 'not the password' });
    expect(wrongPassword.status).toBe(401);
    expect(unknownUser.status).toBe(401);
    expect(wrongPassword.headers.get('set-cookie')).toBeNull();
    expect(await wrongPassword.json()).toEqual(await unknownUser.json());
  });

  it('me: returns the user with the cookie, 401 without or with a bogus one', async () => {
    const cookie = await login(t, admin.username, admin.password);
    const ok = await me(cookie);
    expect(ok.status).toBe(200);
    expect((await ok.json()).user.username).toBe('lan.admin');
    expect((await me()).status).toBe(401);
    expect((await me('hvs_session=forged-token')).status).toBe(401);
  });

  it('expired sessions no longer authenticate', async () => {
    const cookie = await login(t, admin.username, admin.password);
    const saved = t.clock.now;
    t.clock.now += 12 * 3_600_000 + 1;
    try {
      expect((await me(cookie)).status).toBe(401);
    } finally {
      t.clock.now = saved;
    }
  });

  it('logout deletes the session (204) and the cookie stops working', async () => {
    const cookie = await login(t, admin.username, admin.password);
    const sessions = await t.count('auth_sessions');
    const res = await t.request('/api/v1/auth/logout', { method: 'POST', headers: { cookie, origin: ORIGIN, 'content-type': 'application/json' } });
    expect(res.status).toBe(204);
    expect(res.headers.get('set-cookie')).toMatch(/hvs_session=;.*Max-Age=0/);
    expect(await t.count('auth_sessions')).toBe(sessions - 1);
    expect((await me(cookie)).status).toBe(401);
  });

  it('learner bearer credentials do not open staff routes', async () => {
    const learner = await registerLearner(t);
    expect((await t.request('/api/v1/auth/me', { headers: learner.auth })).status).toBe(401);
  });
});

describe('CSRF defence for cookie-authenticated writes', () => {
  it('refuses a write with the session cookie from another origin, or with no Origin', async () => {
    const cookie = await login(t, admin.username, admin.password);
    const before = await t.count('auth_sessions');
    for (const origin of ['https://evil.example', undefined]) {
      const headers: Record<string, string> = { cookie, 'content-type': 'application/json' };
      if (origin) headers.origin = origin;
      const res = await t.request('/api/v1/auth/logout', { method: 'POST', headers });
      expect(res.status).toBe(403);
      expect((await res.json()).error.code).toBe('csrf');
    }
    expect(await t.count('auth_sessions')).toBe(before); // the session survived
    expect((await me(cookie)).status).toBe(200);
  });

  it('refuses a same-origin cookie write that is not JSON (form posts)', async () => {
    const cookie = await login(t, admin.username, admin.password);
    const res = await t.request('/api/v1/auth/logout', {
      method: 'POST',
      headers: { cookie, origin: ORIGIN, 'content-type': 'application/x-www-form-urlencoded' },
      body: 'a=1',
    });
    expect(res.status).toBe(403);
    expect((await me(cookie)).status).toBe(200);
  });

  it('refuses a cross-site login attempt', async () => {
    const res = await t.postJson('/api/v1/auth/login', admin, { origin: 'https://evil.example' });
    expect(res.status).toBe(403);
    expect(res.headers.get('set-cookie')).toBeNull();
  });
});

describe('login rate limit', () => {
  it('blocks a username from that address after 10 failures with 429 even for the right password (login-guessing.test.ts: other addresses, devices, bursts)', async () => {
    await createStaff(t, 'target', 'reviewer', 'the right password');
    for (let i = 0; i < 10; i++) {
      expect((await t.postJson('/api/v1/auth/login', { username: 'target', password: `guess ${i}` })).status).toBe(401);
    }
    const blocked = await t.postJson('/api/v1/auth/login', { username: 'target', password: 'the right password' });
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await blocked.json()).error.code).toBe('too_many_requests');
    // Other accounts are not affected.
    expect((await t.postJson('/api/v1/auth/login', admin)).status).toBe(200);
    // The window passes.
    t.clock.now += 15 * 60_000 + 1;
    expect((await t.postJson('/api/v1/auth/login', { username: 'target', password: 'the right password' })).status).toBe(200);
  }, 30_000);
});

describe('https deployment', () => {
  it('uses a Secure __Host- cookie and accepts PUBLIC_ORIGIN for CSRF', async () => {
    const secure = setupTestApp({ config: { publicOrigin: 'https://hocvuso.example.vn' } });
    try {
      const user = await createStaff(secure, 'an.admin', 'admin');
      const res = await secure.postJson('/api/v1/auth/login', user, { origin: 'https://hocvuso.example.vn' });
      expect(res.status).toBe(200);
      const setCookie = res.headers.get('set-cookie')!;
      expect(setCookie).toMatch(/^__Host-hvs_session=/);
      expect(setCookie).toMatch(/Secure/);
      const cookie = setCookie.split(';')[0];
      const ok = await secure.request('/api/v1/auth/me', { headers: { cookie } });
      expect(ok.status).toBe(200);
      // The plain cookie name means nothing on an https deployment.
      expect((await secure.request('/api/v1/auth/me', { headers: { cookie: cookie.replace('__Host-', '') } })).status).toBe(401);
      const logout = await secure.request('/api/v1/auth/logout', {
        method: 'POST',
        headers: { cookie, origin: 'https://hocvuso.example.vn', 'content-type': 'application/json' },
      });
      expect(logout.status).toBe(204);
    } finally {
      secure.close();
    }
  }, 30_000);
});
