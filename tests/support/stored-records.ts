// How many records of a learner a running server stored, read beside it
// (never through its API): from a SQLite file, or from a PostgreSQL schema.
import Database from 'better-sqlite3';
import pg from 'pg';

export type StoreAt = { sqliteFile: string } | { databaseUrl: string; schema?: string };

export async function storedRecordsOf(at: StoreAt, learnerId: string): Promise<number> {
  if ('sqliteFile' in at) {
    const db = new Database(at.sqliteFile, { readonly: true });
    try {
      return (db.prepare('SELECT count(*) AS n FROM events WHERE learner_id = ?').get(learnerId) as { n: number }).n;
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: at.databaseUrl });
  await client.connect();
  try {
    const table = at.schema ? `"${at.schema}".events` : 'events';
    return Number((await client.query(`SELECT count(*) AS n FROM ${table} WHERE learner_id = $1`, [learnerId])).rows[0].n);
  } finally {
    await client.end();
  }
}
