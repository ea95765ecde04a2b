// SQL pieces the stats queries share. The queries themselves are drizzle
// (query builder, or its `sql` template with column references and named
// placeholders); what the engines spell differently is in `dialectOf(kind)`
// below, one spelling per engine of those few names.
import { sql, type AnyColumn, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { EngineKind } from '../db/engine/engine.ts';

type Operand = SQLWrapper | AnyColumn;

/** What differs between the engines, spelled for one of them. */
export interface Dialect {
  /** The smaller / larger of two values (SQLite's two-argument min, max; PostgreSQL's least, greatest). */
  least(a: Operand, b: Operand): SQL;
  greatest(a: Operand, b: Operand): SQL;
  /**
   * Insertion order of an append-only record table (events, guide_events):
   * the catch-up cursor and the tie-breaker of a replay. SQLite's rowid;
   * PostgreSQL has none, so its migration 0010 adds an identity column `seq`.
   */
  rowOrder(table: SQLiteTable): SQL<number>;
  /** A top-level field of a JSON text column, as text. */
  jsonText(column: AnyColumn, key: string): SQL<string>;
}

const sqliteDialect: Dialect = {
  least: (a, b) => sql`min(${a}, ${b})`,
  greatest: (a, b) => sql`max(${a}, ${b})`,
  rowOrder: (table) => sql<number>`${table}.rowid`,
  jsonText: (column, key) => sql<string>`json_extract(${column}, ${`$.${key}`})`,
};

const postgresDialect: Dialect = {
  least: (a, b) => sql`least(${a}, ${b})`,
  greatest: (a, b) => sql`greatest(${a}, ${b})`,
  rowOrder: (table) => sql<number>`${table}.${sql.identifier('seq')}`,
  jsonText: (column, key) => sql<string>`(${column}::json ->> ${key})`,
};

/** The spelling for an engine (`dialectOf(engine.kind)`). */
export const dialectOf = (kind: EngineKind): Dialect => (kind === 'postgres' ? postgresDialect : sqliteDialect);

/** The value an upsert tried to insert into `column` (`excluded.x`). */
export const excluded = (column: AnyColumn): SQL => sql`excluded.${sql.identifier(column.name)}`;

/** A sum that is 0, not null, over no rows. */
export const total = (value: Operand) => sql<number>`coalesce(sum(${value}), 0)`;

/** A plain sum (over grouped rows, never empty). */
export const sumOf = (value: Operand) => sql<number>`sum(${value})`;

/** `value` where `condition` holds, else 0: counts part of a range in one pass. */
export const onlyIf = (condition: SQL, value: Operand | number) => sql`case when ${condition} then ${value} else 0 end`;
