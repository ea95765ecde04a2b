import { benchDashboard } from '../dashboard.ts';
import { fmt, type BenchSection } from './types.ts';

/** #5's budgets: every endpoint p95 ≤ 100 ms, a sync batch during reads < 20 ms. */
const ENDPOINT_P95_MS = 100;
const SYNC_P95_MS = 20;

export const dashboardSection: BenchSection = {
  name: 'dashboard',
  title: 'ward dashboard at ward scale',
  async run() {
    const missed: string[] = [];
    for (const n of (process.env.BENCH_DASHBOARD_LEARNERS ?? '10000,100000').split(',').map(Number)) {
      const d = await benchDashboard(n);
      console.log(`dashboard: ${fmt(d.learners)} learners, ${fmt(d.events)} events (${fmt(d.completions)} completions), seeded in ${fmt(d.seedMs / 1000)} s, ${fmt(d.dbMb)} MB`);
      for (const r of d.results) {
        console.log(`  GET /stats/${r.endpoint}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`);
        if (r.p95 > ENDPOINT_P95_MS) missed.push(`${fmt(n)} learners: /stats/${r.endpoint} p95 ${r.p95.toFixed(1)} ms > ${ENDPOINT_P95_MS} ms`);
      }
      console.log(`  POST /sync batch of 100 while the dashboard is read: p50 ${d.syncP50.toFixed(1)} ms, p95 ${d.syncP95.toFixed(1)} ms, max ${d.syncMax.toFixed(1)} ms`);
      if (d.syncP95 >= SYNC_P95_MS) missed.push(`${fmt(n)} learners: sync batch p95 ${d.syncP95.toFixed(1)} ms ≥ ${SYNC_P95_MS} ms`);
    }
    return missed;
  },
};
