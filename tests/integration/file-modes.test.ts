// SQLite only, by nature: the modes of the SQLite file, its -wal/-shm and
// its backups on disk (a PostgreSQL cluster's files belong to its server).
// The ward's personal data on disk: the database, its -wal and -shm, every
// backup and what a restore leaves behind are readable by the server's user
// only (0600), in folders only that user can enter (0700), whatever the umask.
import { chmodSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backupDatabase, defaultBackupPath, restoreDatabase } from '../../server/db/backup.ts';
import { DB_FILE_NAME, openDb } from '../../server/db/open.ts';

const mode = (path: string) => (statSync(path).mode & 0o777).toString(8);
let root: string;
let umask: number;
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), 'hvs-modes-'));
  umask = process.umask(0o022); // a common default: new files world-readable
});
afterAll(() => {
  process.umask(umask);
  rmSync(root, { recursive: true, force: true });
});

describe('files the server makes', () => {
  it('database, -wal and -shm are 0600 in a 0700 data folder; backups 0600 in a 0700 folder; a restore keeps both sides private', async () => {
    const data = join(root, 'data');
    const { sqlite, path } = openDb(data);
    sqlite.prepare("INSERT INTO residential_groups (id, name) SELECT 'x-1', 'x' WHERE 0").run();
    expect(mode(data)).toBe('700');
    for (const f of readdirSync(data).filter((f) => f.startsWith(DB_FILE_NAME))) expect([f, mode(join(data, f))]).toEqual([f, '600']);
    expect(readdirSync(data)).toEqual(expect.arrayContaining([DB_FILE_NAME, `${DB_FILE_NAME}-wal`, `${DB_FILE_NAME}-shm`]));

    const dest = defaultBackupPath(data, new Date('2025-06-01T02:00:00Z'));
    await backupDatabase(path, dest);
    sqlite.close();
    expect(mode(join(data, 'backups'))).toBe('700');
    expect(mode(dest)).toBe('600');

    // A backup carried around and made readable by all, restored over the old database.
    chmodSync(dest, 0o644);
    const { previous } = restoreDatabase(data, dest);
    expect(mode(path)).toBe('600');
    expect(mode(previous!)).toBe('600');
  });

  it('makes an older install private when it opens it', () => {
    const data = join(root, 'old');
    openDb(data).sqlite.close();
    chmodSync(data, 0o755);
    chmodSync(join(data, DB_FILE_NAME), 0o644);
    openDb(data).sqlite.close();
    expect([mode(data), mode(join(data, DB_FILE_NAME))]).toEqual(['700', '600']);
  });
});
