// npm run accounts -- … against a real DATA_DIR (and with TEST_ENGINE=postgres
// a fresh PostgreSQL database as DATABASE_URL), then the account logs in.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import { newStore, openStore, stopTestCluster, type ServerStore } from '../support/server-database.ts';
import { runTsx } from './process.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'hvs-cli-'));
let store: ServerStore;
let env: Record<string, string>;
beforeAll(async () => {
  store = await newStore(dataDir);
  env = { DATA_DIR: dataDir, ...(store.databaseUrl ? { DATABASE_URL: store.databaseUrl } : {}) };
}, 60_000);
afterAll(async () => {
  await stopTestCluster();
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

async function accounts(args: string[], stdin?: string) {
  const run = runTsx('server/cli/accounts.ts', args, env, stdin ?? '');
  const code = await run.exited;
  return { code, ...run.output() };
}

async function canLogin(username: string, password: string) {
  const { engine, close } = await openStore(store);
  try {
    const res = await createApp({ engine, drawKey: () => Buffer.alloc(32, 1), config: { filesDir: join(dataDir, 'files') } }).request('/api/v1/auth/login', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
    return res.status === 200 ? ((await res.json()).user as Record<string, unknown>) : undefined;
  } finally {
    await close();
  }
}

describe('accounts CLI', () => {
  it('creates a guide with a password from stdin, lists it, and changes the password', async () => {
    const created = await accounts(['create', '--username', 'Hoa', '--role', 'guide', '--team', 'da06', '--groups', 'tdp-2,tdp-1', '--display-name', 'Chị Hoa', '--password-stdin'], 'guide-pass-1\n');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Created guide "hoa" (team da06)');
    expect(created.stdout).not.toContain('guide-pass-1');
    expect(await canLogin('hoa', 'guide-pass-1')).toMatchObject({ username: 'hoa', role: 'guide', team: 'da06', displayName: 'Chị Hoa' });

    const list = await accounts(['list']);
    expect(list.stdout).toMatch(/^hoa\tguide\tda06\ttdp-1,tdp-2\tactive\tChị Hoa$/m);

    const changed = await accounts(['set-password', '--username', 'hoa']);
    expect(changed.code).toBe(0);
    const [, generated] = changed.stdout.match(/Password: (\S+)/) ?? [];
    expect(generated).toBeTruthy();
    expect(await canLogin('hoa', 'guide-pass-1')).toBeUndefined();
    expect(await canLogin('hoa', generated)).toMatchObject({ username: 'hoa' });
    // Both changes are in the audit log, by the server console, without the passwords.
    const { engine, close } = await openStore(store);
    const audit = await engine.all(sql`SELECT actor_id, actor_username, action, target_id, details FROM audit_log WHERE actor_id IS NULL ORDER BY id`);
    await close();
    expect(audit).toEqual([
      { actor_id: null, actor_username: '(server console)', action: 'staff.created', target_id: 'hoa', details: JSON.stringify({ role: 'guide', team: 'da06', groups: 'tdp-2,tdp-1' }) },
      { actor_id: null, actor_username: '(server console)', action: 'staff.password_set', target_id: 'hoa', details: '{}' },
    ]);
  }, 60_000);

  it('refuses bad input with a clear error and a non-zero exit', async () => {
    const short = await accounts(['create', '--username', 'tuan', '--role', 'reviewer', '--password-stdin'], 'short\n');
    expect(short.code).toBe(1);
    expect(short.stderr).toContain('at least 8 characters');
    const common = await accounts(['create', '--username', 'tuan', '--role', 'reviewer', '--password-stdin'], 'Password1\n');
    expect(common.code).toBe(1);
    expect(common.stderr).toContain('common passwords');
    const sameAsName = await accounts(['create', '--username', 'tuan.nguyen', '--role', 'reviewer', '--password-stdin'], 'Tuan.Nguyen\n');
    expect(sameAsName.code).toBe(1);
    expect(sameAsName.stderr).toContain('must not be the username');
    const role = await accounts(['create', '--username', 'tuan', '--role', 'boss']);
    expect(role.code).toBe(1);
    expect(role.stderr).toContain('--role must be one of: guide, reviewer, admin');
    const duplicate = await accounts(['create', '--username', 'hoa', '--role', 'guide']);
    expect(duplicate.code).toBe(1);
    expect(duplicate.stderr).toContain('already exists');
    const noGroups = await accounts(['create', '--username', 'lan', '--role', 'guide', '--team', 'cns']);
    expect(noGroups.code).toBe(1);
    expect(noGroups.stderr).toContain('at least one residential group');
    const badGroup = await accounts(['create', '--username', 'lan', '--role', 'guide', '--team', 'cns', '--groups', 'tdp-1,tdp-99']);
    expect(badGroup.code).toBe(1);
    expect(badGroup.stderr).toContain('Unknown residential group(s): tdp-99');
    const noTeam = await accounts(['create', '--username', 'lan', '--role', 'guide', '--groups', 'tdp-1']);
    expect(noTeam.code).toBe(1);
    expect(noTeam.stderr).toContain('needs a team');
    expect((await accounts(['list'])).stdout).not.toContain('lan');
    const regroup = await accounts(['set-groups', '--username', 'hoa', '--groups', 'tdp-3']);
    expect(regroup.code).toBe(0);
    expect((await accounts(['list'])).stdout).toMatch(/^hoa\tguide\tda06\ttdp-3\t/m);
    const unknown = await accounts(['frobnicate']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Unknown command');
  }, 60_000);

  it("creates a unit officer bound to one unit, and refuses one without a unit or with an unknown one", async () => {
    const created = await accounts(['create', '--username', 'thao-ttsnc', '--role', 'unit', '--unit', 'ttsnc', '--display-name', 'Chị Thảo'], '');
    expect(created.code).toBe(0);
    expect(created.stdout).toContain('Created unit "thao-ttsnc" (unit ttsnc)');
    expect((await accounts(['list'])).stdout).toMatch(/^thao-ttsnc\tunit\t-\tttsnc\tactive\tChị Thảo$/m);
    const noUnit = await accounts(['create', '--username', 'minh', '--role', 'unit']);
    expect(noUnit.code).toBe(1);
    expect(noUnit.stderr).toContain('A unit officer needs a unit');
    const unknown = await accounts(['create', '--username', 'minh', '--role', 'unit', '--unit', 'khong-co']);
    expect(unknown.stderr).toContain('Unknown unit: khong-co');
    const guideWithUnit = await accounts(['create', '--username', 'minh', '--role', 'reviewer', '--unit', 'ttsnc']);
    expect(guideWithUnit.stderr).toContain('Only unit officers are bound to a unit');
  }, 60_000);
});
