// `npm run bench`: prints measured figures. Budgets are checked here, not in
// timed tests, because these machines are noisy.
import { benchSyncIngest } from './sync-ingest.ts';

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
