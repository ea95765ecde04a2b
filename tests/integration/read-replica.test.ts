// DATABASE_READ_URL with a real streaming replica: the bundled server writes
// to the primary and reads its reports from the replica. Replay on the
// replica is paused while a completion syncs, so the figures can only have
// come from the replica if they miss it (the lag a staff member can see right
// after a sync), and show it once the replica has replayed the primary's WAL.
// Then the replica stops: the reports fall back to the primary, with a
// warning in the log, and syncing never depended on it.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSecret, uuidv7 } from '../../shared/ids.ts';
import { startPgCluster, type PgCluster, type PgReplica } from '../support/pg-cluster.ts';
import { startServer, type RunningServer } from '../support/server-process.ts';
import { adminCookie } from '../support/staff-api.ts';

let cluster: PgCluster;
let replica: PgReplica;
let server: RunningServer;
let primaryUrl: string;
let cookie: string;

beforeAll(async () => {
  cluster = await startPgCluster();
  replica = await cluster.startReplica();
  primaryUrl = await cluster.createDatabase('read_replica');
  server = await startServer({ bundled: true, healthyWithinMs: 120_000, env: { DATABASE_URL: primaryUrl, DATABASE_READ_URL: replica.urlOf(primaryUrl) } });
  cookie = await adminCookie(server);
}, 180_000);
afterAll(async () => {
  await server?.stop();
  await cluster?.stop();
}, 60_000);

/** One statement on the replica's copy of the server's database. */
async function onReplica(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: replica.urlOf(primaryUrl) });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

async function completionsShown(): Promise<number> {
  const res = await fetch(`${server.url}/api/v1/stats/summary`, { headers: { cookie } });
  expect(res.status).toBe(200);
  return ((await res.json()) as { completions: number }).completions;
}

async function syncOneCompletion(): Promise<void> {
  const learner = { id: uuidv7(), secret: newSecret() };
  const json = { 'content-type': 'application/json' };
  expect((await fetch(`${server.url}/api/v1/learners`, { method: 'POST', headers: json, body: JSON.stringify(learner) })).status).toBe(201);
  const record = { id: uuidv7(), type: 'lesson.completed', learnerId: learner.id, deviceId: 'device-replica-01', occurredAt: new Date(Date.now() - 60_000).toISOString(), courseId: 'cyber-safety', lessonId: 'passwords-two-step', contentVersion: 'v1', score: 80, durationSec: 300 };
  const res = await fetch(`${server.url}/api/v1/sync`, { method: 'POST', headers: { ...json, authorization: `Bearer ${learner.id}.${learner.secret}` }, body: JSON.stringify({ deviceId: 'device-replica-01', events: [record] }) });
  expect(res.status).toBe(200);
  expect(((await res.json()) as { results: Array<{ status: string }> }).results).toEqual([{ id: record.id, status: 'accepted' }]);
}

describe('reports read from a streaming replica (DATABASE_READ_URL)', () => {
  it('shows a synced completion once the replica has replayed it, and not before', async () => {
    await replica.caughtUp();
    expect(await completionsShown()).toBe(0);

    await onReplica('SELECT pg_wal_replay_pause()');
    await syncOneCompletion();
    // The request rolled the completion up on the primary before reading; the replica has not replayed it yet.
    expect(await completionsShown()).toBe(0);
    expect(await replica.lagBytes()).toBeGreaterThan(0);

    await onReplica('SELECT pg_wal_replay_resume()');
    await replica.caughtUp();
    expect(await completionsShown()).toBe(1);
    const dashboard = await fetch(`${server.url}/api/v1/stats/dashboard`, { headers: { cookie } });
    expect(dashboard.status).toBe(200);
    expect(server.output()).not.toContain('read replica unreachable');
  }, 60_000);

  it('falls back to the primary when the replica stops, and says so in the log', async () => {
    await replica.stop();
    await syncOneCompletion();
    // Read from the primary: up to date at once.
    expect(await completionsShown()).toBe(2);
    expect((await fetch(`${server.url}/api/v1/stats/dashboard`, { headers: { cookie } })).status).toBe(200);
    expect(server.output()).toContain('read replica unreachable: reports read from the primary');
    // One warning, not one per report.
    expect(server.output().split('read replica unreachable').length - 1).toBe(1);
  }, 60_000);
});

describe('DATABASE_READ_URL without a PostgreSQL DATABASE_URL', () => {
  it('refuses to start, saying what to set', async () => {
    const started = startServer({ bundled: true, env: { DATABASE_URL: '', DATABASE_READ_URL: 'postgres://hvs@replica.example.vn/hvs' } });
    await expect(started).rejects.toThrow(/exited early \(1\)[\s\S]*DATABASE_READ_URL: needs DATABASE_URL/);
  }, 60_000);
});
