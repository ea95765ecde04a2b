import { defineConfig } from 'drizzle-kit';

// The PostgreSQL engine (a city deployment). Its schema is generated from the
// SQLite one (npm run db:pg-schema); this makes its migrations.
export default defineConfig({
  dialect: 'postgresql',
  schema: './server/db/pg/schema.generated.ts',
  out: './server/db/pg/migrations',
});
