// Group commit for every family's sync requests. Every commit is made
// durable before the answer (SQLite: synchronous=FULL, see db/open.ts;
// PostgreSQL: synchronous_commit on), and that flush, not the inserts, is
// most of a request's cost on a slow disk. Requests that arrive while the
// server is busy are queued and written together in one transaction on the
// next turn of the event loop: one flush for the group instead of one per
// request, whatever family each request belongs to. Each request keeps its
// own results, and its promise settles only after the commit that holds its
// records. If a group's transaction fails, each of its requests is retried in
// a transaction of its own, so one request's failure never fails another's.
// Groups are per process: on PostgreSQL, several server processes each group
// their own requests, and the database orders their transactions.
import type { Engine } from '../db/engine/engine.ts';

/** A group stops growing here, so one transaction stays short. */
const MAX_GROUP_RECORDS = 2_000;

/** One request's write: run inside a transaction the group commit holds. */
export interface WriteJob {
  /** Records in the request: what the group's size limit counts. */
  size: number;
  /** Writes the request's records through `tx` (throwing rolls back the whole transaction). Must be safe to run again after a rollback. */
  write(tx: Engine): Promise<void>;
  /** Runs after the commit that holds the job's records, before the promise resolves. */
  afterCommit?(): void | Promise<void>;
}

interface Pending {
  job: WriteJob;
  resolve(): void;
  reject(error: unknown): void;
}

export function createGroupCommit(engine: Engine) {
  let queue: Pending[] = [];
  let scheduled = false;

  const settle = async (p: Pending) => {
    try {
      await p.job.afterCommit?.();
      p.resolve();
    } catch (error) {
      p.reject(error);
    }
  };

  async function flush() {
    scheduled = false;
    let records = 0;
    let take = 0;
    while (take < queue.length && (take === 0 || records + queue[take].job.size <= MAX_GROUP_RECORDS)) records += queue[take++].job.size;
    const group = queue.slice(0, take);
    queue = queue.slice(take);
    if (queue.length > 0) schedule();
    try {
      await engine.transaction(async (tx) => {
        for (const p of group) await p.job.write(tx);
      });
    } catch {
      for (const p of group) {
        try {
          await engine.transaction((tx) => p.job.write(tx));
        } catch (error) {
          p.reject(error);
          continue;
        }
        await settle(p);
      }
      return;
    }
    for (const p of group) await settle(p);
  }

  function schedule() {
    if (scheduled) return;
    scheduled = true;
    setImmediate(() => void flush());
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
