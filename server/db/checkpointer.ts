// Background WAL checkpoints. With synchronous=FULL, SQLite's automatic
// checkpoint runs inside the commit that crosses its threshold, so every few
// dozen sync batches one request paid for copying the WAL into the database
// file and fsyncing it (130–360 ms measured, against ~5 ms for a batch). Here
// a worker thread with its own connection runs PASSIVE checkpoints on a timer:
// they never block the writer or readers, and the request path only appends
// to the WAL. Durability is unchanged: each commit still fsyncs the WAL.
// SQLite-only by nature (WAL pragmas on the raw connection); another engine
// needs nothing here.
import { Worker } from 'node:worker_threads';
import { createRequire } from 'node:module';
import type { Sqlite } from './open.ts';

// Plain CommonJS so the worker needs no TypeScript loader.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.path);
db.pragma('busy_timeout = 5000');
const run = () => { try { db.pragma('wal_checkpoint(PASSIVE)'); } catch { /* retried on the next tick */ } };
const timer = setInterval(run, workerData.intervalMs);
parentPort.on('message', () => { clearInterval(timer); run(); db.close(); parentPort.close(); });
`;

export interface Checkpointer {
  stop(): Promise<void>;
}

/** Turns off the in-commit autocheckpoint of `sqlite` and checkpoints from a worker instead. */
export function startCheckpointer(sqlite: Sqlite, path: string, intervalMs = 1_000): Checkpointer {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { path, driver, intervalMs } });
  worker.unref();
  sqlite.pragma('wal_autocheckpoint = 0');
  let failed = false;
  worker.on('error', () => {
    // Never let the WAL grow without bound: fall back to SQLite's own checkpoints.
    failed = true;
    sqlite.pragma('wal_autocheckpoint = 1000');
  });
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (failed) return resolve();
        worker.ref(); // keep the process alive until the last checkpoint is done
        worker.once('exit', () => resolve());
        worker.postMessage('stop');
      }),
  };
}
