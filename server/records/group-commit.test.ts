import Database from 'better-sqlite3';
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { engineOfSqlite } from '../db/engine/sqlite.ts';
import type { Engine } from '../db/engine/engine.ts';
import { createGroupCommit } from './group-commit.ts';

/** Jobs that store a name each and fail for "bad". */
function jobs(sqlite: Database.Database) {
  sqlite.exec('CREATE TABLE written (name TEXT NOT NULL)');
  const writes: string[] = [];
  const committed: string[] = [];
  const job = (name: string) => ({
    size: 1,
    async write(tx: Engine) {
      writes.push(name);
      await tx.run(sql`INSERT INTO written (name) VALUES (${name})`);
      if (name === 'bad') throw new Error('constraint failed');
    },
    afterCommit: () => void committed.push(name),
  });
  return { job, writes, committed };
}

const written = (sqlite: Database.Database) => sqlite.prepare('SELECT name FROM written ORDER BY rowid').pluck().all();

describe('group commit', () => {
  it('commits requests that arrive together in one transaction, each settled after the commit', async () => {
    const sqlite = new Database(':memory:');
    const { job, writes, committed } = jobs(sqlite);
    const submit = createGroupCommit(engineOfSqlite(sqlite));
    await Promise.all(['a', 'b', 'c'].map((l) => submit(job(l))));
    expect(writes).toEqual(['a', 'b', 'c']);
    expect(committed).toEqual(['a', 'b', 'c']);
    expect(written(sqlite)).toEqual(['a', 'b', 'c']);
  });

  it('retries each request alone when the group fails, so one failure fails only its own request', async () => {
    const sqlite = new Database(':memory:');
    const { job, writes, committed } = jobs(sqlite);
    const submit = createGroupCommit(engineOfSqlite(sqlite));
    const outcomes = await Promise.allSettled(['a', 'bad', 'c'].map((l) => submit(job(l))));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    // The first attempt held all three (it stopped at "bad"), then each went alone.
    expect(writes).toEqual(['a', 'bad', 'a', 'bad', 'c']);
    // Nothing of the failed request, and nothing twice; after-commit work only for what committed.
    expect(written(sqlite)).toEqual(['a', 'c']);
    expect(committed).toEqual(['a', 'c']);
  });

  it('keeps a group under its size limit and writes the rest in the next group', async () => {
    const sqlite = new Database(':memory:');
    const submit = createGroupCommit(engineOfSqlite(sqlite));
    const groups: number[] = [];
    let inGroup = 0;
    const big = (n: number) => ({ size: n, write: async () => void (inGroup += n), afterCommit: () => void (inGroup && groups.push(inGroup), (inGroup = 0)) });
    await Promise.all([submit(big(1500)), submit(big(400)), submit(big(400))]);
    expect(groups).toEqual([1900, 400]);
  });
});
