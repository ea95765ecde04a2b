// Sync ingest throughput: events per second through POST /api/v1/sync over
// HTTP on loopback (batches of 100, 8 concurrent clients, full validation,
// auth and rollup maintenance), against the ceiling of raw better-sqlite3
// inserts of the same rows (same ids, same columns, same schema and indexes)
// in transactions of 100, and against a PouchDB peer (express-pouchdb,
// `_bulk_docs` of the same events), all on this machine in this run; and, as
// a reference, a bare endpoint with none of our work (bare-peer.ts).
// Each client is a stream of phones: it sends one learner's outbox (from
// ward-events.ts) batch by batch, then the next learner's.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../../server/app.ts';
import { openDb } from '../../server/db/open.ts';
import { startCheckpointer } from '../../server/db/checkpointer.ts';
import { newSecret, uuidv7 } from '../../shared/ids.ts';
import type { LearningEvent } from '../../shared/events.ts';
import { BENCH_CATALOG } from './dashboard.ts';
import { benchBarePeer } from './bare-peer.ts';
import { benchPouchPeer } from './pouchdb-peer.ts';
import { BATCH, batchesOf, learnerEvents } from './ward-events.ts';

export const CLIENTS = 8;
/** Two batches per learner: a whole first pass through the catalog, then practice. */
const EVENTS_PER_LEARNER = 200;

export interface BenchPhone {
  learnerId: string;
  secret: string;
  deviceId: string;
  batches: LearningEvent[][];
}

/** CLIENTS lists of phones, about eventsPerClient events each. */
export function makePhones(eventsPerClient: number): BenchPhone[][] {
  const perClient = Math.max(1, Math.round(eventsPerClient / EVENTS_PER_LEARNER));
  return Array.from({ length: CLIENTS }, (_, c) =>
    Array.from({ length: perClient }, (_, k) => {
      const learnerId = uuidv7();
      const deviceId = `bench-phone-${c}-${k}`;
      const events = learnerEvents(learnerId, deviceId, EVENTS_PER_LEARNER, 20 + ((c * 7 + k) % 60), c + k);
      return { learnerId, secret: newSecret(), deviceId, batches: batchesOf(events, BATCH) };
    }),
  );
}

/** Runs `send` for every batch: CLIENTS concurrent streams, each one batch at a time. */
export async function drive(clients: BenchPhone[][], send: (phone: BenchPhone, batch: LearningEvent[]) => Promise<void>): Promise<number> {
  const started = performance.now();
  await Promise.all(
    clients.map(async (phones) => {
      for (const phone of phones) for (const batch of phone.batches) await send(phone, batch);
    }),
  );
  return (performance.now() - started) / 1000;
}

