import { benchSyncIngest } from '../sync-ingest.ts';
import { fmt, type BenchSection } from './types.ts';

/** #8's budgets: at least this share of raw inserts, and this many times the PouchDB peer. */
const MIN_RATIO_TO_RAW = 0.35;
const MIN_RATIO_TO_PEER = 3;
/** #14's budget: the one record pipeline, with validation, auth and rollups on, at least this share of
 * a bare Hono endpoint that parses the same body and inserts the same rows with none of that. */
const MIN_RATIO_TO_BARE = 0.8;

export const syncSection: BenchSection = {
  name: 'sync',
  title: 'sync ingest against raw better-sqlite3 inserts and a PouchDB peer',
  async run() {
    const r = await benchSyncIngest(Number(process.env.BENCH_SYNC_EVENTS ?? 5_000));
    const missed: string[] = [];
    console.log(`sync ingest: ${fmt(r.total)} events from ${fmt(r.learners)} learners sent, ${fmt(r.stored)} stored, ${fmt(r.completedCourses)} course completions rolled up`);
    console.log(`  POST /api/v1/sync (8 clients, batches of 100): ${fmt(r.httpRate)} events/s`);
    console.log(`  rollups still to catch up when the last answer came, applied by the next dashboard request: ${fmt(r.settleMs)} ms`);
    console.log(`  raw better-sqlite3 inserts (transactions of 100): ${fmt(r.rawRate)} events/s`);
    if (r.peerRate !== undefined) console.log(`  PouchDB peer (express-pouchdb _bulk_docs, 8 clients, batches of 100): ${fmt(r.peerRate)} events/s, ${fmt(r.peerStored ?? 0)} stored`);
    if (r.bareRate !== undefined && r.peerRate !== undefined) {
      console.log(`  reference, bare Hono + better-sqlite3 (no validation, auth or rollups): ${fmt(r.bareRate)} events/s = ${(r.bareRate / r.rawRate).toFixed(2)} of raw, ${(r.bareRate / r.peerRate).toFixed(2)}× PouchDB`);
    }
    if (r.rawNoFsyncRate !== undefined) {
      console.log(`  reference, raw inserts without waiting for the disk (synchronous=NORMAL): ${fmt(r.rawNoFsyncRate)} events/s; raw with it is ${(r.rawRate / (r.peerRate ?? r.rawRate)).toFixed(2)}× PouchDB, which does not wait`);
    }
    console.log(`  ratio to raw: ${r.ratio.toFixed(2)} (budget ≥ ${MIN_RATIO_TO_RAW})`);
    if (r.peerRatio !== undefined) console.log(`  ratio to PouchDB: ${r.peerRatio.toFixed(2)}× (budget ≥ ${MIN_RATIO_TO_PEER}×)`);
    const bareRatio = r.bareRate !== undefined ? r.httpRate / r.bareRate : undefined;
    if (bareRatio !== undefined) console.log(`  ratio to the bare endpoint: ${bareRatio.toFixed(2)} (budget ≥ ${MIN_RATIO_TO_BARE})`);
    if (r.stored !== r.total) missed.push(`stored ${r.stored} events, sent ${r.total}`);
    if (r.ratio < MIN_RATIO_TO_RAW) missed.push(`sync ingest ${r.ratio.toFixed(2)} of raw inserts < ${MIN_RATIO_TO_RAW}`);
    if (r.peerRatio !== undefined && r.peerRatio < MIN_RATIO_TO_PEER) missed.push(`sync ingest ${r.peerRatio.toFixed(2)}× the PouchDB peer < ${MIN_RATIO_TO_PEER}×`);
    if (bareRatio !== undefined && bareRatio < MIN_RATIO_TO_BARE) missed.push(`sync ingest ${bareRatio.toFixed(2)} of the bare endpoint < ${MIN_RATIO_TO_BARE}`);
    if (r.peerStored !== undefined && r.peerStored !== r.total) missed.push(`PouchDB peer stored ${r.peerStored} docs, sent ${r.total}`);
    return missed;
  },
};
