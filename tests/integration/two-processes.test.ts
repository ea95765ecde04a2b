// Two real server processes (the bundle `npm start` runs) on one PostgreSQL
// database, behind a reverse proxy that hands requests to them in turn
// (tests/support/round-robin-proxy.ts), as a city runs them. Whichever
// process answers: a staff login holds and a logout ends it everywhere; the
// login guard stops guessing at its limit for both together; a resent
// completion is stored once; a learner's request limit counts requests to
// both; and both show the same figures. With counts kept per process, each
// process would see only half the guesses and requests, and let twice the
// limit through.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSecret, uuidv7 } from '../../shared/ids.ts';
import { startPgCluster, type PgCluster } from '../support/pg-cluster.ts';
import { startRoundRobinProxy, UPSTREAM_HEADER, type RoundRobinProxy } from '../support/round-robin-proxy.ts';
import { adminPasswordFrom, freePort, startServer, type RunningServer } from '../support/server-process.ts';

let cluster: PgCluster;
let databaseUrl: string;
let processes: RunningServer[] = [];
let proxy: RoundRobinProxy;
let adminSession: string;
const filesDir = mkdtempSync(join(tmpdir(), 'hvs-two-files-'));

beforeAll(async () => {
  cluster = await startPgCluster();
  databaseUrl = await cluster.createDatabase('two_processes');
  const proxyPort = await freePort();
  // What every process of one city shares: the database, the public origin, the file store, the spot-check key.
  const env = { DATABASE_URL: databaseUrl, PUBLIC_ORIGIN: `http://127.0.0.1:${proxyPort}`, TRUST_PROXY: 'true', FILES_DIR: filesDir, SPOT_CHECK_KEY: randomBytes(32).toString('hex') };
  // One after the other: the first migrates the database and makes the first admin.
  processes.push(await startServer({ bundled: true, env, healthyWithinMs: 120_000 }));
  processes.push(await startServer({ bundled: true, env, healthyWithinMs: 120_000 }));
  proxy = await startRoundRobinProxy(
    processes.map((p) => p.url),
    proxyPort,
  );
  adminSession = await login('admin', adminPasswordFrom(processes[0]!.output())).then(sessionOf);
}, 400_000);
afterAll(async () => {
  await proxy?.close();
  await Promise.all(processes.map((p) => p.stop()));
  await cluster?.stop();
  rmSync(filesDir, { recursive: true, force: true });
}, 60_000);

const json = { 'content-type': 'application/json' };
const through = (path: string, init: RequestInit = {}) => fetch(`${proxy.url}${path}`, init);
const upstreamOf = (res: Response) => Number(res.headers.get(UPSTREAM_HEADER));
const sessionOf = (res: Response) => (res.headers.get('set-cookie') ?? '').split(';')[0]!;
const login = (username: string, password: string) =>
  through('/api/v1/auth/login', { method: 'POST', headers: { ...json, origin: proxy.url }, body: JSON.stringify({ username, password }) });

async function staffAccount(username: string): Promise<string> {
  const res = await through('/api/v1/staff', { method: 'POST', headers: { ...json, origin: proxy.url, cookie: adminSession }, body: JSON.stringify({ username, role: 'reviewer', displayName: username }) });
  expect(res.status).toBe(201);
  return ((await res.json()) as { password: string }).password;
}

async function newLearner(): Promise<{ id: string; auth: Record<string, string> }> {
  const learner = { id: uuidv7(), secret: newSecret() };
  expect((await through('/api/v1/learners', { method: 'POST', headers: json, body: JSON.stringify(learner) })).status).toBe(201);
  return { id: learner.id, auth: { ...json, authorization: `Bearer ${learner.id}.${learner.secret}` } };
}

const completion = (learnerId: string, lessonId = 'passwords-two-step') => ({
  id: uuidv7(), type: 'lesson.completed', learnerId, deviceId: 'device-two-procs', occurredAt: new Date(Date.now() - 60_000).toISOString(), courseId: 'cyber-safety', lessonId, contentVersion: 'v1', score: 80, durationSec: 300,
});

async function sync(learner: { auth: Record<string, string> }, events: unknown[]): Promise<{ upstream: number; statuses: string[] }> {
  const res = await through('/api/v1/sync', { method: 'POST', headers: learner.auth, body: JSON.stringify({ deviceId: 'device-two-procs', events }) });
  expect(res.status).toBe(200);
  return { upstream: upstreamOf(res), statuses: ((await res.json()) as { results: Array<{ status: string }> }).results.map((r) => r.status) };
}

async function storedRecords(id: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return Number((await client.query('SELECT count(*) AS n FROM events WHERE id = $1', [id])).rows[0].n);
  } finally {
    await client.end();
  }
}

