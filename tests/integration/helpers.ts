// Test harness: the real app over a real database in a fresh temp folder: a
// SQLite file by default, or with TEST_ENGINE=postgres a fresh database in a
// throw-away PostgreSQL cluster (tests/support/pg-test-app.ts). Tests read
// the database through `t.engine` (await) so they hold on both; `t.db` and
// `t.sqlite` are there for the SQLite-only tests and refuse on PostgreSQL.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app.ts';
import type { AppConfig } from '../../server/context.ts';
import type { Catalog } from '../../server/resident/catalog.ts';
import type { Logger } from '../../server/logger.ts';
import { openDb, type Db, type Sqlite } from '../../server/db/open.ts';
import { createUser } from '../../server/accounts/users.ts';
import { createPasswordHasher, type PasswordHasher } from '../../server/auth/passwords.ts';
import { sql } from 'drizzle-orm';
import { newSecret, uuidv7 } from '../../shared/ids.ts';
import type { StaffRole } from '../../shared/api.ts';
import { engineOfSqlite } from '../../server/db/engine/sqlite.ts';
import type { Engine } from '../../server/db/engine/engine.ts';
import { drawKeyOf } from '../../server/integrity/draw-key.ts';
import { freshPgEngine, TEST_ENGINE } from '../support/pg-test-app.ts';

export { TEST_ENGINE };

export const ORIGIN = 'http://localhost';

/** Staff passwords in tests: scrypt at 1/128 of production's cost (password-cost.test.ts proves production keeps its own). */
export const TEST_PASSWORD_COST = { N: 2 ** 10, r: 8, p: 1 };
export const TEST_HASHER = createPasswordHasher(TEST_PASSWORD_COST);

