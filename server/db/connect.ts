// Which database the server runs on: DATABASE_URL unset → the ward's SQLite
// file in DATA_DIR (open.ts, exactly as before DATABASE_URL existed);
// postgres://… → a city's PostgreSQL database (pg/open.ts), its migrations
// applied at start. Either way the code above reaches the data through the
// engine; only SQLite also hands out its connection, for the parts that are
// SQLite's own (WAL checkpoints, file backups) and for code not yet on the engine.
// DATABASE_READ_URL (PostgreSQL only: env.ts refuses it without DATABASE_URL)
// names a streaming replica: the engine runs the reports' read-only
// transactions there (engine/postgres.ts), every write and every other read
// on the primary. A replica lags the primary by its replay delay, so a figure
// read there may miss the last seconds of syncs (docs/scaling.md).
import type pg from 'pg';
import type { Env } from '../env.ts';
import type { Logger } from '../logger.ts';
import type { Engine } from './engine/engine.ts';
import { engineOfSqlite } from './engine/sqlite.ts';
import { postgresEngine } from './engine/postgres.ts';
import { openDb, type OpenedDb } from './open.ts';
import { privateDir } from './private-files.ts';

export interface OpenedDatabase {
  engine: Engine;
  /** The SQLite file and its connection; absent on PostgreSQL. */
  sqlite?: OpenedDb;
  /** PostgreSQL's pool (absent on SQLite): a city's localities draw their connections from it (localities/stores.ts). */
  pool?: pg.Pool;
  /** Where the data is, for the log: the file, or the server and database (never the password). */
  where: string;
  close(): Promise<void>;
}

/** At most one warning a minute while the replica cannot be reached (each report's reads fall back to the primary). */
const FALLBACK_WARNING_EVERY_MS = 60_000;

export async function openDatabase(env: Pick<Env, 'DATA_DIR' | 'DATABASE_URL' | 'DATABASE_READ_URL'>, logger?: Pick<Logger, 'warn'>): Promise<OpenedDatabase> {
  if (!env.DATABASE_URL) {
    const opened = openDb(env.DATA_DIR);
    return { engine: engineOfSqlite(opened.sqlite), sqlite: opened, where: opened.path, close: async () => void opened.sqlite.close() };
  }
  // DATA_DIR still holds this server's own files (the first admin's password, the spot-check key).
  privateDir(env.DATA_DIR);
  // Loaded only here, so a ward on SQLite never loads the PostgreSQL client.
  const { openPg, openPgReplica } = await import('./pg/open.ts');
  const opened = await openPg(env.DATABASE_URL);
  if (!env.DATABASE_READ_URL) {
    const engine = postgresEngine(opened.pool);
    return { engine, pool: opened.pool, where: describePgUrl(env.DATABASE_URL), close: () => engine.close() };
  }
  const readPool = await openPgReplica(env.DATABASE_READ_URL);
  let warnedAt = -Infinity;
  const onReadFallback = (error: Error) => {
    if (Date.now() - warnedAt < FALLBACK_WARNING_EVERY_MS) return;
    warnedAt = Date.now();
    logger?.warn('read replica unreachable: reports read from the primary', { replica: describePgUrl(env.DATABASE_READ_URL!), error: error.message });
  };
  const engine = postgresEngine(opened.pool, { readPool, onReadFallback });
  return { engine, pool: opened.pool, where: `${describePgUrl(env.DATABASE_URL)}, reads ${describePgUrl(env.DATABASE_READ_URL)}`, close: () => engine.close() };
}

/** host/database of a PostgreSQL URL, without user or password. */
export function describePgUrl(url: string): string {
  try {
    const parsed = new URL(url);
    const host = parsed.searchParams.get('host') ?? parsed.host;
    return `postgresql ${host}${parsed.pathname}`;
  } catch {
    return 'postgresql';
  }
}
