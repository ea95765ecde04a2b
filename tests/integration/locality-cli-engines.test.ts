// The operator's commands on a city deployment, run as real processes on a
// real DATA_DIR (SQLite) and a real throw-away PostgreSQL 15 cluster: a ward
// with a story photo and a scanned register is moved in with
// `npm run import-locality` (its files found beside its database), the
// deployment serves both at /l/<slug>/…, a second run copies nothing; then
// `npm run accounts -- … --locality <slug>` gives the locality a new admin
// (its first admin's one-time password lost), who logs in to that locality
// only.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCityDeployment, localityFilesDir, type CityDeployment } from '../../server/city/deployment.ts';
import { engineOfSqlite } from '../../server/db/engine/sqlite.ts';
import { postgresEngine } from '../../server/db/engine/postgres.ts';
import type { Engine } from '../../server/db/engine/engine.ts';
import { DB_FILE_NAME, openDb } from '../../server/db/open.ts';
import { openPg } from '../../server/db/pg/open.ts';
import type { LocalityStoresOn } from '../../server/localities/stores.ts';
import { silentLogger } from '../../server/logger.ts';
import { sha256 } from '../support/crafted-images.ts';
import { ENGINES } from '../support/engines.ts';
import { testCities } from '../support/city.ts';
import { startPgCluster, type PgCluster } from '../support/pg-cluster.ts';
import { createStaff, ORIGIN, setupTestApp, TEST_HASHER, TEST_PASSWORD_COST, type TestApp } from './helpers.ts';
import { runTsx } from './process.ts';
import { CATALOG } from './resident-support.ts';
import { uploadWardEvidence } from '../support/ward-evidence.ts';

const cities = testCities();
let cluster: Promise<PgCluster> | undefined;
let ward: TestApp;
let photo: string;
let scan: string;

beforeAll(async () => {
  ward = setupTestApp({ catalog: CATALOG });
  await createStaff(ward, 'vhxh.lan', 'admin', 'mat khau dai cua Lan');
  ({ photo, scan } = await uploadWardEvidence(ward));
});
afterAll(async () => {
  ward?.close();
  if (cluster) await (await cluster).stop();
}, 60_000);

async function cli(script: string, args: string[], env: Record<string, string>, stdin = '') {
  const run = runTsx(script, args, env, stdin);
  const code = await run.exited;
  return { code, ...run.output() };
}

