// Clients that drop mid-upload (a phone losing signal, or anyone on purpose)
// are the client's doing: never an error with a stack in the server's log,
// so nobody can flood the operator's error log by hanging up.
import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { afterEach, describe, expect, it } from 'vitest';
import { answerClientErrors, createApiServer } from '../../server/http/client-error.ts';
import { createLogger } from '../../server/logger.ts';
import { DEVICE_ID, registerLearner, setupTestApp, type TestApp } from './helpers.ts';

let t: TestApp;
afterEach(() => t.close());

/** Sends the headers and half the body, then hangs up. */
function dropMidUpload(port: number, path: string, headers: Record<string, string>, framing: 'length' | 'chunked'): Promise<void> {
  return new Promise((resolve) => {
    const body = JSON.stringify({ deviceId: DEVICE_ID, events: [] }).padEnd(4000, ' ');
    const frame = framing === 'length' ? { 'content-length': String(body.length) } : { 'transfer-encoding': 'chunked' };
    const req = httpRequest({ host: '127.0.0.1', port, method: 'POST', path, agent: false, headers: { ...headers, 'content-type': 'application/json', ...frame } });
    req.on('error', () => undefined);
    req.write(body.slice(0, 1000));
    setTimeout(() => {
      req.destroy();
      setTimeout(resolve, 100);
    }, 50);
  });
}

describe('a client that drops mid-upload', () => {
  it('is not logged as an error, with no stack, on any body-reading route; the server keeps answering', async () => {
    const lines: string[] = [];
    t = setupTestApp({ logger: createLogger('debug', (line) => lines.push(line)) });
    const learner = await registerLearner(t);
    const server = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0, createServer: createApiServer });
    answerClientErrors(server);
    await new Promise<void>((r) => (server.listening ? r() : server.once('listening', () => r())));
    const { port } = server.address() as AddressInfo;
    try {
      const targets: Array<[string, Record<string, string>]> = [['/api/v1/sync', learner.auth], ['/api/v1/learners', {}], ['/api/v1/recovery', {}]];
      for (let i = 0; i < 30; i++) {
        const [path, headers] = targets[i % targets.length];
        await dropMidUpload(port, path, headers, i % 2 === 0 ? 'length' : 'chunked');
      }
      const entries = lines.map((l) => JSON.parse(l) as { level: string; msg: string; stack?: string });
      expect(entries.filter((e) => e.level === 'error' || e.level === 'warn')).toEqual([]);
      expect(lines.join('\n')).not.toMatch(/stack|at .*\.(ts|js):\d+/);
      expect((await fetch(`http://127.0.0.1:${port}/api/v1/health`)).status).toBe(200);
    } finally {
      (server as Server).closeAllConnections();
      await new Promise((r) => server.close(r));
    }
  }, 60_000);
});
