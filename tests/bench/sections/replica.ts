// The dashboard read from the primary against from a streaming replica
// (DATABASE_READ_URL), while phones sync into the primary. A throw-away
// PostgreSQL cluster and a hot standby made from it (tests/support/pg-cluster.ts)
// hold a ward seeded through the real ingest; then, in turns, the ingest runs
// (INGEST_CLIENTS phones sending batches of 100 as fast as they are
// answered) while one staff member reads the whole dashboard over and over,
// once through an app reading from the primary and once through an app whose
// reports read from the replica. Every dashboard request first brings the
// rollups up to date on the primary (app.ts), as in production: the figures
// are the whole request's. Printed: dashboard p50/p95 in each case, the ingest
// rate meanwhile, and how far the replica's replay fell behind.
//
//   BENCH_REPLICA_LEARNERS=5000 BENCH_REPLICA_READS=60 npm run bench -- replica
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../../server/app.ts';
import { createUser } from '../../../server/accounts/users.ts';
import { postgresEngine } from '../../../server/db/engine/postgres.ts';
import { openPg, openPgReplica } from '../../../server/db/pg/open.ts';
import { seedDemo } from '../../../server/stats/demo-data.ts';
import { newSecret, uuidv7 } from '../../../shared/ids.ts';
import { startPgCluster } from '../../support/pg-cluster.ts';
import { BENCH_CATALOG } from '../dashboard.ts';
import { batchesOf, learnerEvents } from '../ward-events.ts';
import { fmt, type BenchSection } from './types.ts';

const LEARNERS = Number(process.env.BENCH_REPLICA_LEARNERS ?? 5_000);
const READS = Number(process.env.BENCH_REPLICA_READS ?? 60);
const INGEST_CLIENTS = 4;
/** Rounds of each case, alternating, so neither always meets the larger table. */
const ROUNDS = 2;
/** Issue #18's goal for one ward's dashboard on PostgreSQL. */
const MAX_DASHBOARD_P95_MS = 100;
const ORIGIN = 'http://localhost';
const NO_LIMITS = { limit: 1e9, windowMs: 60_000 };

const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))]!;

export const replicaSection: BenchSection = {
  name: 'replica',
  title: 'dashboard p95 read from the primary against a streaming replica, while ingest runs on the primary (PostgreSQL)',
  async run() {
    const cluster = await startPgCluster();
    const filesDir = mkdtempSync(join(tmpdir(), 'hvs-bench-replica-files-'));
    const missed: string[] = [];
    try {
      const replica = await cluster.startReplica();
      const url = await cluster.createDatabase('bench_replica');
      const primary = await openPg(url);
      const seedStart = performance.now();
      const seeded = await seedDemo(postgresEngine(primary.pool, { sharedPool: true }), BENCH_CATALOG, { learners: LEARNERS, days: 365, maxCourses: 9 });
      console.log(`  seeded ${fmt(seeded.learners)} learners, ${fmt(seeded.events)} events in ${fmt((performance.now() - seedStart) / 1000)} s`);
      await replica.caughtUp(120_000);

      const config = { filesDir, requestLimits: { syncPerLearner: NO_LIMITS, syncPerAddress: NO_LIMITS, registerPerAddress: NO_LIMITS } };
      const onPrimary = postgresEngine(primary.pool, { sharedPool: true });
      const readPool = await openPgReplica(replica.urlOf(url));
      const withReplica = postgresEngine(primary.pool, { sharedPool: true, readPool });
      const apps = { primary: createApp({ engine: onPrimary, catalog: BENCH_CATALOG, config }), replica: createApp({ engine: withReplica, catalog: BENCH_CATALOG, config }) };
      const ingestApp = createApp({ engine: postgresEngine(primary.pool, { sharedPool: true }), catalog: BENCH_CATALOG, config });

      await createUser(onPrimary, { username: 'office', password: 'bench password 1', role: 'reviewer', team: null });
      const login = await apps.primary.request(`${ORIGIN}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: ORIGIN }, body: JSON.stringify({ username: 'office', password: 'bench password 1' }) });
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;

      const phones = await Promise.all(
        Array.from({ length: INGEST_CLIENTS }, async (_, i) => {
          const id = uuidv7();
          const secret = newSecret();
          await ingestApp.request(`${ORIGIN}/api/v1/learners`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ id, secret }) });
          return { id, device: `bench-replica-${i}`, auth: `Bearer ${id}.${secret}` };
        }),
      );

      /** Phones syncing until stop(): the events they stored. */
      const ingest = () => {
        let stopping = false;
        let stored = 0;
        const running = phones.map(async (phone, p) => {
          for (let round = 0; !stopping; round++) {
            for (const batch of batchesOf(learnerEvents(phone.id, phone.device, 1_000, 30, p * 7 + round))) {
              if (stopping) break;
              const res = await ingestApp.request(`${ORIGIN}/api/v1/sync`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: phone.auth }, body: JSON.stringify({ deviceId: phone.device, events: batch }) });
              if (res.status !== 200) throw new Error(`sync answered ${res.status}: ${await res.text()}`);
              await res.arrayBuffer();
              stored += batch.length;
            }
          }
        });
        return { stop: async () => ((stopping = true), await Promise.all(running), stored) };
      };

      const times = { primary: [] as number[], replica: [] as number[] };
      const rates = { primary: [] as number[], replica: [] as number[] };
      let maxLagBytes = 0;
      for (let round = 0; round < ROUNDS; round++) {
        for (const which of ['primary', 'replica'] as const) {
          const app = apps[which];
          await (await app.request(`${ORIGIN}/api/v1/stats/dashboard`, { headers: { cookie } })).arrayBuffer();
          const load = ingest();
          const started = performance.now();
          for (let i = 0; i < READS; i++) {
            const t0 = performance.now();
            const res = await app.request(`${ORIGIN}/api/v1/stats/dashboard`, { headers: { cookie } });
            await res.arrayBuffer();
            times[which].push(performance.now() - t0);
            if (res.status !== 200) throw new Error(`dashboard (${which}) answered ${res.status}`);
            if (which === 'replica' && i % 10 === 0) maxLagBytes = Math.max(maxLagBytes, await replica.lagBytes());
          }
          const stored = await load.stop();
          rates[which].push(stored / ((performance.now() - started) / 1000));
        }
      }
      for (const which of ['primary', 'replica'] as const) {
        const p95 = percentile(times[which], 95);
        const rate = rates[which].reduce((a, b) => a + b, 0) / rates[which].length;
        console.log(`  dashboard from the ${which}: p50 ${fmt(percentile(times[which], 50))} ms, p95 ${fmt(p95)} ms (${times[which].length} reads); ingest meanwhile ${fmt(rate)} events/s (${INGEST_CLIENTS} phones)`);
        if (p95 > MAX_DASHBOARD_P95_MS) missed.push(`dashboard from the ${which}: p95 ${fmt(p95)} ms (budget ${MAX_DASHBOARD_P95_MS} ms)`);
      }
      console.log(`  replica replay behind the primary, at most (sampled): ${fmt(maxLagBytes / 1024)} KiB of WAL`);
      await Promise.all([onPrimary.close(), readPool.end()]);
      await primary.pool.end();
    } finally {
      await cluster.stop();
      rmSync(filesDir, { recursive: true, force: true });
    }
    return missed;
  },
};
