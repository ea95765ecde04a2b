// The evidence files a ward's rows name (story photos, unit evidence scans,
// register screenshots, lesson recordings: every one has a stored_files row,
// and is kept as <sha256> in the files folder, server/files/file-store.ts),
// brought into a locality's files folder under the same names, so the rows
// still point right. checkWardFiles runs before anything is written: a file
// the rows name that is missing or not what its row says (size, SHA-256)
// refuses the whole import, since a locality whose records name files it does
// not have would only fail later, in front of a reviewer. copyWardFiles then
// copies each file not already there (checked before it takes its name, so a
// damaged copy is never mistaken for the file): a second run copies nothing.
import { createHash, randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { PRIVATE_FILE_MODE, privateDir } from '../db/private-files.ts';
import type { Sqlite } from '../db/open.ts';

export interface NamedFile {
  sha256: string;
  bytes: number;
}

export interface FilesCount {
  /** Files the ward's rows name. */
  named: number;
  /** Of those, in the locality's folder after the import, with the right size and SHA-256. */
  present: number;
  /** Copied by this run (0 on a second run). */
  copied: number;
  /** Bytes copied by this run. */
  bytesCopied: number;
}

/** What the ward's rows name, from its stored_files table. */
export function namedFiles(file: Sqlite): NamedFile[] {
  const hasTable = file.prepare(`SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'stored_files'`).get();
  if (!hasTable) return [];
  return file.prepare('SELECT sha256, bytes FROM stored_files ORDER BY sha256').all() as NamedFile[];
}

/** Why a file is not the one its row names, or undefined when it is. */
function fault(path: string, named: NamedFile): string | undefined {
  if (!existsSync(path)) return 'missing';
  const size = statSync(path).size;
  if (size !== Number(named.bytes)) return `${size} bytes, the row says ${named.bytes}`;
  if (createHash('sha256').update(readFileSync(path)).digest('hex') !== named.sha256) return 'damaged (its SHA-256 differs)';
  return undefined;
}

/** Each named file missing or wrong in the ward's folder, as "<sha256>: <why>". */
export function checkWardFiles(named: NamedFile[], fromDir: string | undefined): string[] {
  if (named.length === 0) return [];
  if (!fromDir || !existsSync(fromDir)) return named.map((f) => `${f.sha256}: missing (no files folder)`);
  return named.flatMap((f) => {
    const why = fault(join(fromDir, f.sha256), f);
    return why ? [`${f.sha256}: ${why}`] : [];
  });
}

/** Copies the named files not already (rightly) in `toDir`; returns what is there afterwards. */
export function copyWardFiles(named: NamedFile[], fromDir: string | undefined, toDir: string): FilesCount {
  const count: FilesCount = { named: named.length, present: 0, copied: 0, bytesCopied: 0 };
  for (const f of named) {
    const target = join(toDir, f.sha256);
    if (fault(target, f) === undefined) {
      count.present++;
      continue;
    }
    privateDir(toDir);
    const partial = join(toDir, `.import-${randomBytes(8).toString('hex')}`);
    try {
      copyFileSync(join(fromDir!, f.sha256), partial);
      chmodSync(partial, PRIVATE_FILE_MODE);
      if (fault(partial, f) !== undefined) continue; // changed under us since the check: counted as not present
      renameSync(partial, target);
    } finally {
      rmSync(partial, { force: true });
    }
    count.copied++;
    count.bytesCopied += Number(f.bytes);
    count.present++;
  }
  return count;
}