describe('two server processes on one PostgreSQL database behind a round-robin proxy', () => {
  it('keeps a staff login valid whichever process answers, and a logout ends it in both', async () => {
    const password = await staffAccount('lan');
    const loggedIn = await login('lan', password);
    expect(loggedIn.status).toBe(200);
    const session = sessionOf(loggedIn);
    const answered = new Set<number>();
    for (let i = 0; i < 4; i++) {
      const me = await through('/api/v1/auth/me', { headers: { cookie: session } });
      expect(me.status).toBe(200);
      expect(((await me.json()) as { user: { username: string } }).user.username).toBe('lan');
      answered.add(upstreamOf(me));
    }
    expect([...answered].sort()).toEqual([0, 1]);

    const logout = await through('/api/v1/auth/logout', { method: 'POST', headers: { ...json, origin: proxy.url, cookie: session }, body: '{}' });
    expect(logout.status).toBeLessThan(300);
    for (const p of processes) expect((await fetch(`${p.url}/api/v1/auth/me`, { headers: { cookie: session } })).status).toBe(401);
  }, 60_000);

  it('stops password guessing at the limit counted over both processes, the right password included', async () => {
    const password = await staffAccount('minh');
    const answers: Array<[number, number]> = [];
    // The guard locks an account from one address after ten failures (DEFAULT_LOGIN_LIMITS.perAccountAddress).
    for (let i = 0; i < 12; i++) {
      const res = await login('minh', `wrong guess ${i}`);
      answers.push([upstreamOf(res), res.status]);
    }
    expect(answers.slice(0, 10).map(([, status]) => status)).toEqual(Array(10).fill(401));
    // Five guesses reached each process: a count per process would still be at five of ten.
    expect(answers.slice(0, 10).filter(([upstream]) => upstream === 0)).toHaveLength(5);
    expect(answers.slice(10).map(([, status]) => status)).toEqual([429, 429]);
    expect(answers.slice(10).map(([upstream]) => upstream).sort()).toEqual([0, 1]);
    const right = await login('minh', password);
    expect(right.status).toBe(429);
    expect(Number(right.headers.get('retry-after'))).toBeGreaterThan(0);
  }, 300_000);

  it('stores a completion resent to both processes at once as one row, answering one "accepted" and one "duplicate"', async () => {
    const learner = await newLearner();
    const record = completion(learner.id);
    const [first, second] = await Promise.all([sync(learner, [record]), sync(learner, [record])]);
    expect([first.upstream, second.upstream].sort()).toEqual([0, 1]);
    expect([...first.statuses, ...second.statuses].sort()).toEqual(['accepted', 'duplicate']);
    expect(await storedRecords(record.id)).toBe(1);
    // A later resend, to either process: a duplicate.
    for (let i = 0; i < 2; i++) expect((await sync(learner, [record])).statuses).toEqual(['duplicate']);
    expect(await storedRecords(record.id)).toBe(1);
  }, 60_000);

  it("counts a learner's requests to both processes against one limit", async () => {
    const learner = await newLearner();
    const statuses: Array<[number, number]> = [];
    // 20 new recovery codes per learner in 15 minutes (DEFAULT_REQUEST_LIMITS.recoveryCodesPerLearner).
    for (let i = 0; i < 22; i++) {
      const res = await through('/api/v1/recovery-codes', { method: 'POST', headers: learner.auth, body: '{}' });
      statuses.push([upstreamOf(res), res.status]);
      if (res.status === 429) expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    expect(statuses.slice(0, 20).map(([, status]) => status)).toEqual(Array(20).fill(201));
    // Ten requests reached each process: within a limit of twenty for either alone.
    expect(statuses.slice(0, 20).filter(([upstream]) => upstream === 1)).toHaveLength(10);
    expect(statuses.slice(20).map(([, status]) => status)).toEqual([429, 429]);
    expect(new Set(statuses.slice(20).map(([upstream]) => upstream)).size).toBe(2);
  }, 60_000);

  it('shows the same figures on both processes after syncs that reached either', async () => {
    const before = await summaryOf(processes[0]!);
    const learners = await Promise.all(Array.from({ length: 6 }, () => newLearner()));
    const sent = new Set<number>();
    for (const [i, learner] of learners.entries()) {
      const events = [completion(learner.id), completion(learner.id, i % 2 ? 'fake-police-calls' : 'passwords-two-step')];
      const { upstream, statuses } = await sync(learner, events);
      expect(statuses).toEqual(['accepted', 'accepted']);
      sent.add(upstream);
    }
    expect([...sent].sort()).toEqual([0, 1]);
    const [one, two] = await Promise.all(processes.map(summaryOf));
    expect(one.completions).toBe(before.completions + 12);
    expect(two).toEqual(one);
    const [dashOne, dashTwo] = await Promise.all(processes.map(dashboardOf));
    expect(dashTwo).toEqual(dashOne);
    expect(JSON.stringify(dashOne)).toContain('cyber-safety');
  }, 60_000);
});

async function summaryOf(p: RunningServer): Promise<{ completions: number; learners: number; perLesson: unknown[] }> {
  const res = await fetch(`${p.url}/api/v1/stats/summary`, { headers: { cookie: adminSession } });
  expect(res.status).toBe(200);
  return (await res.json()) as { completions: number; learners: number; perLesson: unknown[] };
}

/** The whole dashboard but the moment it was made. */
async function dashboardOf(p: RunningServer): Promise<unknown> {
  const res = await fetch(`${p.url}/api/v1/stats/dashboard`, { headers: { cookie: adminSession } });
  expect(res.status).toBe(200);
  const body = (await res.json()) as { meta: { generatedAt?: string } };
  delete body.meta.generatedAt;
  return body;
}

describe('two processes started together on a new database', () => {
  it('both start, and one of them makes the first admin', async () => {
    const url = await cluster.createDatabase('started_together');
    const env = { DATABASE_URL: url, SPOT_CHECK_KEY: randomBytes(32).toString('hex'), FILES_DIR: filesDir };
    const started = await Promise.allSettled([0, 1].map(() => startServer({ bundled: true, env, healthyWithinMs: 120_000 })));
    const running = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
    try {
      expect(started.map((s) => (s.status === 'rejected' ? String(s.reason).slice(0, 600) : 'started'))).toEqual(['started', 'started']);
      expect(running.filter((p) => p.output().includes('Admin account created'))).toHaveLength(1);
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        expect((await client.query("SELECT username FROM users WHERE role = 'admin'")).rows).toEqual([{ username: 'admin' }]);
      } finally {
        await client.end();
      }
    } finally {
      await Promise.all(running.map((p) => p.stop()));
    }
  }, 300_000);
});
