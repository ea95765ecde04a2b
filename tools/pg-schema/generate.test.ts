// The PostgreSQL schema is a generated twin of the SQLite one: it must be up
// to date, and every table, column, key and index must have its counterpart
// with the same names and JS types (the query code will use either).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getTableColumns, type Column } from 'drizzle-orm';
import { getTableConfig as pgConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig as sqliteConfig, sqliteTable, integer, text, real, blob, index } from 'drizzle-orm/sqlite-core';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as pgSchema from '../../server/db/pg/schema.generated.ts';
import * as sqliteSchema from '../../server/db/schema/index.ts';
import { PROJECT_ROOT } from '../../server/paths.ts';
import { GENERATED_PATH, generatePgSchema, sqliteTables } from './generate.ts';

// Compile-time: every table's row and insert types are the same on both engines.
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
type Sqlite = typeof sqliteSchema;
type Pg = typeof pgSchema;
type TableKeys = { [K in keyof Sqlite]: Sqlite[K] extends { $inferSelect: unknown } ? K : never }[keyof Sqlite];
type Differs = {
  [K in TableKeys as K extends keyof Pg
    ? Same<Sqlite[K]['$inferSelect'], Pg[K]['$inferSelect']> extends true
      ? Same<Sqlite[K]['$inferInsert'], Pg[K]['$inferInsert']> extends true
        ? never
        : K
      : K
    : K]: true;
};
const noTableDiffers: [keyof Differs] extends [never] ? true : keyof Differs = true;

const PG_TYPE: Record<string, string> = { SQLiteInteger: 'bigint', SQLiteBoolean: 'boolean', SQLiteText: 'text', SQLiteReal: 'double precision', SQLiteBlobBuffer: 'bytea' };

const colNames = (columns: Column[]) => columns.map((c) => c.name);

describe('generated PostgreSQL schema', () => {
  it('is up to date with the SQLite schema (else run npm run db:pg-schema)', () => {
    expect(noTableDiffers).toBe(true);
    const committed = readFileSync(join(PROJECT_ROOT, GENERATED_PATH), 'utf8');
    const fresh = generatePgSchema(sqliteSchema);
    expect(fresh === committed, `${GENERATED_PATH} is stale: run npm run db:pg-schema, then npm run db:pg-generate`).toBe(true);
  });

  it('has a twin of every SQLite table, column, key, index and foreign key', () => {
    const tables = sqliteTables(sqliteSchema);
    expect(tables.length).toBeGreaterThan(50);
    for (const [name, table] of tables) {
      const twin = (pgSchema as Record<string, unknown>)[name];
      expect(twin, `${name} missing`).toBeInstanceOf(PgTable);
      const s = sqliteConfig(table);
      const p = pgConfig(twin as PgTable);
      expect(p.name).toBe(s.name);
      expect(Object.keys(getTableColumns(twin as PgTable))).toEqual(Object.keys(getTableColumns(table)));
      for (const column of s.columns) {
        const other = p.columns.find((c) => c.name === column.name);
        const where = `${s.name}.${column.name}`;
        expect(other, where).toBeDefined();
        expect(other!.getSQLType(), where).toBe(PG_TYPE[column.columnType]);
        expect(other!.notNull, where).toBe(column.notNull);
        expect(other!.primary, where).toBe(column.primary);
        expect(other!.hasDefault || other!.generatedIdentity !== undefined, where).toBe(column.hasDefault || (column.primary && column.columnType === 'SQLiteInteger'));
        expect(other!.isUnique, where).toBe(column.isUnique);
        expect(other!.enumValues ?? [], where).toEqual(column.enumValues ?? []);
      }
      expect(p.primaryKeys.map((k) => colNames(k.columns))).toEqual(s.primaryKeys.map((k) => colNames(k.columns)));
      const indexes = (list: { config: { name: string; unique: boolean; columns: unknown[] } }[]) =>
        list.map((i) => [i.config.name, i.config.unique, colNames(i.config.columns as Column[])]).sort();
      expect(indexes(p.indexes as never), s.name).toEqual(indexes(s.indexes as never));
      const fks = (list: { reference(): { columns: Column[]; foreignColumns: Column[] }; onDelete?: string }[]) =>
        list
          .map((fk) => {
            const r = fk.reference();
            const target = r.foreignColumns[0]!.table;
            return [colNames(r.columns), (target as unknown as Record<symbol, string>)[Symbol.for('drizzle:Name')], colNames(r.foreignColumns), fk.onDelete ?? 'no action'];
          })
          .sort();
      expect(fks(p.foreignKeys), s.name).toEqual(fks(s.foreignKeys));
    }
  });

  it('follows the type rule and refuses what it cannot translate', () => {
    const sample = sqliteTable(
      'sample',
      {
        id: integer('id').primaryKey({ autoIncrement: true }),
        flag: integer('flag', { mode: 'boolean' }).notNull().default(sql`1`),
        ratio: real('ratio'),
        photo: blob('photo', { mode: 'buffer' }),
        kind: text('kind', { enum: ['a', 'b'] }).notNull().default('a'),
      },
      (t) => [index('sample_kind_idx').on(t.kind, t.ratio)],
    );
    const source = generatePgSchema({ sample });
    expect(source).toContain(`id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),`);
    expect(source).toContain(`flag: boolean('flag').notNull().default(true),`);
    expect(source).toContain(`ratio: doublePrecision('ratio'),`);
    expect(source).toContain(`photo: bytea('photo'),`);
    expect(source).toContain(`kind: text('kind', { enum: ['a', 'b'] }).notNull().default('a'),`);
    expect(source).toContain(`index('sample_kind_idx').on(t.kind, t.ratio)`);
    expect(source).toContain(`import { bytea } from './bytea.ts';`);

    const partial = sqliteTable('partial', { day: integer('day') }, (t) => [index('partial_idx').on(t.day).where(sql`day > 0`)]);
    expect(() => generatePgSchema({ partial })).toThrow(/partial index partial_idx/);
    const computed = sqliteTable('computed', { at: integer('at').$defaultFn(() => Date.now()) });
    expect(() => generatePgSchema({ computed })).toThrow(/JS default functions/);
    const long = sqliteTable('t', { x: integer('x') }, (t) => [index('a'.repeat(64)).on(t.x)]);
    expect(() => generatePgSchema({ long })).toThrow(/longer than PostgreSQL's 63/);
  });
});
