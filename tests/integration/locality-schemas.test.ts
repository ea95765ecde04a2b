// A city's PostgreSQL database keeps each locality in a schema of its own
// (server/db/pg/locality-schema.ts), reached through an engine bound to it.
// On a real throw-away PostgreSQL 15 cluster: the migrations make each
// schema once, and an engine of one locality neither reads nor writes
// another's rows, also when both share a pool of two connections, inside
// transactions and through the counter triggers. (On SQLite a locality is a
// file of its own, which needs no such proof.)
import { count, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { postgresEngine } from '../../server/db/engine/postgres.ts';
import type { Engine } from '../../server/db/engine/engine.ts';
import { openPg } from '../../server/db/pg/open.ts';
import { localitySchema, migrateLocalitySchema } from '../../server/db/pg/locality-schema.ts';
import { learners, statsLearners, statsPeople } from '../../server/db/schema/index.ts';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { PG_MIGRATIONS_DIR } from '../../server/db/pg/open.ts';
import { startPgCluster, type PgCluster } from '../support/pg-cluster.ts';

let cluster: PgCluster;
let pool: pg.Pool;
let city: Engine;
let a: Engine;
let b: Engine;

beforeAll(async () => {
  cluster = await startPgCluster();
  await (await openPg(cluster.url)).pool.end(); // the default schema, as a single-ward start makes it
  // Two connections for three engines: every query reuses a connection another schema used last.
  pool = new pg.Pool({ connectionString: cluster.url, max: 2 });
  city = postgresEngine(pool, { sharedPool: true });
  a = postgresEngine(pool, { schema: localitySchema('bac-son'), sharedPool: true });
  b = postgresEngine(pool, { schema: localitySchema('kien-an'), sharedPool: true });
}, 60_000);

afterAll(async () => {
  await pool?.end();
  await cluster?.stop();
}, 60_000);

const learner = (id: string) => ({ id, secretHash: 'h', createdAt: 1_700_000_000_000 });
const ids = async (engine: Engine) => (await engine.db.select({ id: learners.id }).from(learners).orderBy(learners.id)).map((r) => r.id);

describe('locality schemas on PostgreSQL', () => {
  it('names a schema from a slug and refuses anything else', () => {
    expect(localitySchema('kien-an')).toBe('loc_kien_an');
    for (const bad of ['', 'Kien-An', 'kiến-an', 'a b', '-a', 'a-', 'a"; drop', 'x'.repeat(49)]) expect(() => localitySchema(bad)).toThrow(/not a locality slug/);
  });

  it('makes each schema with every migration once, the sample rows included', async () => {
    const all = readMigrationFiles({ migrationsFolder: PG_MIGRATIONS_DIR }).length;
    const first = await Promise.all([migrateLocalitySchema(pool, localitySchema('bac-son')), migrateLocalitySchema(pool, localitySchema('bac-son'))]);
    expect(first.sort()).toEqual([0, all]); // two processes starting together: one migrates, the other finds it done
    expect(await migrateLocalitySchema(pool, localitySchema('kien-an'))).toBe(all);
    expect(await migrateLocalitySchema(pool, localitySchema('kien-an'))).toBe(0);
    // The seed rows (the sample ward profile) are each locality's own.
    const profile = sql`SELECT count(*) AS n FROM ward_profile`;
    expect([await a.get(profile), await b.get(profile), await city.get(profile)]).toEqual([{ n: 1 }, { n: 1 }, { n: 1 }]);
  }, 60_000);

  it("keeps each locality's rows to itself, on connections the other localities used last", async () => {
    await a.db.insert(learners).values(learner('A1'));
    await b.db.insert(learners).values([learner('B1'), learner('B2')]);
    // Interleaved on two connections: each query finds only its own locality's rows.
    const seen = await Promise.all(Array.from({ length: 30 }, (_, i) => ids([a, b, city][i % 3]!)));
    seen.forEach((rows, i) => expect(rows).toEqual([['A1'], ['B1', 'B2'], []][i % 3]));
    // The same id in two localities is two rows, not a conflict.
    await a.db.insert(learners).values(learner('B1'));
    expect(await ids(a)).toEqual(['A1', 'B1']);
    expect(await ids(b)).toEqual(['B1', 'B2']);
  });

  it("runs a locality's transaction in its own schema, and a rollback there leaves the other untouched", async () => {
    const failed = a
      .transaction(async (tx) => {
        await tx.db.insert(learners).values(learner('A-tx'));
        await b.db.insert(learners).values(learner('B-beside')); // another locality, outside this transaction
        throw new Error('undo');
      })
      .catch((error: Error) => error.message);
    expect(await failed).toBe('undo');
    expect(await ids(a)).toEqual(['A1', 'B1']);
    expect(await ids(b)).toEqual(['B-beside', 'B1', 'B2']);
  });

  it("fires each locality's counter triggers into its own tables", async () => {
    await a.db.insert(statsLearners).values({ learnerId: 'A1', isAssisted: 0, groupId: 'g1', firstDay: 20_000, lastDay: 20_000 });
    const people = async (engine: Engine) => (await engine.db.select({ n: count() }).from(statsPeople).where(eq(statsPeople.groupKey, 'g1')).get())?.n;
    expect([await people(a), await people(b), await people(city)]).toEqual([1, 0, 0]);
  });
});
