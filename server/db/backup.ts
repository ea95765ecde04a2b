// Backup and restore of the ward's single SQLite file (DATA_DIR/hoc-vu-so.sqlite).
// A backup is SQLite's online backup of one consistent snapshot, taken while
// the server keeps serving: in WAL mode a reader never blocks the writer, so
// sync requests carry on during the copy. The copy is a single self-contained
// file (no -wal beside it) that can be carried off the machine as it is.
// A restore needs the server stopped; it proves that by taking SQLite's
// exclusive lock on the live file, which fails while any process (the server,
// its checkpoint worker, a CLI) has the database open.
// SQLite-only, and meant to stay so: it uses SQLite's backup API, pragmas and
// file locks directly, and another engine brings its own tools beside it.
import { copyFileSync, existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS_DIR } from '../paths.ts';
import { DB_FILE_NAME } from './open.ts';
import { privateDir, privateFile } from './private-files.ts';

export const BACKUP_DIR_NAME = 'backups';
const MIGRATIONS_TABLE = '__drizzle_migrations';
const JOURNAL = join(MIGRATIONS_DIR, 'meta', '_journal.json');

export interface DatabaseSummary {
  bytes: number;
  events: number;
  guideEvents: number;
  migrations: number;
}

export class BackupError extends Error {}

/** What `npm run backup` and `restore` say when DATABASE_URL names PostgreSQL: its own tools back it up, not this file copy. */
export const BACKUP_BY_DATABASE =
  'DATABASE_URL names a PostgreSQL database: back it up with PostgreSQL\'s own tools (pg_dump for a nightly copy, or base backups with WAL archiving), ' +
  'and copy FILES_DIR (the evidence files) beside it. This command copies only the SQLite file of a ward on SQLite (README, "Daily backup").';

/** Stops a backup or restore command when the server's data is in PostgreSQL. */
export function refuseOnPostgres(env: { DATABASE_URL?: string }): void {
  if (env.DATABASE_URL) throw new BackupError(BACKUP_BY_DATABASE);
}

/** hoc-vu-so-20250601T020000Z.sqlite: sorts by time, no characters a USB stick's file system refuses. */
export function backupFileName(at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
  return `hoc-vu-so-${stamp}.sqlite`;
}

export const defaultBackupPath = (dataDir: string, at: Date) => join(dataDir, BACKUP_DIR_NAME, backupFileName(at));