describe.each(ENGINES)('the operator commands on a city on %s', (kind) => {
  const dataDir = cities.tempDir();
  const env: Record<string, string> = { DATA_DIR: dataDir, DEPLOYMENT: 'city' };
  let city: Engine;
  let on: LocalityStoresOn;
  let deployment: CityDeployment;
  const filesTo = localityFilesDir({ dataDir }, 'lam-ha');

  beforeAll(async () => {
    if (kind === 'sqlite') {
      city = engineOfSqlite(openDb(dataDir).sqlite);
      on = { kind, dataDir };
    } else {
      cluster ??= startPgCluster();
      env.DATABASE_URL = await (await cluster).createDatabase('city_cli');
      const { pool } = await openPg(env.DATABASE_URL);
      city = postgresEngine(pool);
      on = { kind, pool };
    }
    deployment = createCityDeployment({ engine: city, on, dataDir, drawKey: () => Buffer.alloc(32, 9), logger: silentLogger, config: { filesDir: cities.tempDir(), passwordCost: TEST_PASSWORD_COST }, catalog: CATALOG, passwords: TEST_HASHER });
  }, 60_000);
  afterAll(async () => {
    await deployment?.close();
    await city?.close();
  });

  const login = async (username: string, password: string, prefix = '/l/lam-ha') => {
    const res = await deployment.app.request(`${ORIGIN}${prefix}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify({ username, password }) });
    return res.status === 200 ? (res.headers.get('set-cookie') ?? '').split(';')[0]! : undefined;
  };

  it("import-locality brings the ward's photo and scan, served at /l/<slug>/…; a second run copies nothing", async () => {
    const first = await cli('server/cli/import-locality.ts', ['--from', join(ward.dir, DB_FILE_NAME), '--locality', 'lam-ha'], env);
    expect(first.code, first.stderr).toBe(0);
    expect(first.stdout).toContain(`evidence files: 2 named by the records, 2 in ${filesTo} (2 copied now`);
    expect(first.stdout).toMatch(/All \d+ tables hold every row of the ward's file, and all 2 evidence files match/);
    expect(first.stdout).not.toContain("the locality's own rows");
    expect(readdirSync(filesTo).sort()).toEqual([photo, scan].sort());

    // Run again: the files are not copied again.
    const stamps = () => readdirSync(filesTo).sort().map((n) => `${n} ${statSync(join(filesTo, n)).mtimeMs}`);
    const before = stamps();
    const again = await cli('server/cli/import-locality.ts', ['--from', join(ward.dir, DB_FILE_NAME), '--locality', 'lam-ha'], env);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stdout).toContain('evidence files: 2 named by the records, 2 in');
    expect(again.stdout).toContain('(0 copied now, 0.0 MB)');
    expect(stamps()).toEqual(before);

    const cookie = await login('ttsnc1', 'correct horse battery');
    expect(cookie).toBeDefined();
    for (const [path, name] of [['story-photos', photo], ['unit-files', scan]]) {
      const res = await deployment.app.request(`${ORIGIN}/l/lam-ha/api/v1/${path}/${name}`, { headers: { cookie: cookie! } });
      expect(res.status, path).toBe(200);
      expect(sha256(new Uint8Array(await res.arrayBuffer()))).toBe(name);
    }

    // Run again after a login (the ward kept working while the city was set up): the
    // locality's own session and its audit entry are kept and said, not an error.
    const later = await cli('server/cli/import-locality.ts', ['--from', join(ward.dir, DB_FILE_NAME), '--locality', 'lam-ha'], env);
    expect(later.code, later.stderr).toBe(0);
    expect(later.stdout).toMatch(/Kept the locality's own rows beside the ward's: .*auth_sessions \+1/);
    expect(later.stdout).toMatch(/All \d+ tables hold every row of the ward's file/);
    expect(await login('ttsnc1', 'correct horse battery')).toBeDefined();
  }, 120_000);

  it("accounts --locality gives the locality a new admin, who logs in there and not at the city's home", async () => {
    const created = await cli('server/cli/accounts.ts', ['create', '--username', 'vhxh.minh', '--role', 'admin', '--locality', 'lam-ha', '--password-stdin'], env, 'mat khau moi cua Minh\n');
    expect(created.code, created.stderr).toBe(0);
    expect(created.stdout).toContain('Created admin "vhxh.minh"');
    expect(await login('vhxh.minh', 'mat khau moi cua Minh')).toBeDefined();
    expect(await login('vhxh.minh', 'mat khau moi cua Minh', '')).toBeUndefined();

    const listed = await cli('server/cli/accounts.ts', ['list', '--locality', 'lam-ha'], env);
    expect(listed.stdout).toMatch(/^vhxh\.minh\tadmin\t/m);
    expect(listed.stdout).toMatch(/^vhxh\.lan\tadmin\t/m);
    const home = await cli('server/cli/accounts.ts', ['list'], env);
    expect(home.code).toBe(0);
    expect(home.stdout).not.toContain('vhxh.');

    const reset = await cli('server/cli/accounts.ts', ['set-password', '--username', 'vhxh.lan', '--locality', 'lam-ha'], env);
    expect(reset.code, reset.stderr).toBe(0);
    const [, generated] = reset.stdout.match(/Password: (\S+)/) ?? [];
    expect(await login('vhxh.lan', 'mat khau dai cua Lan')).toBeUndefined();
    expect(await login('vhxh.lan', generated!)).toBeDefined();

    const unknown = await cli('server/cli/accounts.ts', ['list', '--locality', 'khong-co'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No locality "khong-co" in this deployment (localities: lam-ha)');
    const bad = await cli('server/cli/accounts.ts', ['list', '--locality', 'Lam Ha'], env);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('--locality "Lam Ha" is not a locality');
  }, 120_000);
});
