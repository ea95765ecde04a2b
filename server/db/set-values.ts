// Values for the SET of an update or an upsert. Both forms are spelled the
// same in SQLite and PostgreSQL.
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

/** The row an upsert proposed (`excluded.<column>`), for onConflictDoUpdate's `set` and `setWhere`. */
export const excluded = (column: AnyColumn): SQL => sql`excluded.${sql.identifier(column.name)}`;

/** A named placeholder per column for a prepared update's `set` (which takes SQL, not bare placeholders). */
export function setPlaceholders<T extends Record<string, unknown>>(columns: readonly (keyof T & string)[]): { [K in keyof T]: SQL } {
  return Object.fromEntries(columns.map((c) => [c, sql`${sql.placeholder(c)}`])) as { [K in keyof T]: SQL };
}

