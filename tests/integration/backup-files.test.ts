// SQLite only, by nature: `npm run backup`/`restore` copy the SQLite file and
// refuse on PostgreSQL (server/db/backup.ts refuseOnPostgres: its own tools
// back a city's database up).
// The evidence photos go with the database: `npm run backup` copies the files
// the backed-up database names into `files/` beside the copy (only the new
// ones on the next night), and `npm run restore` brings them back into a fresh
// DATA_DIR, so a restored ward still sees the banner photos its units sent.
// A file that is missing or damaged on the server makes the backup say so and
// exit 1, rather than look complete.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openDb } from '../../server/db/open.ts';
import { storedFiles } from '../../server/db/schema/index.ts';
import { runTsx } from './process.ts';

const dirs: string[] = [];
const tempDir = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

/** Stores bytes as the file store does: DATA_DIR/files/<sha256> and its row. */
function storeFile(dataDir: string, content: string): string {
  const bytes = Buffer.from(content);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const { db, sqlite } = openDb(dataDir);
  try {
    mkdirSync(join(dataDir, 'files'), { recursive: true, mode: 0o700 });
    writeFileSync(join(dataDir, 'files', sha256), bytes, { mode: 0o600 });
    db.insert(storedFiles).values({ sha256, type: 'image/jpeg', bytes: bytes.length, createdAt: Date.now() }).run();
  } finally {
    sqlite.close();
  }
  return sha256;
}

async function run(script: string, args: string[], dataDir: string) {
  const child = runTsx(script, args, { DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  const code = await child.exited;
  return { code, ...child.output() };
}

describe('evidence files in backup and restore', () => {
  it('copies the named files beside the backup, only new ones the next time, and restores them', async () => {
    const dataDir = tempDir('hvs-files-data-');
    const first = storeFile(dataDir, 'banner photo at the cultural house');
    const second = storeFile(dataDir, 'scan of the signed plan');
    // A file nobody names (an upload cut off before its row) is not carried along.
    writeFileSync(join(dataDir, 'files', 'f'.repeat(64)), 'orphan');

    const backups = tempDir('hvs-files-backups-');
    const night1 = await run('server/cli/backup.ts', ['--out', join(backups, 'night1.sqlite')], dataDir);
    expect(night1.code, night1.stderr).toBe(0);
    expect(night1.stdout).toContain('2 evidence files');
    expect(night1.stdout).toContain('(2 new)');
    expect(readdirSync(join(backups, 'files')).sort()).toEqual([first, second].sort());
    expect(statSync(join(backups, 'files', first)).mode & 0o777).toBe(0o600);
    expect(statSync(join(backups, 'files')).mode & 0o777).toBe(0o700);

    const third = storeFile(dataDir, 'poster on the notice board');
    const night2 = await run('server/cli/backup.ts', ['--out', join(backups, 'night2.sqlite')], dataDir);
    expect(night2.code, night2.stderr).toBe(0);
    expect(night2.stdout).toContain('3 evidence files');
    expect(night2.stdout).toContain('(1 new)');

    // A replacement machine: an empty DATA_DIR gets the database and its files.
    const fresh = tempDir('hvs-files-restored-');
    const restored = await run('server/cli/restore.ts', [join(backups, 'night2.sqlite')], fresh);
    expect(restored.code, restored.stderr).toBe(0);
    expect(restored.stdout).toContain('3 evidence files (3 copied');
    for (const sha256 of [first, second, third]) {
      expect(createHash('sha256').update(readFileSync(join(fresh, 'files', sha256))).digest('hex')).toBe(sha256);
    }
    expect(existsSync(join(fresh, 'files', 'f'.repeat(64)))).toBe(false);
  }, 60_000);

  it('fails the backup, naming the file, when a file the database names is damaged', async () => {
    const dataDir = tempDir('hvs-files-damaged-');
    const sha256 = storeFile(dataDir, 'meeting photo');
    writeFileSync(join(dataDir, 'files', sha256), 'bytes changed on disk');

    const backups = tempDir('hvs-files-damaged-backups-');
    const result = await run('server/cli/backup.ts', ['--out', join(backups, 'copy.sqlite')], dataDir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`1 evidence files the database names are missing or damaged`);
    expect(result.stderr).toContain(sha256);
    // The damaged bytes never take the file's name in the backup.
    expect(existsSync(join(backups, 'files', sha256))).toBe(false);
  }, 60_000);
});
