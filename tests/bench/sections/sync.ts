import { benchSyncIngest } from '../sync-ingest.ts';
import { fmt, type BenchSection } from './types.ts';

export const syncSection: BenchSection = {
  name: 'sync',
  title: 'sync ingest against raw better-sqlite3 inserts',
  async run() {
    const r = await benchSyncIngest(Number(process.env.BENCH_SYNC_EVENTS ?? 2_500));
    console.log(`sync ingest: ${fmt(r.total)} events sent, ${fmt(r.stored)} stored`);
    console.log(`  POST /api/v1/sync (8 clients, batches of 100): ${fmt(r.httpRate)} events/s`);
    console.log(`  raw better-sqlite3 inserts (transactions of 100): ${fmt(r.rawRate)} events/s`);
    console.log(`  ratio to raw: ${r.ratio.toFixed(2)}`);
    return r.stored === r.total ? [] : [`stored ${r.stored} events, sent ${r.total}`];
  },
};
