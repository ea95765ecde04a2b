// Group commit for every family's sync requests. Every commit fsyncs the WAL
// (synchronous=FULL, see db/open.ts), and the fsync, not the inserts, is most
// of a request's cost on a slow disk. Requests that arrive while the server is
// busy are queued and written together in one transaction on the next turn of
// the event loop: one fsync for the group instead of one per request, whatever
// family each request belongs to. Each request keeps its own results, and its
// promise settles only after the commit that holds its records. If a group's
// transaction fails, each of its requests is retried in a transaction of its
// own, so one request's failure never fails another's.
import type { Sqlite } from '../db/open.ts';

/** A group stops growing here, so one turn of the event loop stays short. */
const MAX_GROUP_RECORDS = 2_000;

/** One request's write: run inside a transaction the group commit holds. */
export interface WriteJob {
  /** Records in the request: what the group's size limit counts. */
  size: number;
  /** Writes the request's records (throwing rolls back the whole transaction). Must be safe to run again after a rollback. */
  write(): void;
  /** Runs after the commit that holds the job's records, before the promise resolves. */
  afterCommit?(): void;
}

interface Pending {
  job: WriteJob;
  resolve(): void;
  reject(error: unknown): void;
}

export function createGroupCommit(sqlite: Sqlite) {
  let queue: Pending[] = [];
  let scheduled = false;
  const writeAll = sqlite.transaction((group: Pending[]) => {
    for (const p of group) p.job.write();
  });
  const writeOne = sqlite.transaction((p: Pending) => p.job.write());

  const settle = (p: Pending) => {
    try {
      p.job.afterCommit?.();
      p.resolve();
    } catch (error) {
      p.reject(error);
    }
  };

  function flush() {
    scheduled = false;
    let records = 0;
    let take = 0;
    while (take < queue.length && (take === 0 || records + queue[take].job.size <= MAX_GROUP_RECORDS)) records += queue[take++].job.size;
    const group = queue.slice(0, take);
    queue = queue.slice(take);
    if (queue.length > 0) schedule();
    try {
      writeAll(group);
    } catch {
      for (const p of group) {
        try {
          writeOne(p);
        } catch (error) {
          p.reject(error);
          continue;
        }
        settle(p);
      }
      return;
    }
    group.forEach(settle);
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(flush);
  }

  /** Queues a request's write; resolves once it is committed. */
  return function submit(job: WriteJob): Promise<void> {
    return new Promise((resolve, reject) => {
      queue.push({ job, resolve, reject });
      schedule();
    });
  };
}

export type GroupCommit = ReturnType<typeof createGroupCommit>;
