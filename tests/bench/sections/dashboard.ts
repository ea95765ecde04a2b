import { benchDashboard } from '../dashboard.ts';
import { fmt, type BenchSection } from './types.ts';

/** #5's budgets: every endpoint p95 ≤ 100 ms, a sync batch during reads < 20 ms. */
const ENDPOINT_P95_MS = 100;
const SYNC_P95_MS = 20;
/** #8's cost growth: from one size to the next an endpoint's p95 may grow at
 * most linearly with the learners, times this allowance for noise. */
const GROWTH_NOISE = 1.5;
/** Below this a p95 is timer and scheduler noise, not cost: counted as this. */
const NOISE_FLOOR_MS = 1;

/** The growth table: p95 per size, and each step's growth against its linear allowance. */
function checkGrowth(runs: Array<{ learners: number; results: Array<{ endpoint: string; p95: number }> }>): string[] {
  if (runs.length < 2) return [];
  const missed: string[] = [];
  const steps = runs.slice(1).map((r, i) => ({ from: runs[i], to: r, allowed: (r.learners / runs[i].learners) * GROWTH_NOISE }));
  console.log(`\ncost growth (p95; growth = p95 ratio between sizes, allowed = learner ratio × ${GROWTH_NOISE}; p95 under ${NOISE_FLOOR_MS} ms counted as ${NOISE_FLOOR_MS} ms)`);
  const header = ['endpoint', ...runs.map((r) => `${fmt(r.learners)}`), ...steps.map((s) => `growth ${fmt(s.from.learners)}→${fmt(s.to.learners)} (≤ ${s.allowed.toFixed(1)})`)];
  console.log(`  ${header.join(' | ')}`);
  for (const { endpoint } of runs[0].results) {
    const p95 = (run: (typeof runs)[number]) => run.results.find((x) => x.endpoint === endpoint)!.p95;
    const cells = [`/stats/${endpoint}`, ...runs.map((r) => `${p95(r).toFixed(1)} ms`)];
    for (const s of steps) {
      const growth = Math.max(p95(s.to), NOISE_FLOOR_MS) / Math.max(p95(s.from), NOISE_FLOOR_MS);
      cells.push(`${growth.toFixed(2)}${growth > s.allowed ? ' OVER' : ''}`);
      if (growth > s.allowed) missed.push(`/stats/${endpoint} p95 grew ${growth.toFixed(2)}× from ${fmt(s.from.learners)} to ${fmt(s.to.learners)} learners (allowed ${s.allowed.toFixed(1)}×)`);
    }
    console.log(`  ${cells.join(' | ')}`);
  }
  return missed;
}

export const dashboardSection: BenchSection = {
  name: 'dashboard',
  title: 'ward dashboard at ward scale, and how its cost grows with the ward',
  async run() {
    const missed: string[] = [];
    const runs: Array<Awaited<ReturnType<typeof benchDashboard>>> = [];
    for (const n of (process.env.BENCH_DASHBOARD_LEARNERS ?? '10000,100000').split(',').map(Number)) {
      const d = await benchDashboard(n);
      runs.push(d);
      console.log(`dashboard: ${fmt(d.learners)} learners, ${fmt(d.events)} events (${fmt(d.completions)} completions), seeded in ${fmt(d.seedMs / 1000)} s, ${fmt(d.dbMb)} MB`);
      for (const r of d.results) {
        console.log(`  GET /stats/${r.endpoint}: p50 ${r.p50.toFixed(1)} ms, p95 ${r.p95.toFixed(1)} ms`);
        if (r.p95 > ENDPOINT_P95_MS) missed.push(`${fmt(n)} learners: /stats/${r.endpoint} p95 ${r.p95.toFixed(1)} ms > ${ENDPOINT_P95_MS} ms`);
      }
      console.log(`  POST /sync batch of 100 while the dashboard is read: p50 ${d.syncP50.toFixed(1)} ms, p95 ${d.syncP95.toFixed(1)} ms, max ${d.syncMax.toFixed(1)} ms`);
      if (d.syncP95 >= SYNC_P95_MS) missed.push(`${fmt(n)} learners: sync batch p95 ${d.syncP95.toFixed(1)} ms ≥ ${SYNC_P95_MS} ms`);
    }
    missed.push(...checkGrowth([...runs].sort((a, b) => a.learners - b.learners)));
    return missed;
  },
};
