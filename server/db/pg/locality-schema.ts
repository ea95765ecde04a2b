// A locality's own schema in a city's PostgreSQL database. Each ward, commune
// or special zone keeps its tables in a schema of its own, made by the same
// migrations as the default one: the code reaches its data through an engine
// bound to that schema (engine/postgres.ts), so no query can read or write
// another locality's rows, and nothing above the engine names a locality.
// (Citus distributes exactly this shape: each schema becomes one colocated
// unit on one node, `citus_schema_distribute`; see docs/scaling.md.)
import { readMigrationFiles } from 'drizzle-orm/migrator';
import type pg from 'pg';
import { quotedName } from '../engine/postgres.ts';
import { PG_MIGRATIONS_DIR } from './open.ts';

/** A locality's schema name: a fixed prefix and its slug (lower-case letters, digits and dashes). */
export function localitySchema(slug: string): string {
  if (!/^[a-z0-9](?:[a-z0-9-]{0,46}[a-z0-9])?$/.test(slug)) throw new Error(`not a locality slug: "${slug}"`);
  return `loc_${slug.replace(/-/g, '_')}`;
}

/** Held while a schema migrates, so processes starting together migrate it once. */
const SCHEMA_MIGRATION_LOCK = 1_936_024_950;

/** The generated migrations name the default schema in foreign keys; a locality's names its own. */
const inSchema = (statement: string, schema: string) => statement.replaceAll('"public".', `${quotedName(schema)}.`);

/**
 * Creates `schema` if needed and applies the migrations it has not had, each
 * in one transaction with the schema as search_path; a journal in the schema
 * itself says which were applied. Returns how many were applied now.
 */
export async function migrateLocalitySchema(pool: pg.Pool, schema: string): Promise<number> {
  const migrations = readMigrationFiles({ migrationsFolder: PG_MIGRATIONS_DIR });
  const client = await pool.connect();
  const name = quotedName(schema);
  let applied = 0;
  try {
    await client.query('SELECT pg_advisory_lock($1, hashtext($2))', [SCHEMA_MIGRATION_LOCK, schema]);
    try {
      await client.query(`CREATE SCHEMA IF NOT EXISTS ${name}`);
      await client.query(`CREATE TABLE IF NOT EXISTS ${name}."__migrations" (id serial PRIMARY KEY, hash text NOT NULL, created_at bigint NOT NULL)`);
      const { rows } = await client.query<{ last: string | null }>(`SELECT max(created_at) AS last FROM ${name}."__migrations"`);
      const last = rows[0]?.last === null || rows[0]?.last === undefined ? -1 : Number(rows[0].last);
      for (const migration of migrations) {
        if (migration.folderMillis <= last) continue;
        await client.query('BEGIN');
        try {
          await client.query(`SET LOCAL search_path TO ${name}`);
          for (const statement of migration.sql) if (statement.trim()) await client.query(inSchema(statement, schema));
          await client.query(`INSERT INTO ${name}."__migrations" (hash, created_at) VALUES ($1, $2)`, [migration.hash, migration.folderMillis]);
          await client.query('COMMIT');
          applied++;
        } catch (error) {
          await client.query('ROLLBACK');
          throw error;
        }
      }
    } finally {
      await client.query('SELECT pg_advisory_unlock($1, hashtext($2))', [SCHEMA_MIGRATION_LOCK, schema]);
    }
  } finally {
    client.release();
  }
  return applied;
}
