// PostgreSQL for the integration harness (TEST_ENGINE=postgres): one
// throw-away cluster per test file, started by the first app that needs it
// and stopped after the file's last test. Each app gets a fresh database,
// copied from a template migrated once, so every test starts from the same
// empty, migrated database without running the migrations again.
//
// setupTestApp stays synchronous (its callers build the app at the top of a
// test): the engine is handed a pool that connects only once its database is
// ready, so the app's first queries simply wait for it.
import type pg from 'pg';
import { openPg } from '../../server/db/pg/open.ts';
import { postgresEngine } from '../../server/db/engine/postgres.ts';
import type { Engine, EngineKind } from '../../server/db/engine/engine.ts';
import { startPgCluster, type PgCluster } from './pg-cluster.ts';

/** The engine the integration tests run on: TEST_ENGINE=postgres, else SQLite. */
export const TEST_ENGINE: EngineKind = process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

const TEMPLATE = 'app_template';
let cluster: Promise<PgCluster> | undefined;
let template: Promise<void> | undefined;
let made = 0;
const engines: Engine[] = [];

// Registered while the test file is collected (it imports the harness), on
// PostgreSQL only: on SQLite the harness also serves the benchmarks, outside vitest.
if (TEST_ENGINE === 'postgres') {
  const { afterAll } = await import('vitest');
  afterAll(async () => {
    for (const engine of engines.splice(0)) await engine.close().catch(() => undefined);
    if (cluster) await (await cluster).stop();
    cluster = undefined;
    template = undefined;
  }, 60_000);
}

async function freshDatabase(name: string, from = TEMPLATE): Promise<string> {
  cluster ??= startPgCluster();
  const c = await cluster;
  template ??= (async () => {
    const { pool } = await openPg(await c.createDatabase(TEMPLATE));
    await pool.end();
  })();
  await template;
  return c.createDatabase(name, from);
}

/** A pool over a database still being made: connect() waits for it (the only calls postgresEngine makes are connect and end). */
function poolWhenReady(url: Promise<string>): pg.Pool {
  const pool = url.then(async (u) => (await openPg(u)).pool);
  // A failure surfaces at the first query; not also as an unhandled rejection.
  pool.catch(() => undefined);
  return {
    connect: async () => (await pool).connect(),
    end: async () => {
      const p = await pool.catch(() => undefined);
      if (p && !p.ended) await p.end();
    },
  } as unknown as pg.Pool;
}

const names = new WeakMap<Engine, string>();

/** A fresh, migrated PostgreSQL database's engine; closed after the file's tests if the test does not close it.
 * `copyOf`: a copy of that database (closed: PostgreSQL copies only a database nobody is connected to), not an empty one. */
export function freshPgEngine(copyOf?: string): Engine {
  const name = `app_${++made}`;
  const engine = postgresEngine(poolWhenReady(freshDatabase(name, copyOf)));
  names.set(engine, name);
  engines.push(engine);
  return engine;
}

/** The name of the database under an engine of freshPgEngine, for freshPgEngine(copyOf). */
export function pgDatabaseName(engine: Engine): string {
  const name = names.get(engine);
  if (!name) throw new Error('not a database of the harness cluster');
  return name;
}
