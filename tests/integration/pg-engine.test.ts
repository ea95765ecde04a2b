// The PostgreSQL engine against a real, throw-away cluster: its migrations,
// its schema against the SQLite one, exactly-once inserts, and the counter
// triggers, which must leave the same counts as SQLite's after any sequence of
// writes. No PostgreSQL installed → this fails (never skips) and says how.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eq, sql, type SQL } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDb, type OpenedDb } from '../../server/db/open.ts';
import { closePg, openPg, PG_MIGRATIONS_DIR, type OpenedPg } from '../../server/db/pg/open.ts';
import * as pgSchema from '../../server/db/pg/schema.generated.ts';
import * as sqliteSchema from '../../server/db/schema/index.ts';
import { sqliteTables } from '../../tools/pg-schema/generate.ts';
import type { PgTable } from 'drizzle-orm/pg-core';
import { findPgBin, startPgCluster, type PgCluster } from '../support/pg-cluster.ts';
import { counterOps, type Op } from './pg-engine-ops.ts';

let cluster: PgCluster;
beforeAll(async () => {
  cluster = await startPgCluster();
}, 60_000);
afterAll(async () => {
  await cluster?.stop();
});

const sqliteDirs: string[] = [];
function freshSqlite(): OpenedDb {
  const dir = mkdtempSync(join(tmpdir(), 'hvs-pg-twin-'));
  sqliteDirs.push(dir);
  return openDb(dir);
}
afterAll(() => {
  for (const dir of sqliteDirs) rmSync(dir, { recursive: true, force: true });
});

/** Columns only PostgreSQL has: SQLite's rowid, spelled out (server/stats/sql.ts rowOrder). */
const PG_ONLY_COLUMNS = new Set(['events.seq', 'guide_events.seq']);

/** What a migration run could change: tables, columns, indexes, constraints, triggers, functions, and the migration log. */
async function fingerprint(pg: OpenedPg): Promise<string> {
  const q = async (text: string) => JSON.stringify((await pg.pool.query(text)).rows);
  return [
    await q(`SELECT table_name, column_name, data_type, is_nullable, column_default FROM information_schema.columns WHERE table_schema = 'public' ORDER BY 1, 2`),
    await q(`SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1`),
    await q(`SELECT conname, pg_get_constraintdef(oid) FROM pg_constraint WHERE connamespace = 'public'::regnamespace ORDER BY 1`),
    await q(`SELECT tgname, pg_get_triggerdef(oid) FROM pg_trigger WHERE NOT tgisinternal ORDER BY 1`),
    await q(`SELECT proname, md5(prosrc) FROM pg_proc WHERE pronamespace = 'public'::regnamespace ORDER BY 1`),
    await q(`SELECT hash, created_at FROM drizzle.__drizzle_migrations ORDER BY id`),
  ].join('\n');
}

