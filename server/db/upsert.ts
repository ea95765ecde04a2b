// The row an upsert proposed (`excluded.<column>`), for onConflictDoUpdate's
// `set` and `setWhere`. SQLite and PostgreSQL both spell it this way.
import { sql, type AnyColumn, type SQL } from 'drizzle-orm';

export const excluded = (column: AnyColumn): SQL => sql`excluded.${sql.identifier(column.name)}`;
