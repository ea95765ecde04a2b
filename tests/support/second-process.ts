// A second connection to the database an engine uses, as a second server
// process on the same database would hold: another SQLite connection to the
// same file, or another PostgreSQL pool.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll } from 'vitest';
import pg from 'pg';
import type { Engine } from '../../server/db/engine/engine.ts';
import { engineOfSqlite } from '../../server/db/engine/sqlite.ts';
import { postgresEngine } from '../../server/db/engine/postgres.ts';
import { openDb } from '../../server/db/open.ts';

export async function secondProcess(first: Engine): Promise<Engine> {
  if (first.kind === 'sqlite') {
    const file = (await first.get<{ file: string }>(sql`SELECT file FROM pragma_database_list WHERE name = 'main'`))!.file;
    return engineOfSqlite(openDb(file.replace(/\/[^/]+$/, '')).sqlite);
  }
  const at = (await first.get<{ db: string; dir: string }>(sql`SELECT current_database() AS db, current_setting('unix_socket_directories') AS dir`))!;
  return postgresEngine(new pg.Pool({ host: at.dir, database: at.db, user: 'postgres', max: 2 }));
}

/** Two "processes" on one fresh database of `kind`, for the tests of a describe block (set before they run). */
export function twoProcesses(engines: { fresh(kind: Engine['kind']): Promise<Engine> }, kind: Engine['kind']): { one: Engine; two: Engine } {
  const processes = {} as { one: Engine; two: Engine };
  beforeAll(async () => {
    processes.one = await engines.fresh(kind);
    processes.two = await secondProcess(processes.one);
  }, 60_000);
  afterAll(() => processes.two?.close());
  return processes;
}
