// Opens the ward's single SQLite file under DATA_DIR and brings its schema up
// to date. Every process that touches the data (server, accounts CLI, tools)
// opens it through here so they all run with the same pragmas.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import { MIGRATIONS_DIR } from '../paths.ts';
import { privateDir, privateFile } from './private-files.ts';
import * as schema from './schema/index.ts';

export const DB_FILE_NAME = 'hoc-vu-so.sqlite';

export type Sqlite = Database.Database;
export type Db = BetterSQLite3Database<typeof schema> & { $client: Sqlite };
export interface OpenedDb {
  db: Db;
  sqlite: Sqlite;
  path: string;
}

export function openDb(dataDir: string): OpenedDb {
  privateDir(dataDir);
  const path = join(dataDir, DB_FILE_NAME);
  // 0600 before SQLite opens it: the -wal and -shm files take its mode.
  privateFile(path);
  for (const side of ['-wal', '-shm']) if (existsSync(path + side)) privateFile(path + side);
  const sqlite = new Database(path);
  // WAL: readers (dashboards) never block the writer (sync), and a commit is
  // one sequential append.
  sqlite.pragma('journal_mode = WAL');
  // FULL, not NORMAL: the server answers 'accepted' only after the commit,
  // and the phone then deletes its copy of the event. With NORMAL in WAL mode
  // a power cut can roll back the last commits, and those events would be
  // lost on both sides. FULL fsyncs the WAL on every commit; sync batches many
  // events per transaction, so the cost is one fsync per request, not per event.
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  // Short waits instead of SQLITE_BUSY when the CLI or a backup holds a lock.
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzleOf(sqlite);
  migrate(db, { migrationsFolder: MIGRATIONS_DIR });
  return { db, sqlite, path };
}

/** The query builder over an open connection (tools that were handed only the connection). */
export function drizzleOf(sqlite: Sqlite): Db {
  return drizzle(sqlite, { schema });
}
