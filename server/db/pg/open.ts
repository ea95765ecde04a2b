// Opens a city's PostgreSQL database (DATABASE_URL=postgres://…) and brings
// its schema up to date: the PostgreSQL counterpart of ../open.ts. The tables
// are generated from the SQLite schema (schema.generated.ts), so the rows read
// here have the same shape and JS types as those from the SQLite file.
//
// The PostgreSQL client and drizzle's driver for it are imported when a pool
// is opened, not when this file is: the server bundle holds this file, and a
// ward on SQLite (DATABASE_URL unset) never loads them.
import { join } from 'node:path';
import type { NodePgDatabase } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { PROJECT_ROOT } from '../../paths.ts';
import * as schema from './schema.generated.ts';

export const PG_MIGRATIONS_DIR = join(PROJECT_ROOT, 'server', 'db', 'pg', 'migrations');
/** Connections per process: a few writers (sync, group commit) and dashboard reads at once; several processes share the server's max_connections (100 by default). */
export const PG_POOL_SIZE = 10;
/** Held while migrating, so processes starting together migrate one at a time. */
const MIGRATION_LOCK = 1_936_024_949;

export type PgDb = NodePgDatabase<typeof schema> & { $client: pg.Pool };
export interface OpenedPg {
  db: PgDb;
  pool: pg.Pool;
}

// int8 (bigint: every integer column, count(*)) and numeric (sum() of
// bigints) arrive from node-postgres as strings, because they can exceed
// 2^53. Here they are ms timestamps and counts, far below 2^53, and the
// SQLite engine gives numbers: parse them as numbers so the code above sees
// one type on both engines. This is pg's global registry on purpose: drizzle
// hands each query its own type table that falls back to it, so a per-pool
// setting would not reach drizzle's queries.
async function loadPg(): Promise<typeof pg> {
  const { default: client } = await import('pg');
  client.types.setTypeParser(client.types.builtins.INT8, (value: string) => Number(value));
  client.types.setTypeParser(client.types.builtins.NUMERIC, (value: string) => Number(value));
  return client;
}

export async function openPg(url: string): Promise<OpenedPg> {
  const client = await loadPg();
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const pool = new client.Pool({ connectionString: url, max: PG_POOL_SIZE });
  // An idle connection the server dropped must not crash the process.
  pool.on('error', (error) => console.error('PostgreSQL pool:', error.message));
  try {
    await migratePg(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return { db: drizzle({ client: pool, schema }), pool };
}

/** How long a report waits to reach the replica before reading from the primary instead. */
export const REPLICA_CONNECT_TIMEOUT_MS = 2_000;

/**
 * The pool of a streaming replica (DATABASE_READ_URL): no migrations (a
 * standby replays the primary's), nothing checked at start, so a replica
 * down when the server starts costs the reports their fallback to the
 * primary, not the start.
 */
export async function openPgReplica(url: string): Promise<pg.Pool> {
  const client = await loadPg();
  const pool = new client.Pool({ connectionString: url, max: PG_POOL_SIZE, connectionTimeoutMillis: REPLICA_CONNECT_TIMEOUT_MS });
  pool.on('error', (error) => console.error('PostgreSQL read replica pool:', error.message));
  return pool;
}

async function migratePg(pool: pg.Pool): Promise<void> {
  const { drizzle } = await import('drizzle-orm/node-postgres');
  const { migrate } = await import('drizzle-orm/node-postgres/migrator');
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    try {
      await migrate(drizzle({ client }), { migrationsFolder: PG_MIGRATIONS_DIR });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

export async function closePg(opened: OpenedPg): Promise<void> {
  await opened.pool.end();
}
