// The SQLite connection (ctx.db, ctx.sqlite) that code not yet on the engine
// still takes. On PostgreSQL there is none: reading it stops the start at
// once, saying which line asked for it, instead of a crash on some later
// request. The parts reach for it while the app is built, so a server on
// PostgreSQL either starts whole or does not start.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PROJECT_ROOT } from '../paths.ts';
import type { Db, Sqlite } from './open.ts';

export class SqliteOnlyError extends Error {}

/** `db` and `sqlite` for the app's context: the connection on SQLite, a refusal on PostgreSQL. */
export function sqliteProperties(db: Db | undefined, sqlite: Sqlite | undefined): PropertyDescriptorMap {
  if (db && sqlite) return { db: { value: db, enumerable: true }, sqlite: { value: sqlite, enumerable: true } };
  const noDb = (): never => refuse('ctx.db', noDb);
  const noSqlite = (): never => refuse('ctx.sqlite', noSqlite);
  return { db: { get: noDb, enumerable: false }, sqlite: { get: noSqlite, enumerable: false } };
}

function refuse(what: string, getter: () => never): never {
  const trace: { stack?: string } = {};
  // The stack from the code that read the property (this file's frames left out).
  Error.captureStackTrace(trace, getter);
  const site = placeOf(trace.stack ?? '');
  throw new SqliteOnlyError(
    `DATABASE_URL names a PostgreSQL database, but a part of the server still reads the SQLite file directly (${what}${site ? `: ${site}` : ''}). ` +
      'That part has not moved to the engine yet, so the server cannot run on PostgreSQL: unset DATABASE_URL to serve from the SQLite file in DATA_DIR.',
  );
}

/** "path:line `source line`" of the stack's first frame (the bundle's path and line when the server runs bundled). */
function placeOf(stack: string): string | undefined {
  const frame = stack.split('\n')[1]?.trim() ?? '';
  const match = /\(?((?:file:\/\/)?\/[^()]+?):(\d+):\d+\)?$/.exec(frame);
  if (!match) return undefined;
  const file = match[1]!.startsWith('file://') ? fileURLToPath(match[1]!) : match[1]!;
  const lineNo = Number(match[2]);
  let text = '';
  try {
    text = readFileSync(file, 'utf8').split('\n')[lineNo - 1]?.trim() ?? '';
  } catch {
    // The source is not readable: the place alone still says where.
  }
  return `${relative(PROJECT_ROOT, file)}:${lineNo}${text ? ` \`${text.slice(0, 160)}\`` : ''}`;
}
