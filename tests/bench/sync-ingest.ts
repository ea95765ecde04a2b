// Sync ingest throughput: events per second through POST /api/v1/sync over
// HTTP on loopback (batches of 100, 8 concurrent clients, full validation and
// auth), against the ceiling of raw better-sqlite3 inserts of the same rows in
// transactions of 100 on the same machine in the same run. Prints the ratio.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createApp } from '../../server/app.ts';
import { openDb } from '../../server/db/open.ts';
import { newSecret, uuidv7 } from '../../shared/ids.ts';
import type { LessonCompletedEvent } from '../../shared/events.ts';

const CLIENTS = 8;
const BATCH = 100;

function makeEvents(learnerId: string, deviceId: string, n: number): LessonCompletedEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    id: uuidv7(),
    type: 'lesson.completed',
    learnerId,
    deviceId,
    occurredAt: new Date(Date.now() - i * 1000).toISOString(),
    courseId: 'public-services',
    lessonId: `lesson-${i % 6}`,
    contentVersion: 'abc123',
    score: 75,
    durationSec: 300,
  }));
}

export async function benchSyncIngest(eventsPerClient: number) {
  const dir = mkdtempSync(join(tmpdir(), 'hvs-bench-'));
  const { db, sqlite } = openDb(dir);
  const app = createApp({ db, sqlite });
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;

  const clients = await Promise.all(
    Array.from({ length: CLIENTS }, async (_, c) => {
      const id = uuidv7();
      const secret = newSecret();
      const res = await fetch(`${url}/api/v1/learners`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id, secret }) });
      if (res.status !== 201) throw new Error(`register: ${res.status}`);
      return { auth: `Bearer ${id}.${secret}`, deviceId: `bench-device-${c}`, events: makeEvents(id, `bench-device-${c}`, eventsPerClient) };
    }),
  );

  const started = performance.now();
  await Promise.all(
    clients.map(async (client) => {
      for (let i = 0; i < client.events.length; i += BATCH) {
        const res = await fetch(`${url}/api/v1/sync`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: client.auth },
          body: JSON.stringify({ deviceId: client.deviceId, events: client.events.slice(i, i + BATCH) }),
        });
        const body = (await res.json()) as { results: { status: string }[] };
        if (!body.results.every((r) => r.status === 'accepted')) throw new Error('not all accepted');
      }
    }),
  );
  const httpSeconds = (performance.now() - started) / 1000;
  const total = CLIENTS * eventsPerClient;
  const stored = (sqlite.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
  server.close();
  sqlite.close();

  // The ceiling: the same rows, same columns, straight into a fresh database.
  const rawDir = mkdtempSync(join(tmpdir(), 'hvs-bench-raw-'));
  const raw = openDb(rawDir).sqlite;
  const insert = raw.prepare(
    `INSERT INTO events (id, type, learner_id, device_id, course_id, lesson_id, occurred_at, received_at, effective_at, payload, score)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const all = clients.flatMap((c) => c.events);
  const addLearner = raw.prepare('INSERT INTO learners (id, secret_hash, created_at) VALUES (?, ?, ?)');
  for (const c of clients) addLearner.run(c.events[0].learnerId, 'x', Date.now());
  const insertBatch = raw.transaction((batch: LessonCompletedEvent[]) => {
    const now = Date.now();
    for (const e of batch) {
      const t = Date.parse(e.occurredAt);
      insert.run(e.id, e.type, e.learnerId, e.deviceId, e.courseId, e.lessonId, t, now, t, JSON.stringify(e), e.score);
    }
  });
  const rawStarted = performance.now();
  for (let i = 0; i < all.length; i += BATCH) insertBatch(all.slice(i, i + BATCH));
  const rawSeconds = (performance.now() - rawStarted) / 1000;
  raw.close();
  rmSync(dir, { recursive: true, force: true });
  rmSync(rawDir, { recursive: true, force: true });

  const httpRate = total / httpSeconds;
  const rawRate = total / rawSeconds;
  return { total, stored, httpRate, rawRate, ratio: httpRate / rawRate };
}
