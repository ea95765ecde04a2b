// The staff login guard counting in the table that several server processes
// share, on a real SQLite file and a real throw-away PostgreSQL cluster: the
// same cases as in memory (tests/support/login-guard-cases.ts), with every
// attempt taken by one of two "processes" in turn (two engines on one
// database), so a guesser reaching both gets no more tries than one.
import { sql } from 'drizzle-orm';
import { beforeEach, describe } from 'vitest';
import { createLoginGuard, type LoginGuard } from '../../server/auth/login-guard.ts';
import type { Engine } from '../../server/db/engine/engine.ts';
import { tableWindows } from '../../server/limits/windows.ts';
import { loginGuardCases } from '../support/login-guard-cases.ts';
import { ENGINES, testEngines } from '../support/engines.ts';
import { twoProcesses } from '../support/second-process.ts';

const engines = testEngines();


describe.each(ENGINES)('login guard shared by two processes on %s', (kind) => {
  const processes = twoProcesses(engines, kind);
  beforeEach(async () => void (await processes.one.run(sql`DELETE FROM shared_windows`)));

  loginGuardCases(async (clock, limits) => {
    const guardOn = (engine: Engine) => createLoginGuard(clock, limits, { failures: tableWindows(engine, 'login-failures', clock), pending: tableWindows(engine, 'login-pending', clock) });
    const guards = [guardOn(processes.one), guardOn(processes.two)];
    let turn = 0;
    // Each attempt reaches the next process, as a reverse proxy spreads them.
    return { admit: (attempt) => guards[turn++ % 2]!.admit(attempt) } satisfies LoginGuard;
  });
});
