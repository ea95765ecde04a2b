// DEPLOYMENT=city on the real server process, started as `npm start` starts it
// (the bundled entry, plain node, a loopback port), on a SQLite DATA_DIR and on
// a throw-away PostgreSQL 15 database: the city's admin (made at the first
// start) logs in on the home app and adds a locality over HTTP; its first
// admin logs in at /l/<slug>/; a resident registers and syncs a lesson there
// (one row in the locality's store, none in the city's; sent again, a
// duplicate); and the city's view counts that learner.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localitySchema } from '../../server/db/pg/locality-schema.ts';
import { DB_FILE_NAME } from '../../server/db/open.ts';
import type { AddedLocality, CityOverview } from '../../shared/city/api.ts';
import { newSecret, uuidv7 } from '../../shared/ids.ts';
import { ENGINES } from '../support/engines.ts';
import { startPgCluster, type PgCluster } from '../support/pg-cluster.ts';
import { storedRecordsOf } from '../support/stored-records.ts';
import { adminPasswordFrom, startServer, type RunningServer } from '../support/server-process.ts';

let cluster: PgCluster | undefined;
afterAll(async () => {
  await cluster?.stop();
}, 60_000);

describe.each(ENGINES)('npm start with DEPLOYMENT=city on %s', (kind) => {
  let server: RunningServer;
  let databaseUrl: string | undefined;
  const dataDir = mkdtempSync(join(tmpdir(), 'hvs-city-server-'));

  beforeAll(async () => {
    if (kind === 'postgres') {
      cluster ??= await startPgCluster();
      databaseUrl = await cluster.createDatabase('city_server');
    }
    server = await startServer({ bundled: true, dataDir, env: { DEPLOYMENT: 'city', DATABASE_URL: databaseUrl ?? '' } });
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Lesson records of a learner in the city's own store, or in a locality's, read beside the server. */
  const storedRecords = (learnerId: string, slug?: string) =>
    storedRecordsOf(
      kind === 'sqlite' ? { sqliteFile: slug ? join(dataDir, 'localities', slug, DB_FILE_NAME) : join(dataDir, DB_FILE_NAME) } : { databaseUrl: databaseUrl!, schema: slug ? localitySchema(slug) : 'public' },
      learnerId,
    );

  it('serves the city at home and each locality at /l/<slug>/, its data in its own store', async () => {
    const base = server.url;
    const json = (cookie?: string) => ({ 'content-type': 'application/json', origin: base, ...(cookie ? { cookie } : {}) });
    const login = async (prefix: string, body: unknown) => {
      const res = await fetch(`${base}${prefix}/api/v1/auth/login`, { method: 'POST', headers: json(), body: JSON.stringify(body) });
      expect(res.status).toBe(200);
      return res.headers.getSetCookie()[0]!.split(';')[0]!;
    };

    // The city's admin, made at the first start as a single ward's is.
    const cityCookie = await login('', { username: 'admin', password: adminPasswordFrom(server.output()) });
    const added = await fetch(`${base}/api/v1/city/localities`, { method: 'POST', headers: json(cityCookie), body: JSON.stringify({ slug: 'kien-an', name: 'Phường Kiến An', kind: 'ward' }) });
    expect(added.status).toBe(201);
    const { firstAdmin } = (await added.json()) as AddedLocality;

    // The locality's first admin runs its staff at its address.
    const localCookie = await login('/l/kien-an', firstAdmin);
    expect(localCookie.startsWith('hvs_session_kien-an=')).toBe(true);
    expect((await fetch(`${base}/l/kien-an/api/v1/staff`, { headers: json(localCookie) })).status).toBe(200);

    // A resident of the locality registers and syncs a lesson there, twice.
    const learner = { id: uuidv7(), secret: newSecret() };
    const registered = await fetch(`${base}/l/kien-an/api/v1/learners`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(learner) });
    expect(registered.status).toBe(201);
    const record = { id: uuidv7(), type: 'lesson.completed', learnerId: learner.id, deviceId: 'device-test-0001', occurredAt: new Date(Date.now() - 60_000).toISOString(), courseId: 'cyber-safety', lessonId: 'passwords-two-step', contentVersion: 'v1', score: 80, durationSec: 300 };
    const sync = async () => {
      const res = await fetch(`${base}/l/kien-an/api/v1/sync`, { method: 'POST', headers: { authorization: `Bearer ${learner.id}.${learner.secret}`, 'content-type': 'application/json' }, body: JSON.stringify({ deviceId: 'device-test-0001', events: [record] }) });
      expect(res.status).toBe(200);
      return ((await res.json()) as { results: unknown[] }).results;
    };
    expect(await sync()).toEqual([{ id: record.id, status: 'accepted' }]);
    expect(await sync()).toEqual([{ id: record.id, status: 'duplicate' }]);
    expect(await storedRecords(learner.id, 'kien-an')).toBe(1);
    expect(await storedRecords(learner.id)).toBe(0);
    // The city's own address does not know the learner: its residents are the localities'.
    expect((await fetch(`${base}/api/v1/me`, { headers: { authorization: `Bearer ${learner.id}.${learner.secret}` } })).status).toBe(401);

    // The city's view counts the learner's lesson, in the locality's row and in
    // the total; one learner is a count of people shown as "<5" in both.
    const view = await fetch(`${base}/api/v1/city/overview`, { headers: json(cityCookie) });
    expect(view.status).toBe(200);
    const overview = (await view.json()) as CityOverview;
    expect(overview.localities.map((l) => [l.slug, l.learners, l.lessonsCompleted])).toEqual([['kien-an', '<5', 1]]);
    expect(overview.totals).toMatchObject({ localities: 1, learners: '<5', lessonsCompleted: 1 });

    // Where the locality's data is: its own SQLite file, or its own schema (no SQLite file at all on PostgreSQL).
    expect(existsSync(join(dataDir, 'localities', 'kien-an', DB_FILE_NAME))).toBe(kind === 'sqlite');
    expect(existsSync(join(dataDir, DB_FILE_NAME))).toBe(kind === 'sqlite');
    // The first admin's one-time password was in the answer only, never in the server's log.
    expect(server.output()).not.toContain(firstAdmin.password);
    expect(server.output()).toContain('"msg":"serving a city"');
  }, 120_000);
});
