// The rows the SQLite migrations put in a new database (the sample ward
// profile, its groups, units and plan), as PostgreSQL statements: what a
// new PostgreSQL database needs to start as a new SQLite one does.
// `npx tsx tools/pg-schema/seed-rows.ts <migration.sql>` writes them into a
// custom migration made by `npm run db:pg-generate -- --custom --name …`.
// It writes every seeded row: when a later SQLite migration seeds more, keep
// only the new statements in the new migration. The integration test
// (tests/integration/pg-engine.test.ts) fails while a new SQLite database
// and a new PostgreSQL one hold different rows.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getTableColumns, getTableName, is } from 'drizzle-orm';
import { drizzle } from 'drizzle-orm/node-postgres';
import { PgDialect, PgTable } from 'drizzle-orm/pg-core';
import { openDb } from '../../server/db/open.ts';
import * as pgSchema from '../../server/db/pg/schema.generated.ts';
import * as sqliteSchema from '../../server/db/schema/index.ts';
import { sqliteTables } from './generate.ts';

/** INSERT statements (inline values) for every row of a new SQLite database. */
export function seedRowStatements(): string[] {
  const dir = mkdtempSync(join(tmpdir(), 'hvs-seed-'));
  const { db, sqlite } = openDb(dir);
  try {
    const pg = drizzle.mock();
    const dialect = new PgDialect();
    const statements: string[] = [];
    for (const [name, table] of sqliteTables(sqliteSchema)) {
      const rows = db.select().from(table).all();
      if (!rows.length) continue;
      const twin = (pgSchema as Record<string, unknown>)[name];
      if (!is(twin, PgTable)) throw new Error(`${name} has no PostgreSQL twin`);
      const insert = pg.insert(twin).values(rows as never).getSQL().inlineParams();
      statements.push(`${dialect.sqlToQuery(insert).sql};`);
      // Explicit ids do not move an identity sequence: set it past them, as SQLite's next rowid is.
      const tableName = getTableName(twin);
      for (const column of Object.values(getTableColumns(twin))) {
        if (column.generatedIdentity) statements.push(`SELECT setval(pg_get_serial_sequence('"${tableName}"', '${column.name}'), max("${column.name}")) FROM "${tableName}";`);
      }
    }
    return statements;
  } finally {
    sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const out = process.argv[2];
  if (!out) throw new Error('usage: tsx tools/pg-schema/seed-rows.ts <migration.sql>');
  const head = '-- The rows the SQLite migrations put in a new database (tools/pg-schema/seed-rows.ts).\n';
  writeFileSync(out, head + seedRowStatements().join('\n--> statement-breakpoint\n') + '\n');
  console.log(`wrote ${out}`);
}
