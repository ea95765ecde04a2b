// `npm run bench`: prints measured figures. Budgets are checked here, not in
// timed tests, because these machines are noisy.
import { benchSyncIngest } from './sync-ingest.ts';
import { benchDashboard } from './dashboard.ts';

const eventsPerClient = Number(process.argv[2] ?? 2_500);
const r = await benchSyncIngest(eventsPerClient);
const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
console.log(`sync ingest: ${fmt(r.total)} events sent, ${fmt(r.stored)} stored`);
console.log(`  POST /api/v1/sync (8 clients, batches of 100): ${fmt(r.httpRate)} events/s`);
console.log(`  raw better-sqlite3 inserts (transactions of 100): ${fmt(r.rawRate)} events/s`);
console.log(`  ratio to raw: ${r.ratio.toFixed(2)}`);
if (r.stored !== r.total) {
  console.error('FAIL: stored events differ from events sent');
  process.exit(1);
}

// Dashboard at ward scale (BENCH_DASHBOARD_LEARNERS=10000,100000 by default).
for (const n of (process.argv[3] ?? '10000,100000').split(',').map(Number)) {
  const d = await benchDashboard(n);
  console.log(`dashboard: ${fmt(d.learners)} learners, ${fmt(d.events)} events (${fmt(d.completions)} completions), seeded in ${fmt(d.seedMs / 1000)} s, ${fmt(d.dbMb)} MB`);
  for (const r of d.results) console.log(`  GET /stats/${r.endpoint}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`);
  console.log(`  POST /sync batch of 100 while the dashboard is read: p50 ${d.syncP50.toFixed(1)} ms, p95 ${d.syncP95.toFixed(1)} ms, max ${d.syncMax.toFixed(1)} ms`);
}
