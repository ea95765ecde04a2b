import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { SyncResult } from '../../shared/api.ts';
import { createGroupCommit } from './group-commit.ts';
import type { Ingest, IngestInput, ValidEvent } from './ingest.ts';

/** An ingest whose write stores the request's learner id and fails for learner "bad". */
function fakeIngest(sqlite: Database.Database) {
  sqlite.exec('CREATE TABLE written (learner TEXT NOT NULL)');
  const insert = sqlite.prepare('INSERT INTO written (learner) VALUES (?)');
  const writes: string[] = [];
  const ingest = Object.assign(() => [] as SyncResult[], {
    validate: (input: IngestInput) => ({ valid: [] as ValidEvent[], results: [{ id: input.learnerId, status: 'accepted' as const }] }),
    write: (input: IngestInput) => {
      writes.push(input.learnerId);
      insert.run(input.learnerId);
      if (input.learnerId === 'bad') throw new Error('constraint failed');
    },
  }) as unknown as Ingest;
  return { ingest, writes };
}

const input = (learnerId: string): IngestInput => ({ learnerId, deviceId: 'device-0001', events: [], receivedAt: 0 });

describe('group commit', () => {
  it('commits requests that arrive together in one transaction, each with its own results', async () => {
    const sqlite = new Database(':memory:');
    const { ingest, writes } = fakeIngest(sqlite);
    const submit = createGroupCommit(sqlite, ingest);
    const results = await Promise.all(['a', 'b', 'c'].map((l) => submit(input(l))));
    expect(results.map((r) => r[0].id)).toEqual(['a', 'b', 'c']);
    expect(writes).toEqual(['a', 'b', 'c']);
    expect(sqlite.prepare('SELECT learner FROM written ORDER BY rowid').pluck().all()).toEqual(['a', 'b', 'c']);
  });

  it('retries each request alone when the group fails, so one failure fails only its own request', async () => {
    const sqlite = new Database(':memory:');
    const { ingest, writes } = fakeIngest(sqlite);
    const submit = createGroupCommit(sqlite, ingest);
    const outcomes = await Promise.allSettled(['a', 'bad', 'c'].map((l) => submit(input(l))));
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    // The first attempt held all three (it stopped at "bad"), then each went alone.
    expect(writes).toEqual(['a', 'bad', 'a', 'bad', 'c']);
    // Nothing of the failed request, and nothing twice.
    expect(sqlite.prepare('SELECT learner FROM written ORDER BY rowid').pluck().all()).toEqual(['a', 'c']);
  });
});
