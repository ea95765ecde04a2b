import { sql } from 'drizzle-orm';
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { answerClientErrors, createApiServer } from '../../server/http/client-error.ts';
import { completion, everyRowOf, registerLearner, setupTestApp, type TestApp } from './helpers.ts';
import { CATALOG, completeCourse, consentGiven, deletionRequested, profileUpdated, syncEvents } from './resident-support.ts';

let t: TestApp;
beforeEach(() => {
  t = setupTestApp({ catalog: CATALOG });
});
afterEach(() => t.close());

/** Every row of every table, as text, so nothing can hide in a table the test does not know about. */
async function everyRow(): Promise<{ table: string; text: string }[]> {
  return (await everyRowOf(t.engine)).map(({ table, row }) => ({ table, text: JSON.stringify(row) }));
}

async function richLearner() {
  const learner = await registerLearner(t);
  await syncEvents(t, learner.auth, [consentGiven(learner.id), profileUpdated(learner.id, { displayName: 'Nguyễn Thị Hoa', unit: 'Phòng Tư pháp' }), ...completeCourse(learner.id, 'public-services')]);
  await t.postJson('/api/v1/certificates', { courseId: 'public-services' }, learner.auth);
  await t.postJson('/api/v1/recovery-codes', {}, learner.auth);
  return learner;
}

async function expectErased(learner: { id: string; secret: string }) {
  const leftovers = (await everyRow()).filter((r) => r.text.includes(learner.id) || r.text.includes('Nguyễn Thị Hoa') || r.text.includes('Phòng Tư pháp'));
  expect(leftovers).toEqual([]);
}

describe('deleting a learner', () => {
  it('DELETE /api/v1/me erases every row naming the learner and keeps an anonymous count', async () => {
    const keep = await registerLearner(t);
    await syncEvents(t, keep.auth, [completion(keep.id)]);
    const learner = await richLearner();
    expect((await everyRow()).some((r) => r.text.includes(learner.id))).toBe(true);

    const res = await t.request('/api/v1/me', { method: 'DELETE', headers: learner.auth });
    expect(res.status).toBe(204);
    await expectErased(learner);
    expect(await t.engine.all(sql`SELECT day, completions FROM erasure_tally`)).toEqual([{ day: '2025-06-01', completions: 3 }]);
    // Others are untouched; the erased learner's credentials open nothing.
    expect(await t.engine.get(sql`SELECT COUNT(*) AS n FROM events WHERE learner_id = ${keep.id}`)).toEqual({ n: 1 });
    expect((await t.request('/api/v1/me', { headers: learner.auth })).status).toBe(401);
  });

  it('a queued learner.deletion-requested event erases the same way when it finally syncs', async () => {
    const learner = await richLearner();
    const results = await syncEvents(t, learner.auth, [completion(learner.id, { lessonId: 'phishing' }), deletionRequested(learner.id)]);
    expect(results.map((r) => r.status)).toEqual(['accepted', 'accepted']);
    await expectErased(learner);
  });

  it('a deletion request stored before a crash is carried out at the next start', async () => {
    const learner = await richLearner();
    // As if the process stopped between the commit and the erasure.
    const event = deletionRequested(learner.id);
    await t.engine.run(sql`INSERT INTO events (id, type, learner_id, device_id, occurred_at, received_at, effective_at, payload) VALUES (${event.id}, ${event.type}, ${learner.id}, ${event.deviceId}, 0, 0, 0, ${JSON.stringify(event)})`);
    const app = t.appOnSameDatabase({ catalog: CATALOG });
    // Carried out before the new process answers anything (any request waits for it).
    await app.request('/api/v1/me/progress');
    await expectErased(learner);
  });
});

describe('DELETE /api/v1/me with a body over the limit, through a real HTTP server', () => {
  /** Sends 1.5 MB after the headers, framed as chunked or not framed at all; returns the first answer the client reads. */
  async function deleteWithBody(auth: Record<string, string>, framing: 'chunked' | 'none') {
    const server = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0, createServer: createApiServer });
    answerClientErrors(server);
    await new Promise<void>((r) => (server.listening ? r() : server.once('listening', () => r())));
    const { port } = server.address() as AddressInfo;
    try {
      return await new Promise<{ status: number; connection: string }>((resolve) => {
        const headers = { ...auth, 'content-type': 'application/json', ...(framing === 'chunked' ? { 'transfer-encoding': 'chunked' } : {}) };
        const req = httpRequest({ host: '127.0.0.1', port, method: 'DELETE', path: '/api/v1/me', headers, agent: false });
        req.on('response', (res) => res.resume().on('end', () => resolve({ status: res.statusCode ?? 0, connection: String(res.headers.connection) })));
        req.on('error', () => resolve({ status: 0, connection: '' }));
        const pad = Buffer.alloc(64 * 1024, 0x61);
        let sent = 0;
        const pump = () => {
          while (sent < 1_500_000) {
            sent += pad.length;
            if (!req.write(pad)) return void req.once('drain', pump);
          }
          req.end();
        };
        pump();
      });
    } finally {
      (server as Server).closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  }

  it('chunked: 413 with Connection: close, and the learner is not erased', async () => {
    const learner = await richLearner();
    const before = (await everyRow()).length;
    expect(await deleteWithBody(learner.auth, 'chunked')).toEqual({ status: 413, connection: 'close' });
    expect((await everyRow()).length).toBe(before);
  });

  it('unframed (the bytes are a second, broken request): the client first reads the answer of what was done, never a 400 for an erasure', async () => {
    const learner = await richLearner();
    const answer = await deleteWithBody(learner.auth, 'none');
    expect(answer.status).toBe(204);
    expect(await t.count('learners')).toBe(0);
  });
});
