// The evidence photos and scans beside a database backup. Files are stored by
// the SHA-256 of their bytes and never change, so every backup in a folder
// shares one `files/` folder next to the .sqlite copies: a nightly backup
// copies only the files that arrived since the last one. The list of files to
// copy is read from the backup copy itself, so the files always match the
// database snapshot they belong to (a file uploaded during the backup waits
// for the next one, as its row does).
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Database from 'better-sqlite3';
import { PRIVATE_FILE_MODE, privateDir } from './private-files.ts';

export const FILES_DIR_NAME = 'files';

export interface FileCopySummary {
  /** Files the database names. */
  named: number;
  /** Copied this time (the others were already there). */
  copied: number;
  /** Named by the database but in neither place: they cannot be copied. */
  missing: string[];
}

/** The files folder that goes with a backup file: `files/` beside it. */
export const backupFilesDir = (backupFile: string) => join(dirname(backupFile), FILES_DIR_NAME);

function namedFiles(databaseFile: string): string[] {
  const db = new Database(databaseFile, { readonly: true, fileMustExist: true });
  try {
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'stored_files'").get() !== undefined;
    if (!hasTable) return [];
    return (db.prepare('SELECT sha256 FROM stored_files ORDER BY sha256').all() as Array<{ sha256: string }>).map((row) => row.sha256);
  } finally {
    db.close();
  }
}

const sha256Of = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/**
 * Copies every file `databaseFile` names from `fromDir` to `toDir` unless it
 * is there already. Each copy is checked against its name (its SHA-256) before
 * it takes that name, so a damaged copy is never mistaken for the file.
 */
export function copyNamedFiles(databaseFile: string, fromDir: string, toDir: string): FileCopySummary {
  const named = namedFiles(databaseFile);
  const missing: string[] = [];
  let copied = 0;
  for (const sha256 of named) {
    const target = join(toDir, sha256);
    if (existsSync(target)) continue;
    const source = join(fromDir, sha256);
    if (!existsSync(source)) {
      missing.push(sha256);
      continue;
    }
    privateDir(toDir);
    const partial = join(toDir, `.copy-${randomBytes(8).toString('hex')}`);
    try {
      copyFileSync(source, partial);
      chmodSync(partial, PRIVATE_FILE_MODE);
      if (sha256Of(partial) !== sha256) {
        missing.push(sha256);
        continue;
      }
      renameSync(partial, target);
    } finally {
      rmSync(partial, { force: true });
    }
    copied++;
  }
  return { named: named.length, copied, missing };
}
