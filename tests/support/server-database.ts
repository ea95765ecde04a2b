// The database a test's real server runs on, and reading it beside the server.
// TEST_ENGINE=postgres: a throw-away PostgreSQL cluster per test file (started
// when the first server needs it, stopped by e2e-setup.ts at the end of the
// file) and a fresh database in it per server, passed as DATABASE_URL.
// Otherwise (the default): the SQLite file in the server's DATA_DIR, as before.
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { SQL } from 'drizzle-orm';
import { DB_FILE_NAME, openDb } from '../../server/db/open.ts';
import { openPg } from '../../server/db/pg/open.ts';
import { engineOfSqlite } from '../../server/db/engine/sqlite.ts';
import { postgresEngine } from '../../server/db/engine/postgres.ts';
import { render, type Engine, type EngineKind } from '../../server/db/engine/engine.ts';
import { startPgCluster, type PgCluster } from './pg-cluster.ts';

export const TEST_ENGINE: EngineKind = process.env.TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

let cluster: Promise<PgCluster> | undefined;
let made = 0;

/** A new empty database in this file's cluster (started on first use); its URL. */
export async function freshDatabaseUrl(): Promise<string> {
  cluster ??= startPgCluster();
  return (await cluster).createDatabase(`server_${process.pid}_${++made}`);
}

/** Stops this file's cluster, if one was started. */
export async function stopTestCluster(): Promise<void> {
  const started = cluster;
  cluster = undefined;
  if (started) await (await started).stop();
}

/** Where one server keeps its data: DATA_DIR, and on PostgreSQL its database. */
export interface ServerStore {
  engine: EngineKind;
  dataDir: string;
  /** postgres://… on PostgreSQL; undefined on SQLite (the file in dataDir). */
  databaseUrl?: string;
}

/** A store for a server about to start in `dataDir`, on the engine of this run. */
export async function newStore(dataDir: string): Promise<ServerStore> {
  return TEST_ENGINE === 'postgres' ? { engine: 'postgres', dataDir, databaseUrl: await freshDatabaseUrl() } : { engine: 'sqlite', dataDir };
}

/**
 * The store's database opened (and migrated) the way the server opens it, to
 * put accounts or demo data in before the server starts; close it first.
 */
export async function openStore(store: ServerStore): Promise<{ engine: Engine; close(): Promise<void> }> {
  if (!store.databaseUrl) {
    const { sqlite } = openDb(store.dataDir);
    return { engine: engineOfSqlite(sqlite), close: async () => void sqlite.close() };
  }
  const engine = postgresEngine((await openPg(store.databaseUrl)).pool);
  return { engine, close: () => engine.close() };
}

// As the server reads them (server/db/pg/open.ts): counts and integers as numbers, on both engines.
pg.types.setTypeParser(pg.types.builtins.INT8, (value: string) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value: string) => Number(value));

/**
 * Rows straight from a server's database, read-only where the engine allows,
 * as the ward office would see them. `query` is a drizzle `sql` template in
 * portable SQL (quote capitalised aliases; read JSON in TypeScript).
 */
export function storeRows<T>(store: Pick<ServerStore, 'dataDir' | 'databaseUrl'>, query: SQL | string): Promise<T[]> {
  return onStore<T>(store, query, false);
}

/** Writes into a server's database beside it, e.g. what devices would have reported before the test: portable SQL only. */
export async function storeWrite(store: Pick<ServerStore, 'dataDir' | 'databaseUrl'>, query: SQL | string): Promise<void> {
  await onStore(store, query, true);
}

async function onStore<T>(store: Pick<ServerStore, 'dataDir' | 'databaseUrl'>, query: SQL | string, write: boolean): Promise<T[]> {
  const { sql: text, params } = typeof query === 'string' ? { sql: query, params: [] } : render(query);
  if (!store.databaseUrl) {
    const db = new Database(join(store.dataDir, DB_FILE_NAME), { readonly: !write, fileMustExist: true });
    try {
      const statement = db.prepare(text);
      if (statement.reader) return statement.all(...params) as T[];
      statement.run(...params);
      return [];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: store.databaseUrl });
  // A read still polling when the file's cluster stops: its query fails, the client must not crash the run.
  client.on('error', () => undefined);
  await client.connect();
  try {
    if (!write) await client.query('SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY');
    let n = 0;
    // drizzle renders SQLite's `?`; PostgreSQL numbers them (text without parameters is left alone).
    return (await client.query(params.length ? text.replace(/\?/g, () => `$${++n}`) : text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

/** The names of the server's own tables, from each engine's catalogue. */
export async function storeTables(store: Pick<ServerStore, 'dataDir' | 'databaseUrl'>): Promise<string[]> {
  const rows = await storeRows<{ name: string }>(
    store,
    store.databaseUrl
      ? "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name"
      : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name",
  );
  return rows.map((r) => r.name);
}

/** The column names of one of the server's tables. */
export async function storeColumns(store: Pick<ServerStore, 'dataDir' | 'databaseUrl'>, table: string): Promise<string[]> {
  const rows = await storeRows<{ name: string }>(
    store,
    store.databaseUrl
      ? `SELECT column_name AS name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '${table.replace(/'/g, "''")}'`
      : `SELECT name FROM pragma_table_info('${table.replace(/'/g, "''")}')`,
  );
  return rows.map((r) => r.name);
}