/** Integrity, the migrations table and the counts of one database file; throws BackupError when it is not a sound Học vụ số database. */
export function inspectDatabase(path: string): DatabaseSummary {
  if (!existsSync(path)) throw new BackupError(`${path} does not exist`);
  let db: Database.Database;
  try {
    db = new Database(path, { readonly: true, fileMustExist: true });
  } catch (error) {
    throw new BackupError(`${path} cannot be opened as a database: ${(error as Error).message}`);
  }
  try {
    let problems: string[];
    try {
      problems = (db.pragma('integrity_check') as Array<{ integrity_check: string }>).map((row) => row.integrity_check);
    } catch (error) {
      throw new BackupError(`${path} is not a readable SQLite database: ${(error as Error).message}`);
    }
    if (problems.join() !== 'ok') throw new BackupError(`${path} failed the integrity check: ${problems.slice(0, 5).join('; ')}`);
    const hasTable = (name: string) => db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?").get(name) !== undefined;
    if (!hasTable(MIGRATIONS_TABLE) || !hasTable('events')) throw new BackupError(`${path} is a SQLite file but not a Học vụ số database`);
    const count = (table: string) => (hasTable(table) ? (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n : 0);
    return { bytes: statSync(path).size, events: count('events'), guideEvents: count('guide_events'), migrations: count(MIGRATIONS_TABLE) };
  } finally {
    db.close();
  }
}

/**
 * Copies the live database at `source` to `dest` while the server may be
 * writing to it, then checks the copy. The whole copy is one backup step: a
 * stepwise copy restarts every time the server commits, and under steady
 * sync traffic might never finish.
 */
export async function backupDatabase(source: string, dest: string): Promise<DatabaseSummary> {
  if (!existsSync(source)) throw new BackupError(`No database at ${source} (is DATA_DIR right?)`);
  if (existsSync(dest)) throw new BackupError(`${dest} already exists; choose another name`);
  // The default folder is the app's own; a folder the operator named keeps its mode (the file is private anyway).
  privateDir(dirname(dest), !existsSync(dirname(dest)) || dirname(dest).endsWith(BACKUP_DIR_NAME));
  const partial = `${dest}.partial`;
  rmSync(partial, { force: true });
  privateFile(partial);
  const live = new Database(source, { readonly: true, fileMustExist: true, timeout: 10_000 });
  try {
    await live.backup(partial, { progress: ({ totalPages }) => Math.max(totalPages, 1) });
  } catch (error) {
    rmSync(partial, { force: true });
    throw new BackupError(`The backup failed: ${(error as Error).message}`);
  } finally {
    live.close();
  }
  // One file, no -wal beside it, so it can be copied anywhere as it is.
  const copy = new Database(partial);
  copy.pragma('journal_mode = DELETE');
  copy.close();
  const summary = inspectDatabase(partial);
  renameSync(partial, dest);
  return summary;
}

/** Migrations this version of the server knows. */
function knownMigrations(): number {
  return (JSON.parse(readFileSync(JOURNAL, 'utf8')) as { entries: unknown[] }).entries.length;
}

export interface RestoreResult {
  restored: DatabaseSummary;
  /** Where the database that was replaced now is; null when there was none. */
  previous: string | null;
}

/**
 * Puts the backup at `backup` in place as DATA_DIR's database. Refuses while
 * anything has the live database open, and when the backup is damaged, not
 * ours, or from a newer version of the server. The replaced database is kept
 * beside it as hoc-vu-so.sqlite.<time>.before-restore.
 */
export function restoreDatabase(dataDir: string, backup: string, at: Date = new Date()): RestoreResult {
  const restored = inspectDatabase(backup);
  if (restored.migrations > knownMigrations()) {
    throw new BackupError(`${backup} was made by a newer version of Học vụ số (${restored.migrations} migrations, this version knows ${knownMigrations()}); update the app first`);
  }
  privateDir(dataDir);
  const live = join(dataDir, DB_FILE_NAME);
  const incoming = `${live}.restoring`;
  rmSync(incoming, { force: true });
  privateFile(incoming);
  copyFileSync(backup, incoming);
  privateFile(incoming); // copyFile gives the copy the source's mode
  let previous: string | null = null;
  try {
    if (existsSync(live)) {
      previous = `${live}.${backupFileName(at).replace(/^hoc-vu-so-|\.sqlite$/g, '')}.before-restore`;
      keepPrevious(live, previous);
    }
    for (const suffix of ['-wal', '-shm', '-journal']) rmSync(`${live}${suffix}`, { force: true });
    renameSync(incoming, live);
  } finally {
    rmSync(incoming, { force: true });
  }
  return { restored, previous };
}

/** Takes the exclusive lock (refusing if the server has the file open), folds the WAL in, and copies the file aside. */
function keepPrevious(live: string, previous: string): void {
  let db: Database.Database;
  try {
    db = new Database(live, { fileMustExist: true, timeout: 0 });
  } catch (error) {
    throw new BackupError(`The current database cannot be opened: ${(error as Error).message}`);
  }
  try {
    db.pragma('locking_mode = EXCLUSIVE');
    try {
      db.exec('BEGIN EXCLUSIVE; COMMIT');
    } catch (error) {
      if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
        throw new BackupError('The database is in use: stop the server (and any other Học vụ số command) before restoring');
      }
      throw error;
    }
    // Everything committed, in the main file, so the copy needs no -wal.
    db.pragma('wal_checkpoint(TRUNCATE)');
    privateFile(previous);
    copyFileSync(live, previous);
    privateFile(previous);
  } finally {
    db.close();
  }
}
