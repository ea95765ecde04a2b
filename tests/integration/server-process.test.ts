// The real server process, as an operator starts it: fresh DATA_DIR (and with
// TEST_ENGINE=postgres a fresh PostgreSQL database as DATABASE_URL), first
// run prints the admin password once, the API answers, SIGTERM stops it.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newStore, stopTestCluster } from '../support/server-database.ts';
import { MAX_BODY_BYTES } from '../../shared/api.ts';
import { runTsx, stop, waitForOutput } from './process.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'hvs-server-'));
let env: Record<string, string>;
const runs: Array<ReturnType<typeof runTsx>> = [];
// With TEST_ENGINE=postgres the server runs on a fresh database of a throw-away cluster (DATABASE_URL).
beforeAll(async () => {
  const { databaseUrl } = await newStore(dataDir);
  env = { DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', DIST_DIR: join(dataDir, 'no-build'), LOG_LEVEL: 'warn', ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) };
}, 60_000);
afterAll(async () => {
  for (const run of runs) stop(run.child);
  await Promise.all(runs.map((run) => run.exited));
  await stopTestCluster();
  rmSync(dataDir, { recursive: true, force: true });
}, 60_000);

/** POSTs a body in chunks (Transfer-Encoding: chunked, no Content-Length). */
function postChunked(port: number, path: string, totalBytes: number): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'POST', headers: { 'content-type': 'application/json' } }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode!, body }));
    });
    req.on('error', reject);
    const chunk = 'x'.repeat(64 * 1024);
    for (let sent = 0; sent < totalBytes; sent += chunk.length) req.write(chunk);
    req.end();
  });
}

describe('server process (tsx server/main.ts)', () => {
  it('starts, prints a working admin password once, serves the API and stops on SIGTERM', async () => {
    const first = runTsx('server/main.ts', [], env);
    runs.push(first);
    const [, port] = await waitForOutput(first, /is running at http:\/\/localhost:(\d+)/);
    const [, file] = first.output().stdout.match(/Admin account created: username admin; its password is in (\S+)/) ?? [];
    expect(file).toBe(join(dataDir, 'first-admin-password.txt'));
    expect((statSync(file).mode & 0o777).toString(8)).toBe('600');
    const [, password] = readFileSync(file, 'utf8').match(/^username: admin\npassword: (\S+)\n$/) ?? [];
    expect(password).toMatch(/^[a-z0-9]{4}(-[a-z0-9]{4}){3}$/);
    const base = `http://127.0.0.1:${port}`;

    const health = await fetch(`${base}/api/v1/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok', version: '0.1.0' });

    const login = await fetch(`${base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'admin', password }),
    });
    expect(login.status).toBe(200);
    const cookie = login.headers.get('set-cookie')!.split(';')[0];
    const me = await fetch(`${base}/api/v1/auth/me`, { headers: { cookie } });
    expect((await me.json()).user).toMatchObject({ username: 'admin', role: 'admin' });

    const chunked = await postChunked(Number(port), '/api/v1/learners', MAX_BODY_BYTES + 128 * 1024);
    expect(chunked.status).toBe(413);
    expect(JSON.parse(chunked.body).error.code).toBe('payload_too_large');

    stop(first.child);
    expect(await first.exited).toBe(0);
    // The password never reaches standard output or error (the service journal).
    expect(first.output().stdout + first.output().stderr).not.toContain(password);

    // Second start on the same data: the admin exists, nothing is printed.
    const second = runTsx('server/main.ts', [], env);
    runs.push(second);
    const [, port2] = await waitForOutput(second, /is running at http:\/\/localhost:(\d+)/);
    expect(second.output().stdout).not.toContain('Admin account created');
    const again = await fetch(`http://127.0.0.1:${port2}/api/v1/auth/me`, { headers: { cookie } });
    expect(again.status).toBe(200); // sessions survive a restart
    stop(second.child);
    expect(await second.exited).toBe(0);
  }, 60_000);

  it('exits with a clear message on a bad environment value', async () => {
    const run = runTsx('server/main.ts', [], { ...env, PORT: 'eighty' });
    expect(await run.exited).toBe(1);
    expect(run.output().stderr).toMatch(/Invalid configuration[\s\S]*PORT/);
  }, 30_000);
});