export function setupTestApp(options: { config?: Partial<AppConfig>; now?: number; catalog?: Catalog; passwords?: PasswordHasher; logger?: Logger } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'hvs-test-'));
  const lite = TEST_ENGINE === 'sqlite' ? openDb(dir) : undefined;
  const engine: Engine = lite ? engineOfSqlite(lite.sqlite) : freshPgEngine();
  const clock = { now: options.now ?? Date.parse('2025-06-01T03:00:00Z') };
  // The fixtures put every learner on one test phone (DEVICE_ID); the
  // learners-per-device rule is tested with its own limits (integrity-*.test.ts).
  const config = { passwordCost: TEST_PASSWORD_COST, ...options.config, plausibility: { maxLearnersPerDevice: 1_000, ...options.config?.plausibility } };
  const common = { config, now: () => clock.now, catalog: options.catalog, passwords: options.passwords, logger: options.logger };
  type Deps = Parameters<typeof createApp>[0];
  const pgDrawKey = drawKeyOf(join(dir, 'hvs.db'));
  /** The app over this database; `deps` replace the harness's (a second app is the server started again). */
  const appOf = (deps: Partial<Deps> = {}) =>
    lite
      ? createApp({ db: lite.db, sqlite: lite.sqlite, ...common, ...deps })
      : // PostgreSQL has no file to keep the files and the spot-check key beside: the temp folder holds them, as DATA_DIR would.
        createApp({ engine, drawKey: pgDrawKey, ...common, ...deps, config: { filesDir: join(dir, 'files'), ...(deps.config ?? config) } });
  const app = appOf();

  const request = (path: string, init: RequestInit = {}) => app.request(`${ORIGIN}${path}`, init);
  const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const sqliteOnly = (what: string): never => {
    throw new Error(`${what} is the SQLite connection; this test runs on ${TEST_ENGINE}: read through t.engine, or mark the test file SQLite-only`);
  };

  return {
    app,
    /** Another app over the same database, as after a restart (`deps` replace the harness's: now, catalog…). */
    appOnSameDatabase: appOf,
    /** The database, on either engine: `await t.engine.all(sql\`…\`)`, `await t.engine.db.select()…`. */
    engine,
    /** SQLite only (refuses on PostgreSQL). */
    get db(): Db {
      return lite?.db ?? sqliteOnly('t.db');
    },
    /** SQLite only (refuses on PostgreSQL). */
    get sqlite(): Sqlite {
      return lite?.sqlite ?? sqliteOnly('t.sqlite');
    },
    dir,
    clock,
    request,
    postJson,
    /** What any API request other than a sync does first: bring the dashboard rollups up to date (server/stats/catch-up.ts).
     * For tests that read the rollup tables themselves, after a sync. */
    async settle() {
      await request('/api/v1/stats/settle');
    },
    /** Rows in `table`, on either engine. */
    count: async (table: string) => Number((await engine.get<{ n: number }>(sql.raw(`SELECT COUNT(*) AS n FROM ${table}`)))!.n),
    /** Every table's rows, in a stable order: equal before and after a request that wrote nothing (on either engine). */
    snapshot: () => snapshotOf(engine),
    /** Closes the database once its open transaction (if any) is done, then removes the folder. */
    async close() {
      await engine.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
export type TestApp = ReturnType<typeof setupTestApp>;

/** What the staff and sync helpers need of an app under test, on either engine. */
export type AppClient = Pick<TestApp, 'app' | 'engine' | 'clock' | 'request' | 'postJson'>;

/** The real app over `engine` alone (a database a real server is then started on), with the harness's clock and config. */
export function setupTestAppOn(engine: Engine, options: { config?: Partial<AppConfig>; now?: number; catalog?: Catalog } = {}): AppClient {
  const clock = { now: options.now ?? Date.parse('2025-06-01T03:00:00Z') };
  const config = { passwordCost: TEST_PASSWORD_COST, ...options.config, plausibility: { maxLearnersPerDevice: 1_000, ...options.config?.plausibility } };
  const app = createApp({ engine, config, now: () => clock.now, catalog: options.catalog, drawKey: () => Buffer.alloc(32, 1) });
  const request = (path: string, init: RequestInit = {}) => app.request(`${ORIGIN}${path}`, init);
  const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return { app, engine, clock, request, postJson };
}

/** The insertion order of events and guide_events, for ORDER BY: SQLite's rowid, PostgreSQL's identity column (server/stats/sql.ts rowOrder). */
export const insertionOrder = (engine: Engine) => sql.raw(engine.kind === 'postgres' ? 'seq' : 'rowid');

/** Every row of every table (the engine's own bookkeeping left out), so nothing can hide in a table a test does not know about. */
export async function everyRowOf(engine: Engine): Promise<Array<{ table: string; row: Record<string, unknown> }>> {
  const tables =
    engine.kind === 'sqlite'
      ? await engine.all<{ name: string }>(sql`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name`)
      : await engine.all<{ name: string }>(sql`SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name`);
  const out: Array<{ table: string; row: Record<string, unknown> }> = [];
  for (const { name } of tables) {
    for (const row of await engine.all<Record<string, unknown>>(sql`SELECT * FROM ${sql.identifier(name)}`)) out.push({ table: name, row });
  }
  return out;
}

/** Request counting is left out: on PostgreSQL the limits' windows are a table (shared by the processes), on SQLite they are in memory. */
async function snapshotOf(engine: Engine): Promise<string> {
  return (await everyRowOf(engine))
    .filter(({ table }) => table !== 'shared_windows')
    .map(({ table, row }) => `${table} ${JSON.stringify(row)}`).sort().join('\n');
}

export async function registerLearner(t: AppClient) {
  const id = uuidv7();
  const secret = newSecret();
  const res = await t.postJson('/api/v1/learners', { id, secret });
  if (res.status !== 201) throw new Error(`registration failed: ${res.status}`);
  return { id, secret, auth: { authorization: `Bearer ${id}.${secret}` } };
}

export const DEVICE_ID = 'device-test-0001';

export function completion(learnerId: string, overrides: Record<string, unknown> = {}) {
  return {
    id: uuidv7(),
    type: 'lesson.completed',
    learnerId,
    deviceId: DEVICE_ID,
    occurredAt: '2025-06-01T09:30:00+07:00',
    courseId: 'cyber-safety',
    lessonId: 'strong-passwords',
    contentVersion: 'v1',
    score: 80,
    durationSec: 300,
    ...overrides,
  };
}

export function started(learnerId: string, overrides: Record<string, unknown> = {}) {
  return {
    id: uuidv7(),
    type: 'lesson.started',
    learnerId,
    deviceId: DEVICE_ID,
    occurredAt: '2025-06-01T09:00:00+07:00',
    courseId: 'cyber-safety',
    lessonId: 'strong-passwords',
    ...overrides,
  };
}

export async function createStaff(t: AppClient, username: string, role: StaffRole, password = 'correct horse battery') {
  await createUser(t.engine, { username, password, role, team: role === 'guide' ? 'cns' : null }, t.clock.now, TEST_HASHER);
  return { username, password };
}

/** Logs in and returns the Cookie header value for later requests. */
export async function login(t: AppClient, username: string, password: string): Promise<string> {
  const res = await t.postJson('/api/v1/auth/login', { username, password }, { origin: ORIGIN });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  return setCookie.split(';')[0];
}
