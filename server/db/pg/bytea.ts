// PostgreSQL bytea as a Node Buffer, the value type better-sqlite3 gives for a
// SQLite blob, so code reading either engine sees the same thing.
import { customType } from 'drizzle-orm/pg-core';

export const bytea = customType<{ data: Buffer; driverData: Buffer }>({
  dataType: () => 'bytea',
});
