// A whole city on one deployment (issue #18): on a throw-away PostgreSQL
// cluster, BENCH_CITY_LOCALITIES localities sharing BENCH_CITY_LEARNERS
// learners (about 20 events each) are seeded straight into their own schemas
// (city-seed.ts), then, with all of it present and over HTTP: p95 of the city
// view (GET /api/v1/city/overview, as the city's admin: with nothing written
// between reads, with a change in every locality before each, and while phones
// sync into the localities) and of one locality's
// dashboard (GET /l/<slug>/api/v1/stats/dashboard, as its reviewer); the
// database's size; the memory of the process serving those reads; and ingest
// events/s through 1, 2 and 4 bundled server processes (city-process.ts, the
// DEPLOYMENT=city deployment) on that database, against one process on SQLite,
// driven by the sync bench's phones (round-robin over the processes, spread
// over the localities). For comparison, a SQLite city (a file per locality)
// is seeded by the same code for as long as PostgreSQL's seed took (or
// BENCH_CITY_SQLITE_SECONDS), and its one process's ingest meets those rows.
// Growth (100k → 1M learners) is two runs at two sizes. Each figure carries
// the machine's load average: other work may share the machine.
//
//   BENCH_CITY_LOCALITIES=114 BENCH_CITY_LEARNERS=1000000 npm run bench -- city
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { createUser } from '../../../server/accounts/users.ts';
import { createCityDeployment } from '../../../server/city/deployment.ts';
import { postgresEngine } from '../../../server/db/engine/postgres.ts';
import { localitySchema } from '../../../server/db/pg/locality-schema.ts';
import { openPg } from '../../../server/db/pg/open.ts';
import { silentLogger } from '../../../server/logger.ts';
import { startPgCluster } from '../../support/pg-cluster.ts';
import { localitySlug, seedCity } from '../city-seed.ts';
import { BENCH_CATALOG } from '../dashboard.ts';
import { drive, makePhones, type BenchPhone } from '../sync-ingest.ts';
import { fmt, type BenchSection } from './types.ts';

const LOCALITIES = Number(process.env.BENCH_CITY_LOCALITIES ?? 114);
const LEARNERS = Number(process.env.BENCH_CITY_LEARNERS ?? 1_000_000);
const READS = Number(process.env.BENCH_CITY_READS ?? 40);
/** Events each of the 8 phone streams sends in each ingest case. */
const INGEST_PER_CLIENT = Number(process.env.BENCH_CITY_INGEST_EVENTS ?? 2_500);
const PROCESSES = [1, 2, 4];
/** The SQLite comparison seeds for as long as the PostgreSQL seed took, or at most this many seconds. */
const SQLITE_SECONDS = Number(process.env.BENCH_CITY_SQLITE_SECONDS ?? Infinity);
/** Issue #18's goals. */
const MAX_WARD_P95_MS = 100;
const MAX_CITY_P95_MS = 300;
const PASSWORD = 'bench password 1';

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;
const mib = (bytes: number) => `${fmt(bytes / 1_048_576)} MiB`;
/** The machine's 1-minute load average, printed beside each figure (other work shares the machine). */
const load = () => `load ${loadavg()[0]!.toFixed(2)}`;
const progress = (what: string) => (done: { localities: number; learners: number; events: number; seconds: number }) =>
  console.log(`  … ${what}: ${done.localities} localities, ${fmt(done.learners)} learners, ${fmt(done.events)} events in ${done.seconds.toFixed(0)} s (${load()})`);
const rssOf = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) * 1024;

