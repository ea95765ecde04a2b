// The staff login guard counting in the table that several server processes
// share, on a real SQLite file and a real throw-away PostgreSQL cluster: the
// same cases as in memory (tests/support/login-guard-cases.ts), with every
// attempt taken by one of two "processes" in turn (two engines on one
// database), so a guesser reaching both gets no more tries than one.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import pg from 'pg';
import { createLoginGuard, type LoginGuard } from '../../server/auth/login-guard.ts';
import type { Engine } from '../../server/db/engine/engine.ts';
import { engineOfSqlite } from '../../server/db/engine/sqlite.ts';
import { postgresEngine } from '../../server/db/engine/postgres.ts';
import { openDb } from '../../server/db/open.ts';
import { tableWindows } from '../../server/limits/windows.ts';
import { loginGuardCases } from '../support/login-guard-cases.ts';
import { ENGINES, testEngines } from '../support/engines.ts';

const engines = testEngines();

/** A second connection to the same database, as a second server process would hold. */
async function secondProcess(first: Engine): Promise<Engine> {
  if (first.kind === 'sqlite') {
    const file = (await first.get<{ file: string }>(sql`SELECT file FROM pragma_database_list WHERE name = 'main'`))!.file;
    return engineOfSqlite(openDb(file.replace(/\/[^/]+$/, '')).sqlite);
  }
  const at = (await first.get<{ db: string; dir: string }>(sql`SELECT current_database() AS db, current_setting('unix_socket_directories') AS dir`))!;
  return postgresEngine(new pg.Pool({ host: at.dir, database: at.db, user: 'postgres', max: 2 }));
}

describe.each(ENGINES)('login guard shared by two processes on %s', (kind) => {
  let one: Engine;
  let two: Engine;
  beforeAll(async () => {
    one = await engines.fresh(kind);
    two = await secondProcess(one);
  }, 60_000);
  afterAll(() => two?.close());
  beforeEach(async () => void (await one.run(sql`DELETE FROM shared_windows`)));

  loginGuardCases(async (clock, limits) => {
    const guardOn = (engine: Engine) => createLoginGuard(clock, limits, { failures: tableWindows(engine, 'login-failures', clock), pending: tableWindows(engine, 'login-pending', clock) });
    const processes = [guardOn(one), guardOn(two)];
    let turn = 0;
    // Each attempt reaches the next process, as a reverse proxy spreads them.
    return { admit: (attempt) => processes[turn++ % 2]!.admit(attempt) } satisfies LoginGuard;
  });
});
