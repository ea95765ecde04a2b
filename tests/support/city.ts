// A city's own store and where its localities' stores are made, on either
// engine, as a server process opens them: a temporary DATA_DIR for SQLite, a
// fresh database in a throw-away PostgreSQL cluster (one per test file).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import type { Engine, EngineKind } from '../../server/db/engine/engine.ts';
import { engineOfSqlite } from '../../server/db/engine/sqlite.ts';
import { postgresEngine } from '../../server/db/engine/postgres.ts';
import { openDb } from '../../server/db/open.ts';
import { openPg } from '../../server/db/pg/open.ts';
import type { LocalityStoresOn } from '../../server/localities/stores.ts';
import { startPgCluster, type PgCluster } from './pg-cluster.ts';

export interface OpenedCity {
  city: Engine;
  on: LocalityStoresOn;
  close(): Promise<void>;
}

/** Call at the top of a test file: cleans up every folder and the cluster after it. */
export function testCities() {
  let cluster: Promise<PgCluster> | undefined;
  const dirs: string[] = [];
  let made = 0;
  afterAll(async () => {
    if (cluster) await (await cluster).stop();
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
  }, 60_000);
  return {
    /** A temporary folder removed after the file's tests. */
    tempDir(): string {
      const dir = mkdtempSync(join(tmpdir(), 'hvs-city-'));
      dirs.push(dir);
      return dir;
    },
    async open(kind: EngineKind): Promise<OpenedCity> {
      if (kind === 'sqlite') {
        const dataDir = this.tempDir();
        const city = engineOfSqlite(openDb(dataDir).sqlite);
        return { city, on: { kind, dataDir }, close: () => city.close() };
      }
      cluster ??= startPgCluster();
      const { pool } = await openPg(await (await cluster).createDatabase(`city_${++made}`));
      return { city: postgresEngine(pool, { sharedPool: true }), on: { kind, pool }, close: () => pool.end() };
    },
  };
}