async function login(base: string, username: string): Promise<string> {
  const res = await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: new URL(base).origin }, body: JSON.stringify({ username, password: PASSWORD }) });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status} ${await res.text()}`);
  return (res.headers.get('set-cookie') ?? '').split(';')[0]!;
}

/** One read of `url`, timed to its last byte; anything but 200 stops the bench. */
async function timedRead(url: string, cookie: string): Promise<number> {
  const t0 = performance.now();
  const res = await fetch(url, { headers: { cookie } });
  if (res.status !== 200) throw new Error(`${url}: ${res.status} ${await res.text()}`);
  await res.arrayBuffer();
  return performance.now() - t0;
}

/**
 * READS timed reads of `url` after a first one (which brings the rollups up to
 * date, as the first visit of the day does); `between` runs untimed before each.
 */
async function timedReads(url: string, cookie: string, between: () => Promise<unknown> = async () => {}): Promise<number[]> {
  await timedRead(url, cookie);
  const times: number[] = [];
  for (let i = 0; i < READS; i++) {
    await between();
    times.push(await timedRead(url, cookie));
  }
  return times;
}

/** `n` bundled server processes over one store; their base URLs and a stop. */
async function startProcesses(n: number, env: Record<string, string>, tempDir: () => string) {
  const children: ChildProcess[] = [];
  const started = Promise.all(
    Array.from({ length: n }, () => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(import.meta.dirname, '../city-process.ts')], {
        env: { ...process.env, DATA_DIR: tempDir(), ...env },
        stdio: ['ignore', 'pipe', 'inherit'],
      });
      children.push(child);
      return new Promise<string>((resolve, reject) => {
        child.once('exit', (code) => reject(new Error(`bench server process exited (${code})`)));
        child.stdout!.on('data', (chunk: Buffer) => {
          const port = /port (\d+)/.exec(chunk.toString())?.[1];
          if (port) resolve(`http://127.0.0.1:${port}`);
        });
      });
    }),
  );
  const stop = () => Promise.all(children.map((c) => (c.exitCode !== null ? undefined : new Promise((r) => (c.once('exit', r), c.kill('SIGTERM'))))));
  const bases = await started.catch(async (error) => {
    await stop();
    throw error;
  });
  return {
    bases,
    stop,
    rss: () => children.map((c) => rssOf(c.pid!)),
  };
}

