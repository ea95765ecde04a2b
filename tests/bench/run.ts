// `npm run bench`: prints measured figures and checks the budgets. Budgets
// live here, not in timed tests, because these machines are noisy.
//
//   npm run bench                      every section, default sizes
//   npm run bench -- sync dashboard    only the named sections
//   BENCH_SYNC_EVENTS=2500 BENCH_DASHBOARD_LEARNERS=10000,100000,1000000 npm run bench -- dashboard
//   BENCH_CITY_LOCALITIES=6 BENCH_CITY_LEARNERS=3000 npm run bench -- city   (a small city; defaults 114 and 1,000,000)
//
// Each section lives in tests/bench/sections/<name>.ts and returns the
// budgets it missed (an empty list when all are met).
import { sections } from './sections/index.ts';

const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = wanted.filter((name) => !sections.some((s) => s.name === name));
if (unknown.length) {
  console.error(`Unknown bench section(s): ${unknown.join(', ')}. Known: ${sections.map((s) => s.name).join(', ')}`);
  process.exit(2);
}

const failures: string[] = [];
for (const section of sections) {
  if (wanted.length && !wanted.includes(section.name)) continue;
  console.log(`\n== ${section.name}: ${section.title}`);
  const missed = await section.run();
  for (const m of missed) console.error(`  OVER BUDGET: ${m}`);
  failures.push(...missed.map((m) => `${section.name}: ${m}`));
}
if (failures.length) {
  console.error(`\n${failures.length} budget(s) missed`);
  process.exit(1);
}
