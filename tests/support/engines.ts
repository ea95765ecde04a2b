// Fresh databases on both engines for a test file: a SQLite file in a
// temporary folder, and a database in a throw-away PostgreSQL cluster started
// once per file. A test that must hold on both engines runs under
// `describe.each(ENGINES)` and asks `engines.fresh(kind)` for its database.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { openDb, type OpenedDb } from '../../server/db/open.ts';
import { openPg } from '../../server/db/pg/open.ts';
import { engineOfSqlite } from '../../server/db/engine/sqlite.ts';
import { postgresEngine } from '../../server/db/engine/postgres.ts';
import type { Engine, EngineKind } from '../../server/db/engine/engine.ts';
import { startPgCluster, type PgCluster } from './pg-cluster.ts';

export const ENGINES: EngineKind[] = ['sqlite', 'postgres'];

/** Call at the top of a test file: registers the clean-up of every database it makes. */
export function testEngines() {
  let cluster: Promise<PgCluster> | undefined;
  const dirs: string[] = [];
  const open: Engine[] = [];
  let made = 0;
  afterAll(async () => {
    for (const engine of open) await engine.close().catch(() => undefined);
    if (cluster) await (await cluster).stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }, 60_000);
  return {
    /** A new, migrated, empty database (the sample ward's seed rows only) on `kind`. */
    async fresh(kind: EngineKind): Promise<Engine> {
      let engine: Engine;
      if (kind === 'sqlite') engine = engineOfSqlite(this.freshSqlite().sqlite);
      else {
        cluster ??= startPgCluster();
        engine = postgresEngine((await openPg(await (await cluster).createDatabase(`test_${++made}`))).pool);
      }
      open.push(engine);
      return engine;
    },
    /** A new SQLite file, opened the way the server opens it. */
    freshSqlite(): OpenedDb {
      const dir = mkdtempSync(join(tmpdir(), 'hvs-engine-'));
      dirs.push(dir);
      return openDb(dir);
    },
  };
}
