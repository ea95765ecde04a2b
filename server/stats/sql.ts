// SQL pieces the stats queries share. The queries themselves are drizzle
// (query builder, or its `sql` template with column references and named
// placeholders); what only SQLite understands is spelled in `dialect` below,
// so a second engine adds its own spelling of those few names.
import { sql, type AnyColumn, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';

type Operand = SQLWrapper | AnyColumn;

/** SQLite's spelling of what differs between engines. */
export const dialect = {
  /** The smaller / larger of two values (PostgreSQL: least, greatest). */
  least: (a: Operand, b: Operand) => sql`min(${a}, ${b})`,
  greatest: (a: Operand, b: Operand) => sql`max(${a}, ${b})`,
  /** Insertion order of an append-only table: the tie-breaker of a replay. */
  rowOrder: (table: SQLiteTable) => sql<number>`${table}.rowid`,
  /** A top-level field of a JSON text column, as text. */
  jsonText: (column: AnyColumn, key: string) => sql<string>`json_extract(${column}, ${`$.${key}`})`,
};

/** The value an upsert tried to insert into `column` (`excluded.x`). */
export const excluded = (column: AnyColumn): SQL => sql`excluded.${sql.identifier(column.name)}`;

/** A sum that is 0, not null, over no rows. */
export const total = (value: Operand) => sql<number>`coalesce(sum(${value}), 0)`;

/** A plain sum (over grouped rows, never empty). */
export const sumOf = (value: Operand) => sql<number>`sum(${value})`;

/** `value` where `condition` holds, else 0: counts part of a range in one pass. */
export const onlyIf = (condition: SQL, value: Operand | number) => sql`case when ${condition} then ${value} else 0 end`;
