// Group commit for sync requests. Every commit fsyncs the WAL
// (synchronous=FULL, see db/open.ts), and the fsync, not the inserts, is most
// of a request's cost on a slow disk. Requests that arrive while the server is
// busy are queued and written together in one transaction on the next turn of
// the event loop: one fsync for the group instead of one per request. Each
// request keeps its own results, and its response is still sent only after
// the commit that holds its events. If a group's transaction fails, each of
// its requests is retried in a transaction of its own, so one request's
// failure never fails another's.
import type { SyncResult } from '../../shared/api.ts';
import type { Sqlite } from '../db/open.ts';
import type { Ingest, IngestInput, ValidEvent } from './ingest.ts';

/** A group stops growing here, so one turn of the event loop stays short. */
const MAX_GROUP_EVENTS = 2_000;

interface Pending {
  input: IngestInput;
  valid: ValidEvent[];
  results: SyncResult[];
  resolve(results: SyncResult[]): void;
  reject(error: unknown): void;
}

export function createGroupCommit(sqlite: Sqlite, ingest: Ingest) {
  let queue: Pending[] = [];
  let scheduled = false;
  const writeAll = sqlite.transaction((group: Pending[]) => {
    for (const p of group) ingest.write(p.input, p.valid, p.results);
  });
  const writeOne = sqlite.transaction((p: Pending) => ingest.write(p.input, p.valid, p.results));

  function flush() {
    scheduled = false;
    let events = 0;
    let take = 0;
    while (take < queue.length && (take === 0 || events + queue[take].valid.length <= MAX_GROUP_EVENTS)) events += queue[take++].valid.length;
    const group = queue.slice(0, take);
    queue = queue.slice(take);
    if (queue.length > 0) schedule();
    try {
      writeAll(group);
      for (const p of group) p.resolve(p.results);
    } catch {
      for (const p of group) {
        try {
          writeOne(p);
          p.resolve(p.results);
        } catch (error) {
          p.reject(error);
        }
      }
    }
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  }

  /** Validates the request now and resolves with its results once they are committed. */
  return function ingestGrouped(input: IngestInput): Promise<SyncResult[]> {
    const { valid, results } = ingest.validate(input);
    return new Promise((resolve, reject) => {
      queue.push({ input, valid, results, resolve, reject });
      schedule();
    });
  };
}
