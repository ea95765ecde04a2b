// The ward's data is personal: the database, its -wal and -shm files and
// every backup are readable by the server's own user only (0600), in folders
// only that user can enter (0700). SQLite gives -wal and -shm the mode of the
// database file, so making the database file private is enough for them.
import { chmodSync, closeSync, existsSync, mkdirSync, openSync } from 'node:fs';

export const PRIVATE_FILE_MODE = 0o600;
export const PRIVATE_DIR_MODE = 0o700;

/** Creates the folder 0700, and makes it 0700 when `own` (a folder the app made for itself: DATA_DIR, its backups). */
export function privateDir(path: string, own = true): void {
  mkdirSync(path, { recursive: true, mode: PRIVATE_DIR_MODE });
  if (own) chmodSync(path, PRIVATE_DIR_MODE);
}

/** Makes sure the file exists and is 0600 before anything is written into it (also an older install's file). */
export function privateFile(path: string): void {
  if (!existsSync(path)) closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  chmodSync(path, PRIVATE_FILE_MODE);
}
