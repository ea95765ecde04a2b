// Named placeholders for prepared drizzle statements: values are bound by
// name and typed by the table (`typeof table.$inferInsert`), never by position.
import { sql } from 'drizzle-orm';

export type Placeholder = ReturnType<typeof sql.placeholder>;

/** One placeholder per column, each named after its column: `insert(t).values(placeholders<Row>([...]))`. */
export function placeholders<T extends Record<string, unknown>>(columns: readonly (keyof T & string)[]): { [K in keyof T]: Placeholder } {
  return Object.fromEntries(columns.map((c) => [c, sql.placeholder(c)])) as { [K in keyof T]: Placeholder };
}
