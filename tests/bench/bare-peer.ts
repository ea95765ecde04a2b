// A reference for the sync bench, not a product: the bare floor of "HTTP on
// loopback + better-sqlite3" on this machine in this run. A Hono endpoint
// with no validation, no auth, no rollups and one transaction per request
// inserts the same rows as the raw ceiling. How far our server is from this
// floor is the cost of what it does per event; how far this floor is from
// the raw ceiling is the cost of HTTP and of the clients sharing the machine.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Hono } from 'hono';
import { serve } from '@hono/node-server';
import { openDb } from '../../server/db/open.ts';
import type { LearningEvent } from '../../shared/events.ts';
import { drive, type BenchPhone } from './sync-ingest.ts';

export async function benchBarePeer(clients: BenchPhone[][]): Promise<{ seconds: number; stored: number }> {
  const dir = mkdtempSync(join(tmpdir(), 'hvs-bench-bare-'));
  const { sqlite } = openDb(dir);
  const addLearner = sqlite.prepare('INSERT INTO learners (id, secret_hash, created_at) VALUES (?, ?, ?)');
  for (const phone of clients.flat()) addLearner.run(phone.learnerId, 'x', Date.now());
  const insert = sqlite.prepare(
    `INSERT INTO events (id, type, learner_id, device_id, course_id, lesson_id, occurred_at, received_at, effective_at, payload, score)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
  );
  const write = sqlite.transaction((events: LearningEvent[]) => {
    const now = Date.now();
    return events.map((e) => {
      const t = Date.parse(e.occurredAt);
      const lesson = 'lessonId' in e ? e : undefined;
      const { changes } = insert.run(e.id, e.type, e.learnerId, e.deviceId, lesson?.courseId ?? null, lesson?.lessonId ?? null, t, now, Math.min(t, now), JSON.stringify(e), e.type === 'lesson.completed' ? e.score : null);
      return { id: e.id, status: changes === 1 ? 'accepted' : 'duplicate' };
    });
  });
  const app = new Hono().post('/sync', async (c) => c.json({ results: write(((await c.req.json()) as { events: LearningEvent[] }).events) }));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  await new Promise((r) => server.once('listening', r));
  const url = `http://127.0.0.1:${(server.address() as { port: number }).port}/sync`;
  try {
    const seconds = await drive(clients, async (phone, events) => {
      const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ deviceId: phone.deviceId, events }) });
      await res.json();
    });
    const stored = (sqlite.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
    return { seconds, stored };
  } finally {
    server.close();
    sqlite.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
