import { describe, it, expect } from 'vitest';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb } from './open.ts';
import { startCheckpointer } from './checkpointer.ts';

describe('background checkpointer', () => {
  it('moves committed pages into the database file from a worker, with in-commit checkpoints off', async () => {
    const { sqlite, path } = openDb(mkdtempSync(join(tmpdir(), 'hvs-ckpt-')));
    const checkpointer = startCheckpointer(sqlite, path, 50);
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    sqlite.exec('CREATE TABLE blobs (id INTEGER PRIMARY KEY, body TEXT)');
    const before = statSync(path).size;
    const insert = sqlite.prepare('INSERT INTO blobs (body) VALUES (?)');
    sqlite.transaction(() => {
      for (let i = 0; i < 2_000; i++) insert.run('x'.repeat(1_000));
    })();
    // Only a checkpoint copies WAL frames into the main file; this connection never runs one.
    await expect.poll(() => statSync(path).size, { timeout: 5_000 }).toBeGreaterThan(before + 1_000_000);
    await checkpointer.stop();
    expect((sqlite.prepare('SELECT COUNT(*) AS n FROM blobs').get() as { n: number }).n).toBe(2_000);
    sqlite.close();
  });
});