describe('PostgreSQL engine', () => {
  it('says how to install PostgreSQL when its binaries are missing', () => {
    const empty = mkdtempSync(join(tmpdir(), 'hvs-no-pg-'));
    sqliteDirs.push(empty);
    expect(() => findPgBin(join(empty, 'postgresql'), empty)).toThrow('apt-get install -y postgresql');
    expect(findPgBin()).toMatch(/bin$/);
  });

  it('migrates an empty database, and a second run changes nothing', async () => {
    const url = await cluster.createDatabase('migrate_twice');
    const first = await openPg(url);
    const before = await fingerprint(first);
    const journal = JSON.parse(readFileSync(join(PG_MIGRATIONS_DIR, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
    const applied = await first.pool.query('SELECT count(*) AS n FROM drizzle.__drizzle_migrations');
    expect(applied.rows[0].n).toBe(journal.entries.length);
    await closePg(first);

    const second = await openPg(url);
    expect(await fingerprint(second)).toBe(before);
    await closePg(second);
  });

  it('has every SQLite table, column, index, trigger and seeded row, with compatible types', async () => {
    const lite = freshSqlite();
    const pg = await openPg(await cluster.createDatabase('schema_twin'));
    try {
      const tables = lite.sqlite
        .prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '__drizzle_migrations' ORDER BY name`)
        .pluck()
        .all() as string[];
      expect(tables.length).toBeGreaterThan(50);
      const pgColumns = (await pg.pool.query(`SELECT table_name, column_name, data_type, is_nullable FROM information_schema.columns WHERE table_schema = 'public'`)).rows as {
        table_name: string;
        column_name: string;
        data_type: string;
        is_nullable: string;
      }[];
      const pgPk = new Set(
        (
          await pg.pool.query(
            `SELECT tc.table_name || '.' || k.column_name AS c FROM information_schema.table_constraints tc JOIN information_schema.key_column_usage k USING (constraint_schema, constraint_name) WHERE tc.constraint_type = 'PRIMARY KEY' AND tc.table_schema = 'public'`,
          )
        ).rows.map((r) => r.c as string),
      );
      const compatible: Record<string, string[]> = { INTEGER: ['bigint', 'boolean'], TEXT: ['text'], REAL: ['double precision'], BLOB: ['bytea'] };
      const missing: string[] = [];
      for (const table of tables) {
        const columns = lite.sqlite.prepare(`PRAGMA table_info(${table})`).all() as { name: string; type: string; notnull: number; pk: number }[];
        for (const column of columns) {
          const twin = pgColumns.find((c) => c.table_name === table && c.column_name === column.name);
          const where = `${table}.${column.name}`;
          if (!twin) {
            missing.push(where);
            continue;
          }
          expect(compatible[column.type.toUpperCase()], where).toContain(twin.data_type);
          // SQLite's rowid key is not null without saying so.
          expect(twin.is_nullable === 'NO', where).toBe(column.notnull === 1 || column.pk > 0);
          expect(pgPk.has(where), where).toBe(column.pk > 0);
        }
        // PostgreSQL alone numbers the record tables' insertion order (SQLite's rowid; migration 0010).
        const pgCount = pgColumns.filter((c) => c.table_name === table && !PG_ONLY_COLUMNS.has(`${table}.${c.column_name}`)).length;
        expect(pgCount, table).toBe(columns.length);
      }
      expect(missing).toEqual([]);
      const pgTables = new Set(pgColumns.map((c) => c.table_name));
      expect([...pgTables].sort()).toEqual(tables);

      const liteIndexes = lite.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_autoindex_%' ORDER BY name`).pluck().all();
      const pgIndexes = new Set((await pg.pool.query(`SELECT indexname FROM pg_indexes WHERE schemaname = 'public'`)).rows.map((r) => r.indexname));
      expect(liteIndexes.filter((name) => !pgIndexes.has(name))).toEqual([]);

      const liteTriggers = lite.sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name`).pluck().all();
      const pgTriggers = (await pg.pool.query(`SELECT tgname FROM pg_trigger WHERE NOT tgisinternal ORDER BY tgname`)).rows.map((r) => r.tgname);
      // 11 of the record tables' own, 23 that count changes to what the city's view keeps (figure_changes).
      expect(liteTriggers).toHaveLength(34);
      // PostgreSQL alone numbers a key the SQLite-dialect insert gives as NULL (migration 0008), on every numbered key.
      const fillsIdentity = (name: string) => name.endsWith('_identity_from_null');
      expect(pgTriggers.filter((name) => !fillsIdentity(name))).toEqual(liteTriggers);
      const identities = (await pg.pool.query(`SELECT table_name FROM information_schema.columns WHERE table_schema = 'public' AND is_identity = 'YES' AND column_name = 'id' ORDER BY 1`)).rows.map((r) => r.table_name);
      expect(identities.length).toBeGreaterThan(0);
      expect(pgTriggers.filter(fillsIdentity).sort()).toEqual(identities.map((t) => `${t}_identity_from_null`).sort());

      // A new database holds the same rows on both engines (the sample ward, its groups, units and plan).
      let seeded = 0;
      for (const [name, table] of sqliteTables(sqliteSchema)) {
        const twin = (pgSchema as Record<string, unknown>)[name] as PgTable;
        const sorted = (rows: unknown[]) => rows.map((row) => JSON.stringify(row)).sort();
        const liteRows = sorted(lite.db.select().from(table).all());
        seeded += liteRows.length;
        expect(sorted(await pg.db.select().from(twin)), name).toEqual(liteRows);
      }
      expect(seeded).toBeGreaterThan(0);
    } finally {
      lite.sqlite.close();
      await closePg(pg);
    }
  });

  it('keeps one event when the same one is sent twice, and says the second insert added nothing', async () => {
    const pg = await openPg(await cluster.createDatabase('events_once'));
    try {
      const { events, learners } = pgSchema;
      await pg.db.insert(learners).values({ id: 'learner-1', secretHash: 'h', createdAt: 1_750_000_000_000 });
      const event = {
        id: 'event-1',
        type: 'lesson.completed',
        learnerId: 'learner-1',
        deviceId: 'device-1',
        courseId: 'course',
        lessonId: 'lesson',
        occurredAt: 1_750_000_000_000,
        receivedAt: 1_750_000_001_000,
        effectiveAt: 1_750_000_000_000,
        payload: '{}',
        score: 3,
      };
      const first = await pg.db.insert(events).values(event).onConflictDoNothing();
      const again = await pg.db.insert(events).values({ ...event, payload: '{"changed":true}' }).onConflictDoNothing();
      expect(first.rowCount).toBe(1);
      expect(again.rowCount).toBe(0);
      const rows = await pg.db.select().from(events).where(eq(events.learnerId, 'learner-1'));
      // Same values and JS types as the SQLite engine returns: ms times as numbers.
      expect(rows).toEqual([event]);
      const [{ n }] = await pg.db.select({ n: sql<number>`count(*)` }).from(events);
      const [{ total }] = await pg.db.select({ total: sql<number>`sum(${events.score})` }).from(events);
      expect(n).toBe(1);
      expect(total).toBe(3);
    } finally {
      await closePg(pg);
    }
  });

  it('counts active spans right when two transactions add days of one learner at once', async () => {
    const pg = await openPg(await cluster.createDatabase('spans_concurrent'));
    const [first, second] = [await pg.pool.connect(), await pg.pool.connect()];
    try {
      await first.query('BEGIN');
      await first.query(`INSERT INTO stats_learner_days (learner_id, day) VALUES ('L', 20305)`);
      await second.query('BEGIN');
      // Waits for the first transaction (the per-learner lock), then sees its day.
      const secondInsert = second.query(`INSERT INTO stats_learner_days (learner_id, day) VALUES ('L', 20307)`);
      await new Promise((resolve) => setTimeout(resolve, 200));
      await first.query('COMMIT');
      await secondInsert;
      await second.query('COMMIT');
      const spans = await pg.pool.query('SELECT day, next_day, learners FROM stats_active_spans WHERE learners <> 0 ORDER BY day');
      expect(spans.rows).toEqual([
        { day: 20305, next_day: 20307, learners: 1 },
        { day: 20307, next_day: 2_147_483_647, learners: 1 },
      ]);
    } finally {
      first.release();
      second.release();
      await closePg(pg);
    }
  });

  const COUNTERS = ['stats_first_days', 'stats_first_course_days', 'stats_people', 'stats_course_days', 'stats_device_hours'] as const;
  const SOURCES = ['stats_learners', 'stats_learner_courses', 'stats_learner_days', 'devices'] as const;

  async function contents(read: (query: SQL) => Promise<Record<string, unknown>[]>, table: string, where = sql``): Promise<string[]> {
    const rows = await read(sql`SELECT * FROM ${sql.identifier(table)} ${where}`);
    return rows.map((row) => JSON.stringify(Object.keys(row).sort().map((k) => row[k]))).sort();
  }

  /** Active spans a learner's days imply (what the triggers must add up to), in contents()'s form [day, learners, next_day]. */
  function expectedSpans(lite: OpenedDb): string[] {
    const days = lite.sqlite.prepare('SELECT learner_id, day FROM stats_learner_days ORDER BY learner_id, day').all() as { learner_id: string; day: number }[];
    const spans = new Map<string, { day: number; next: number; learners: number }>();
    days.forEach((d, i) => {
      const next = days[i + 1]?.learner_id === d.learner_id ? days[i + 1]!.day : 2_147_483_647;
      const span = spans.get(`${d.day}-${next}`) ?? { day: d.day, next, learners: 0 };
      span.learners += 1;
      spans.set(`${d.day}-${next}`, span);
    });
    return [...spans.values()].map((s) => JSON.stringify([s.day, s.learners, s.next])).sort();
  }

  it.each([1, 2, 3])('counter tables match SQLite after a random sequence of writes (seed %i)', async (seed) => {
    const lite = freshSqlite();
    const pg = await openPg(await cluster.createDatabase(`counters_${seed}`));
    const readLite = async (query: SQL) => lite.db.all<Record<string, unknown>>(query);
    const readPg = async (query: SQL) => (await pg.db.execute<Record<string, unknown>>(query)).rows;
    const applied: Op[] = [];
    try {
      const ops = counterOps(seed, 300);
      for (const [i, op] of ops.entries()) {
        applied.push(op);
        const liteError = runOrError(() => lite.db.run(op.query));
        const pgError = await pg.db.execute(op.query).then(
          () => undefined,
          (error: Error) => error,
        );
        // Both engines refuse the same statements (none should fail).
        expect([op.label, liteError?.message, pgError?.message]).toEqual([op.label, undefined, undefined]);
        if ((i + 1) % 30 !== 0 && i !== ops.length - 1) continue;
        const at = `after op ${i + 1} (${applied.slice(-3).map((o) => o.label).join('; ')})`;
        for (const table of [...SOURCES, ...COUNTERS]) expect(await contents(readPg, table), `${table} ${at}`).toEqual(await contents(readLite, table));
        // Zero spans are bookkeeping left by SQLite's row-by-row order within
        // one statement (a reader sums them); compare the spans that count.
        const nonZero = sql`WHERE learners <> 0`;
        const liteSpans = await contents(readLite, 'stats_active_spans', nonZero);
        expect(await contents(readPg, 'stats_active_spans', nonZero), `stats_active_spans ${at}`).toEqual(liteSpans);
        expect(liteSpans, `stats_active_spans from the days ${at}`).toEqual(expectedSpans(lite));
      }
      // The sequence did reach every counter.
      for (const table of [...COUNTERS, 'stats_active_spans']) expect((await contents(readPg, table)).length, table).toBeGreaterThan(0);
    } finally {
      lite.sqlite.close();
      await closePg(pg);
    }
  }, 60_000);
});

function runOrError(run: () => unknown): Error | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    return error as Error;
  }
}
