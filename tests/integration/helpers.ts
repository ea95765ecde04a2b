// Test harness: the real app over a real SQLite file in a fresh temp folder.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app.ts';
import type { AppConfig } from '../../server/context.ts';
import type { Catalog } from '../../server/resident/catalog.ts';
import type { Logger } from '../../server/logger.ts';
import { openDb, type Db, type Sqlite } from '../../server/db/open.ts';
import type { Engine } from '../../server/db/engine/engine.ts';
import { createUser } from '../../server/accounts/users.ts';
import { createPasswordHasher, type PasswordHasher } from '../../server/auth/passwords.ts';
import { newSecret, uuidv7 } from '../../shared/ids.ts';
import type { StaffRole } from '../../shared/api.ts';
import { engineOfSqlite } from '../../server/db/engine/sqlite.ts';

export const ORIGIN = 'http://localhost';

/** Staff passwords in tests: scrypt at 1/128 of production's cost (password-cost.test.ts proves production keeps its own). */
export const TEST_PASSWORD_COST = { N: 2 ** 10, r: 8, p: 1 };
export const TEST_HASHER = createPasswordHasher(TEST_PASSWORD_COST);

type TestAppOptions = { config?: Partial<AppConfig>; now?: number; catalog?: Catalog; passwords?: PasswordHasher; logger?: Logger };

/** The real app over a database (SQLite's connection, or an engine alone, e.g. PostgreSQL), with a test clock and config. */
function appOver(deps: { db: Db; sqlite: Sqlite } | { engine: Engine }, options: TestAppOptions) {
  const clock = { now: options.now ?? Date.parse('2025-06-01T03:00:00Z') };
  // The fixtures put every learner on one test phone (DEVICE_ID); the
  // learners-per-device rule is tested with its own limits (integrity-*.test.ts).
  const config = { passwordCost: TEST_PASSWORD_COST, ...options.config, plausibility: { maxLearnersPerDevice: 1_000, ...options.config?.plausibility } };
  const app = createApp({ ...deps, config, now: () => clock.now, catalog: options.catalog, passwords: options.passwords, logger: options.logger });
  const engine = 'engine' in deps ? deps.engine : engineOfSqlite(deps.sqlite);

  const request = (path: string, init: RequestInit = {}) => app.request(`${ORIGIN}${path}`, init);
  const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    request(path, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  return {
    app,
    /** The database, through the engine (for accounts made beside the app). */
    engine,
    clock,
    request,
    postJson,
    /** What any API request other than a sync does first: bring the dashboard rollups up to date (server/stats/catch-up.ts).
     * For tests that read the rollup tables themselves, after a sync. */
    async settle() {
      await request('/api/v1/stats/settle');
    },
  };
}
/** What the staff and sync helpers need of an app under test, on either engine. */
export type AppClient = ReturnType<typeof appOver>;

/** The real app over `engine` alone (e.g. a PostgreSQL database a real server is then started on). */
export function setupTestAppOn(engine: Engine, options: TestAppOptions = {}): AppClient {
  return appOver({ engine }, options);
}

export function setupTestApp(options: TestAppOptions = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'hvs-test-'));
  const { db, sqlite } = openDb(dir);
  return {
    ...appOver({ db, sqlite }, options),
    db,
    sqlite,
    dir,
    count: (table: string) => (sqlite.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n,
    close() {
      sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
export type TestApp = ReturnType<typeof setupTestApp>;

export async function registerLearner(t: TestApp) {
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

export async function createStaff(t: TestApp, username: string, role: StaffRole, password = 'correct horse battery') {
  await createUser(engineOfSqlite(t.db.$client), { username, password, role, team: role === 'guide' ? 'cns' : null }, t.clock.now, TEST_HASHER);
  return { username, password };
}

/** Logs in and returns the Cookie header value for later requests. */
export async function login(t: AppClient, username: string, password: string): Promise<string> {
  const res = await t.postJson('/api/v1/auth/login', { username, password }, { origin: ORIGIN });
  if (res.status !== 200) throw new Error(`login failed: ${res.status}`);
  const setCookie = res.headers.get('set-cookie') ?? '';
  return setCookie.split(';')[0];
}