export async function benchServer(clients: BenchPhone[][]) {
  const dir = mkdtempSync(join(tmpdir(), 'hvs-bench-'));
  const { db, sqlite, path } = openDb(dir);
  // As in server/main.ts: WAL checkpoints in a worker, off the request path.
  const checkpointer = startCheckpointer(sqlite, path);
  // The bench's 200 phones all register from this one loopback address; in a
  // ward they are 200 phones. Left at its default, the registrations-per-address
  // rule would hold every learner, and the bench would time the hold path
  // instead of the counted one (rollups) a ward's phones take.
  const app = createApp({ db, sqlite, catalog: BENCH_CATALOG, config: { plausibility: { maxRegistrationsPerAddress: 1_000_000 } } });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  try {
    for (const phone of clients.flat()) {
      const res = await fetch(`${url}/api/v1/learners`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: phone.learnerId, secret: phone.secret }) });
      if (res.status !== 201) throw new Error(`register: ${res.status}`);
    }
    const seconds = await drive(clients, async (phone, events) => {
      const res = await fetch(`${url}/api/v1/sync`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${phone.learnerId}.${phone.secret}` },
        body: JSON.stringify({ deviceId: phone.deviceId, events }),
      });
      const body = (await res.json()) as { results: { status: string }[] };
      if (!body.results.every((r) => r.status === 'accepted')) throw new Error(`not all accepted: ${JSON.stringify(body).slice(0, 300)}`);
    });
    // The rollups of what the timer has not caught up yet are applied by the next request that is not a sync: timed apart.
    const settleStarted = performance.now();
    await fetch(`${url}/api/v1/stats/settle`);
    const settleSeconds = (performance.now() - settleStarted) / 1000;
    const stored = (sqlite.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
    const completedCourses = (sqlite.prepare('SELECT COUNT(*) AS n FROM stats_learner_courses WHERE completed_day IS NOT NULL').get() as { n: number }).n;
    return { seconds, stored, completedCourses, settleSeconds };
  } finally {
    server.close();
    await checkpointer.stop();
    sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The ceiling: the same rows, same columns, straight into a fresh database of
 * the same schema. `synchronous` FULL is how the server runs (each commit
 * waits for the disk); NORMAL is measured only as a reference, to show what
 * this machine's fsync costs.
 */
function benchRaw(clients: BenchPhone[][], synchronous: 'FULL' | 'NORMAL' = 'FULL') {
  const dir = mkdtempSync(join(tmpdir(), 'hvs-bench-raw-'));
  const raw = openDb(dir).sqlite;
  raw.pragma(`synchronous = ${synchronous}`);
  try {
    const insert = raw.prepare(
      `INSERT INTO events (id, type, learner_id, device_id, course_id, lesson_id, occurred_at, received_at, effective_at, payload, score)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    const addLearner = raw.prepare('INSERT INTO learners (id, secret_hash, created_at) VALUES (?, ?, ?)');
    for (const phone of clients.flat()) addLearner.run(phone.learnerId, 'x', Date.now());
    const insertBatch = raw.transaction((batch: LearningEvent[]) => {
      const now = Date.now();
      for (const e of batch) {
        const t = Date.parse(e.occurredAt);
        const lesson = 'lessonId' in e ? e : undefined;
        insert.run(e.id, e.type, e.learnerId, e.deviceId, lesson?.courseId ?? null, lesson?.lessonId ?? null, t, now, Math.min(t, now), JSON.stringify(e), e.type === 'lesson.completed' ? e.score : null);
      }
    });
    // Batches in the order the clients interleave them on the server: round-robin.
    const queues = clients.map((phones) => phones.flatMap((p) => p.batches));
    const started = performance.now();
    for (let i = 0; queues.some((q) => i < q.length); i++) for (const q of queues) if (i < q.length) insertBatch(q[i]);
    return (performance.now() - started) / 1000;
  } finally {
    raw.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchSyncIngest(eventsPerClient: number, withPeer = true) {
  const clients = makePhones(eventsPerClient);
  const total = clients.flat().reduce((n, p) => n + p.batches.reduce((m, b) => m + b.length, 0), 0);
  // The ceiling is measured before and after our server and the faster run
  // kept: on a busy machine that errs against us, never for us.
  const rawBefore = benchRaw(clients);
  const ours = await benchServer(clients);
  const rawSeconds = Math.min(rawBefore, benchRaw(clients));
  const peer = withPeer ? await benchPouchPeer(clients) : undefined;
  const bare = withPeer ? await benchBarePeer(clients) : undefined;
  const rawNoFsync = withPeer ? benchRaw(clients, 'NORMAL') : undefined;
  const httpRate = total / ours.seconds;
  const rawRate = total / rawSeconds;
  const peerRate = peer ? total / peer.seconds : undefined;
  return {
    total,
    learners: clients.flat().length,
    stored: ours.stored,
    completedCourses: ours.completedCourses,
    settleMs: ours.settleSeconds * 1000,
    httpRate,
    rawRate,
    ratio: httpRate / rawRate,
    peerRate,
    peerStored: peer?.stored,
    peerRatio: peerRate ? httpRate / peerRate : undefined,
    bareRate: bare ? total / bare.seconds : undefined,
    rawNoFsyncRate: rawNoFsync ? total / rawNoFsync : undefined,
  };
}
