// The spot-check's seed is not the drawer's to choose: it is derived from a
// key only the server holds and from what is being drawn (period, size and
// the records in reach), so drawing the same period again gives the same
// sample, and nobody without the key can tell in advance which period or
// size would leave a record out. The seed is stored and shown, so an auditor
// reproduces the draw from it and the records in id order (drawSample).
// The key lives next to the database (0600, made on the first draw); an
// in-memory database (tests) gets a key for the life of the process.
import { createHmac, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { PRIVATE_FILE_MODE } from '../db/private-files.ts';

const KEY_BYTES = 32;
export const DRAW_KEY_FILE = 'spot-check.key';

/** The server's drawing key, made once and kept beside the database at `dbPath`. */
export function drawKey(dbPath: string): Buffer {
  if (dbPath === '' || dbPath === ':memory:') return randomBytes(KEY_BYTES);
  const path = join(dirname(dbPath), DRAW_KEY_FILE);
  if (!existsSync(path)) {
    try {
      writeFileSync(path, randomBytes(KEY_BYTES), { mode: PRIVATE_FILE_MODE, flag: 'wx' });
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e; // another process made it first: read theirs
    }
  }
  const key = readFileSync(path);
  if (key.length !== KEY_BYTES) throw new Error(`${path} is not a spot-check key (${key.length} bytes)`);
  return key;
}

/** The seed of a draw: the first 31 bits of HMAC-SHA-256(key, what is drawn). */
export function drawSeed(key: Buffer, q: { from: string; to: string; size: number; records: readonly string[] }): number {
  const mac = createHmac('sha256', key).update(`hvs-spot-check\n${q.from}\n${q.to}\n${q.size}\n${q.records.join(',')}`).digest();
  return mac.readUInt32BE(0) >>> 1;
}

/** The key, read (or made) at the first draw and kept. */
export function drawKeyOf(dbPath: string): () => Buffer {
  let key: Buffer | undefined;
  return () => (key ??= drawKey(dbPath));
}
