// Each locality's data in a store of its own, reached through its own
// engine: on SQLite a file in DATA_DIR/localities/<slug>/, on PostgreSQL a
// schema loc_<slug> of the city's database, its connections drawn from the
// one pool (db/pg/locality-schema.ts). Nothing above the engine names a
// locality, so no query can reach another's rows. A store is made (migrated)
// the first time it is opened, and opened once per process.
import { join } from 'node:path';
import type pg from 'pg';
import { localitySlugSchema } from '../../shared/localities/locality.ts';
import type { Engine } from '../db/engine/engine.ts';
import { engineOfSqlite } from '../db/engine/sqlite.ts';
import { postgresEngine } from '../db/engine/postgres.ts';
import { openDb } from '../db/open.ts';
import { localitySchema, migrateLocalitySchema } from '../db/pg/locality-schema.ts';

export type LocalityStoresOn = { kind: 'sqlite'; dataDir: string } | { kind: 'postgres'; pool: pg.Pool };

/** Where a locality's SQLite file lives under DATA_DIR. */
export const localityDataDir = (dataDir: string, slug: string) => join(dataDir, 'localities', slug);

export function localityStores(on: LocalityStoresOn) {
  const open = new Map<string, Promise<Engine>>();

  async function make(slug: string): Promise<Engine> {
    if (on.kind === 'sqlite') return engineOfSqlite(openDb(localityDataDir(on.dataDir, slug)).sqlite);
    const schema = localitySchema(slug);
    await migrateLocalitySchema(on.pool, schema);
    return postgresEngine(on.pool, { schema, sharedPool: true });
  }

  return {
    /** The locality's engine, its store made on first use. The slug must have been checked against the registry. */
    engineOf(slug: string): Promise<Engine> {
      localitySlugSchema.parse(slug);
      let engine = open.get(slug);
      if (!engine) {
        engine = make(slug);
        open.set(slug, engine);
        // A failed start is not kept: the next request tries again.
        engine.catch(() => open.delete(slug));
      }
      return engine;
    },
    /** Closes every locality's store (SQLite files; PostgreSQL's pool belongs to the city). */
    async close(): Promise<void> {
      const engines = await Promise.allSettled(open.values());
      open.clear();
      for (const e of engines) if (e.status === 'fulfilled') await e.value.close();
    },
  };
}

export type LocalityStores = ReturnType<typeof localityStores>;
