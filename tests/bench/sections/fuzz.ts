// Bad input at full size (issue #7): ≥ 10,000 generated inputs over every API
// route in-process, each sent with a permitted role's credentials and
// without, plus over-limit bodies through a real HTTP server. Any 5xx, hang,
// non-JSON refusal, schema-invalid success or write on refusal misses the
// budget. BENCH_FUZZ_INPUTS (default 10000), BENCH_FUZZ_HTTP (default 300)
// and BENCH_FUZZ_SEED (default: random, printed) size and replay a run.
import { rmSync } from 'node:fs';
import { fuzzOverHttp } from '../../support/fuzz-http.ts';
import { formatFailures, fuzzRoutes, mergeStats } from '../../support/fuzz-runner.ts';
import { buildWorld } from '../../support/fuzz-world.ts';
import { ROUTES } from '../../support/route-inventory.ts';
import { fmt, type BenchSection } from './types.ts';

export const fuzzSection: BenchSection = {
  name: 'fuzz',
  title: 'generated bad input over every API route',
  async run() {
    const inputs = Number(process.env.BENCH_FUZZ_INPUTS ?? 10_000);
    const httpCases = Number(process.env.BENCH_FUZZ_HTTP ?? 300);
    const seed = Number(process.env.BENCH_FUZZ_SEED ?? Math.floor(Math.random() * 2 ** 31));
    const { world, file, dir } = await buildWorld();
    try {
      const inProcess = await fuzzRoutes({ file, world, inputs, seed });
      const http = await fuzzOverHttp({ file, world, cases: httpCases, seed });
      const all = mergeStats(inProcess, http);
      console.log(`seed ${seed} (replay: BENCH_FUZZ_SEED=${seed})`);
      console.log(`in-process: ${fmt(inProcess.inputs)} inputs over ${ROUTES.length} routes, ${fmt(inProcess.requests)} requests in ${inProcess.seconds.toFixed(1)} s`);
      console.log(`real HTTP (over-limit and chunked bodies): ${fmt(http.inputs)} inputs in ${http.seconds.toFixed(1)} s`);
      console.log(`inputs tried: ${fmt(all.inputs)}; answers: 2xx ${fmt(all.status2xx)}, 4xx ${fmt(all.status4xx)}, 5xx ${fmt(all.status5xx)}, other ${fmt(all.otherStatus)}; hangs ${fmt(all.hangs)}; writes on refusal ${fmt(all.writesOnRefusal)}`);
      const codes = Object.entries(all.errorCodes).sort((a, b) => b[1] - a[1]);
      console.log(`  error codes: ${codes.map(([c, n]) => `${c} ${fmt(n)}`).join(', ')}`);
      const slowest = Object.entries(inProcess.secondsByRoute).sort((a, b) => b[1] - a[1]).slice(0, 3);
      console.log(`  slowest routes: ${slowest.map(([r, s]) => `${r} ${s.toFixed(1)} s`).join(', ')}`);
      if (all.failures.length) console.log(formatFailures(all.failures, 20));
      const missed: string[] = [];
      if (all.inputs < inputs) missed.push(`${all.inputs} inputs tried, wanted ≥ ${inputs}`);
      if (all.status5xx) missed.push(`${all.status5xx} answers were 5xx`);
      if (all.hangs) missed.push(`${all.hangs} requests hung`);
      if (all.writesOnRefusal) missed.push(`${all.writesOnRefusal} refused requests wrote to the database`);
      if (all.failures.length) missed.push(`${all.failures.length} wrong answers in all (listed above)`);
      return missed;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