/** Phones of the sync bench, each in a locality, each process taking its share of them: events/s. */
async function ingest(bases: string[], localities: number): Promise<{ rate: number; events: number }> {
  const clients = makePhones(INGEST_PER_CLIENT);
  const where = new Map<BenchPhone, string>();
  clients.flat().forEach((phone, i) => where.set(phone, `${bases[i % bases.length]}/l/${localitySlug(i % localities)}`));
  for (const [phone, base] of where) {
    const res = await fetch(`${base}/api/v1/learners`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id: phone.learnerId, secret: phone.secret }) });
    if (res.status !== 201) throw new Error(`register: ${res.status} ${await res.text()}`);
  }
  let events = 0;
  const seconds = await drive(clients, async (phone, batch) => {
    const res = await fetch(`${where.get(phone)}/api/v1/sync`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${phone.learnerId}.${phone.secret}` }, body: JSON.stringify({ deviceId: phone.deviceId, events: batch }) });
    const body = (await res.json()) as { results?: { status: string }[] };
    if (!body.results?.every((r) => r.status === 'accepted')) throw new Error(`not all accepted: ${JSON.stringify(body).slice(0, 300)}`);
    events += batch.length;
  });
  return { rate: events / seconds, events };
}

export const citySection: BenchSection = {
  name: 'city',
  title: `a city of ${fmt(LOCALITIES)} localities and ${fmt(LEARNERS)} learners on PostgreSQL: seed, city view and ward dashboard p95, size, memory, ingest with 1/2/4 processes against SQLite`,
  async run() {
    const missed: string[] = [];
    const cluster = await startPgCluster();
    const dirs: string[] = [];
    const tmp = (name: string) => (dirs.push(mkdtempSync(join(tmpdir(), `hvs-bench-city-${name}-`))), dirs.at(-1)!);
    const spotCheckKey = randomBytes(32);
    const rows: [string, string][] = [];
    /** What must be closed before the cluster stops, should a step fail. */
    const closing: Array<() => Promise<unknown>> = [];
    try {
      const url = await cluster.createDatabase('bench_city');
      const { pool } = await openPg(url);
      closing.push(() => pool.end());
      const engine = postgresEngine(pool, { sharedPool: true });
      const dataDir = tmp('data');
      const city = createCityDeployment({ engine, on: { kind: 'postgres', pool }, dataDir, spotCheckKey, drawKey: () => spotCheckKey, logger: silentLogger, catalog: BENCH_CATALOG, config: { filesDir: tmp('files'), plausibility: { maxRegistrationsPerAddress: 1_000_000 } }, filesRoot: tmp('files-root') });

      const seeded = await seedCity(city.registry, city.stores, LOCALITIES, LEARNERS, { onLocality: progress('PostgreSQL seed') });
      rows.push(['seed on PostgreSQL (INSERT … SELECT generate_series in each schema, then its rollups catch up)', `${fmt(seeded.learners)} learners, ${fmt(seeded.events)} events in ${seeded.wallSeconds.toFixed(1)} s (${fmt(seeded.events / seeded.wallSeconds)} events/s); rollups' catch-up ${seeded.rollupSeconds.toFixed(1)} s of it, summed over localities, ${fmt(seeded.events / seeded.rollupSeconds)} events/s each (${load()})`]);
      // What autovacuum has done by the time a city's data is this big, right
      // after a bulk load not yet: planner statistics everywhere, and the
      // rollup tables the figures read vacuumed (their visibility maps let
      // index-only scans skip the heap). The events tables are left to autovacuum.
      const vacuumStart = performance.now();
      const rollupTables = await pool.query<{ name: string }>(`SELECT format('%I.%I', schemaname, relname) AS name FROM pg_stat_user_tables WHERE relname LIKE 'stats\\_%'`);
      for (const { name } of rollupTables.rows) await pool.query(`VACUUM (ANALYZE) ${name}`);
      await pool.query('ANALYZE');
      rows.push([`VACUUM ANALYZE of the ${rollupTables.rows.length} rollup tables, ANALYZE of the rest, after the seed`, `${((performance.now() - vacuumStart) / 1000).toFixed(1)} s (${load()})`]);

      // Staff: the city's admin in the home store, a reviewer in the first locality's.
      await createUser(engine, { username: 'city.admin', password: PASSWORD, role: 'admin', team: null });
      const ward = localitySlug(0);
      await createUser(await city.stores.engineOf(ward), { username: 'ward.office', password: PASSWORD, role: 'reviewer', team: null });
      const server = serve({ fetch: city.app.fetch, hostname: '127.0.0.1', port: 0 });
      await new Promise((r) => server.once('listening', r));
      const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      try {
        const cityCookie = await login(base, 'city.admin');
        const cityTimes = await timedReads(`${base}/api/v1/city/overview`, cityCookie);
        const wardTimes = await timedReads(`${base}/l/${ward}/api/v1/stats/dashboard`, await login(`${base}/l/${ward}`, 'ward.office'));
        const [cityP95, wardP95] = [percentile(cityTimes, 95), percentile(wardTimes, 95)];
        rows.push([`city view p50 / p95 (${READS} reads, nothing written between them)`, `${fmt(percentile(cityTimes, 50))} / ${fmt(cityP95)} ms (budget ${MAX_CITY_P95_MS} ms; ${load()})`]);
        // The view keeps each locality's figures while nothing they read
        // changed (stats/figure-changes.ts): its worst case is a change in
        // every locality between two reads, marked here straight in each one's count of changes.
        const schemas = Array.from({ length: LOCALITIES }, (_, i) => localitySchema(localitySlug(i)));
        const everywhere = async () => {
          for (const schema of schemas) await pool.query(`INSERT INTO "${schema}".figure_changes (weight) VALUES (1)`);
        };
        const changedTimes = await timedReads(`${base}/api/v1/city/overview`, cityCookie, everywhere);
        rows.push([`city view p50 / p95 (${READS} reads, every locality changed before each)`, `${fmt(percentile(changedTimes, 50))} / ${fmt(percentile(changedTimes, 95))} ms (${load()})`]);
        // A contest day: phones syncing into the localities while the city's office reads.
        let syncing = true;
        const syncs = ingest([base], LOCALITIES).finally(() => (syncing = false));
        const duringTimes: number[] = [];
        while (syncing) duringTimes.push(await timedRead(`${base}/api/v1/city/overview`, cityCookie));
        const synced = await syncs;
        rows.push([`city view p50 / p95 while 8 phone streams sync into the localities (same process)`, `${fmt(percentile(duringTimes, 50))} / ${fmt(percentile(duringTimes, 95))} ms over ${duringTimes.length} reads, ${fmt(synced.rate)} events/s synced meanwhile (${load()})`]);
        rows.push([`one ward's dashboard p50 / p95 (${READS} reads)`, `${fmt(percentile(wardTimes, 50))} / ${fmt(wardP95)} ms (budget ${MAX_WARD_P95_MS} ms; ${load()})`]);
        if (cityP95 > MAX_CITY_P95_MS) missed.push(`city view p95 ${fmt(cityP95)} ms (budget ${MAX_CITY_P95_MS} ms)`);
        if (wardP95 > MAX_WARD_P95_MS) missed.push(`ward dashboard p95 ${fmt(wardP95)} ms (budget ${MAX_WARD_P95_MS} ms)`);
        const size = (await pool.query<{ n: string }>('SELECT pg_database_size(current_database()) AS n')).rows[0]!.n;
        rows.push(['database size (pg_database_size)', `${mib(Number(size))} (${fmt(Number(size) / seeded.learners)} bytes per learner)`]);
        rows.push(['memory of the process serving these reads (RSS, with the seeder in it)', mib(process.memoryUsage().rss)]);
      } finally {
        server.close();
      }
      await city.close();
      await closing.pop()!();

      for (const n of PROCESSES) {
        const procs = await startProcesses(n, { DATABASE_URL: url, SPOT_CHECK_KEY: spotCheckKey.toString('hex') }, () => tmp('proc'));
        try {
          const r = await ingest(procs.bases, LOCALITIES);
          rows.push([`ingest, ${n} process${n > 1 ? 'es' : ''} on PostgreSQL (8 phone streams, batches of 100)`, `${fmt(r.rate)} events/s (${fmt(r.events)} events); RSS per process ${procs.rss().map(mib).join(', ')} (${load()})`]);
        } finally {
          await procs.stop();
        }
      }
      // SQLite: a file per locality, seeded by the same code (multi-row INSERTs, then the same catch-up) for as long as PostgreSQL's seed took.
      const sqliteDir = tmp('sqlite');
      const { openDatabase } = await import('../../../server/db/connect.ts');
      const opened = await openDatabase({ DATA_DIR: sqliteDir, DATABASE_URL: undefined, DATABASE_READ_URL: undefined });
      const sqliteCity = createCityDeployment({ db: opened.sqlite!.db, sqlite: opened.sqlite!.sqlite, engine: opened.engine, on: { kind: 'sqlite', dataDir: sqliteDir }, dataDir: sqliteDir, spotCheckKey, drawKey: () => spotCheckKey, logger: silentLogger, catalog: BENCH_CATALOG, config: { filesDir: tmp('files') }, filesRoot: tmp('files-root') });
      const budget = Math.min(seeded.wallSeconds, SQLITE_SECONDS);
      const onSqlite = await seedCity(sqliteCity.registry, sqliteCity.stores, LOCALITIES, LEARNERS, { until: performance.now() + budget * 1000, onLocality: progress('SQLite seed') });
      await sqliteCity.close();
      await opened.close();
      rows.push([`seed on SQLite in the same time (${budget.toFixed(0)} s; a file per locality, multi-row INSERTs, then the same catch-up)`, `${onSqlite.localities} of ${LOCALITIES} localities: ${fmt(onSqlite.learners)} learners, ${fmt(onSqlite.events)} events in ${onSqlite.wallSeconds.toFixed(1)} s (${fmt(onSqlite.events / onSqlite.wallSeconds)} events/s; ${load()})`]);
      const procs = await startProcesses(1, { DATA_DIR: sqliteDir, DATABASE_URL: '' }, () => tmp('proc'));
      try {
        const r = await ingest(procs.bases, LOCALITIES);
        rows.push(['ingest, 1 process on SQLite (a file per locality, those seeded above)', `${fmt(r.rate)} events/s (${fmt(r.events)} events); RSS ${procs.rss().map(mib).join(', ')} (${load()})`]);
      } finally {
        await procs.stop();
      }
    } catch (error) {
      // Printed before the cluster stops: a stop under open connections would hide it.
      console.error(error);
      throw error;
    } finally {
      for (const close of closing) await close().catch(() => {});
      await cluster.stop();
      for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
    }
    const width = Math.max(...rows.map(([k]) => k.length));
    for (const [k, v] of rows) console.log(`  ${k.padEnd(width)}  ${v}`);
    return missed;
  },
};
