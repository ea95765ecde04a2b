// Staff passwords are hashed through one factory (server/auth/passwords.ts).
// The suite lowers the cost to stay fast; these tests prove that the
// production paths — the first-start admin of server/main.ts and an app
// built without a test cost — hash at OWASP strength, and that the test cost
// reaches only apps that ask for it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { ensureAdmin } from '../../server/accounts/bootstrap.ts';
import { OWASP_SCRYPT, PRODUCTION_HASHER } from '../../server/auth/passwords.ts';
import { openDb } from '../../server/db/open.ts';
import { createStaff, login, ORIGIN, setupTestApp, TEST_PASSWORD_COST, type TestApp } from './helpers.ts';
import { engineOfSqlite } from '../../server/db/engine/sqlite.ts';
import type { Engine } from '../../server/db/engine/engine.ts';
import { sql } from 'drizzle-orm';

const costOf = (hash: string) => hash.split('$').slice(0, 4).join('$');
const OWASP = `scrypt$${OWASP_SCRYPT.N}$${OWASP_SCRYPT.r}$${OWASP_SCRYPT.p}`;
const hashOf = async (engine: Engine, username: string) => (await engine.get<{ h: string }>(sql`SELECT password_hash AS h FROM users WHERE username = ${username}`))!.h;

let dirs: string[] = [];
let t: TestApp | undefined;
afterEach(async () => {
  await t?.close();
  t = undefined;
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
  dirs = [];
});

describe('staff password cost', () => {
  it('production hashes at OWASP strength: the first-start admin and accounts an app without a test cost makes', async () => {
    expect(PRODUCTION_HASHER.params).toEqual({ N: 2 ** 17, r: 8, p: 1 });
    const dir = mkdtempSync(join(tmpdir(), 'hvs-cost-'));
    dirs.push(dir);
    const { db, sqlite } = openDb(dir);
    // The first start of a ward's server: its SQLite file (the PostgreSQL start runs the same ensureAdmin on its engine).
    const engine = engineOfSqlite(sqlite);
    const admin = (await ensureAdmin(engine))!;
    expect(costOf(await hashOf(engine, admin.username))).toBe(OWASP);

    const app = createApp({ db, sqlite });
    const loginRes = await app.request(`${ORIGIN}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: admin.username, password: admin.password }),
    });
    expect(loginRes.status).toBe(200);
    const cookie = (loginRes.headers.get('set-cookie') ?? '').split(';')[0];
    const created = await app.request(`${ORIGIN}/api/v1/staff`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, origin: ORIGIN },
      body: JSON.stringify({ username: 'reviewer1', displayName: 'Reviewer', role: 'reviewer', team: null, groups: [] }),
    });
    expect(created.status).toBe(201);
    expect(costOf(await hashOf(engine, 'reviewer1'))).toBe(OWASP);
    sqlite.close();
  }, 30_000);

  it('the test cost reaches only apps that ask for it, and logins still check the cost stored in the hash', async () => {
    t = setupTestApp();
    await createStaff(t, 'cheap', 'reviewer');
    expect(costOf(await hashOf(t.engine, 'cheap'))).toBe(`scrypt$${TEST_PASSWORD_COST.N}$${TEST_PASSWORD_COST.r}$${TEST_PASSWORD_COST.p}`);
    expect(await login(t, 'cheap', 'correct horse battery')).toMatch(/=/);
  });
});
