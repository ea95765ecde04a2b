// The plan tracker at ward scale: ten units with a year of outreach each
// (over 20,000 activities, through the real unit pipeline) in a real SQLite
// file, served by the real server process; GET /plans/:id/tracker timed over
// HTTP on loopback for a year, a quarter and a month as the office reads it,
// and a year as one unit's officer reads it. Budget: p95 ≤ 100 ms each.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createStaffAccount } from '../../../server/accounts/guides.ts';
import { openDb } from '../../../server/db/open.ts';
import { engineOfSqlite } from '../../../server/db/engine/sqlite.ts';
import { createPlanStore } from '../../../server/plans/store.ts';
import { createUnits } from '../../../server/plans/units.ts';
import { seedUnitActivities } from '../../../server/units/demo-activities.ts';
import { addDays, periodSpan, vietnamToday } from '../../../shared/plans/periods.ts';
import type { PlanInput } from '../../../shared/plans/schema.ts';
import type { Tracker } from '../../../shared/units/api.ts';
import { startServer } from '../../support/server-process.ts';
import { fmt, type BenchSection } from './types.ts';

const P95_BUDGET_MS = 100;
const ROUNDS = Number(process.env.BENCH_TRACKER_ROUNDS ?? 200);
const MIN_ACTIVITIES = 20_000;
const PASSWORD = 'bench tracker password 1';
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];

/** Ten units: the sample's four and six more, each with the sample TTSNC's tasks and duties. */
async function seedWard(dir: string, now: number) {
  const { db, sqlite } = openDb(dir);
  sqlite.pragma('synchronous = OFF');
  const engine = engineOfSqlite(sqlite);
  const units = createUnits(engine);
  for (let i = 1; i <= 6; i++) await units.add({ id: `unit-${i}`, name: `Đơn vị ${i}`, shortName: `ĐV${i}` });
  const plans = createPlanStore(engine, () => now);
  const sample = (await plans.get('sample-nq57'))!;
  const { id: _id, isSample: _s, updatedAt: _u, ...input } = sample;
  const extra = (await units.list()).filter((u) => u.id.startsWith('unit-'));
  const model = sample.duties.find((d) => d.unitId === 'ttsnc')!;
  const modelTasks = sample.tasks.filter((t) => t.unitId === 'ttsnc');
  const plan = await plans.create({
    ...input,
    title: 'Kế hoạch đo hiệu năng',
    duties: [...input.duties, ...extra.map((u) => ({ ...model, unitId: u.id }))],
    tasks: [...input.tasks, ...extra.flatMap((u) => modelTasks.map((t) => ({ ...t, id: `${u.id}-${t.id}`, unitId: u.id })))],
  } satisfies PlanInput);
  const today = vietnamToday(now);
  const started = performance.now();
  const { activities } = await seedUnitActivities(engine, { plan, unitIds: (await units.list()).map((u) => u.id), from: addDays(today, -364), to: today, extraPerWeek: 40, now, seed: 57 });
  const seedMs = performance.now() - started;
  sqlite.pragma('synchronous = FULL');
  return { db, sqlite, planId: plan.id, activities, seedMs, today };
}

export const planTrackerSection: BenchSection = {
  name: 'plan-tracker',
  title: 'plan tracker: ten units, a year of outreach, over HTTP',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'hvs-bench-tracker-'));
    const missed: string[] = [];
    const now = Date.now();
    const seeded = await seedWard(dir, now);
    await createStaffAccount(engineOfSqlite(seeded.db.$client), { username: 'office', password: PASSWORD, role: 'reviewer', team: null, displayName: 'VH-XH' });
    await createStaffAccount(engineOfSqlite(seeded.db.$client), { username: 'officer', password: PASSWORD, role: 'unit', team: null, unitId: 'ttsnc', displayName: 'TTSNC' });
    seeded.sqlite.close();
    const server = await startServer({ dataDir: dir });
    try {
      console.log(`  ${fmt(seeded.activities)} activities of 10 units over a year, seeded in ${fmt(seeded.seedMs / 1000)} s; database ${fmt(statSync(server.dbFile).size / 1e6)} MB`);
      if (seeded.activities < MIN_ACTIVITIES) missed.push(`only ${fmt(seeded.activities)} activities seeded (at least ${fmt(MIN_ACTIVITIES)} wanted)`);
      const login = async (username: string) => {
        const res = await fetch(`${server.url}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ username, password: PASSWORD }) });
        if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
        return (res.headers.get('set-cookie') ?? '').split(';')[0];
      };
      const office = await login('office');
      const officer = await login('officer');
      const q = (s: { from: string; to: string }) => `?from=${s.from}&to=${s.to}`;
      const cases = [
        { name: 'office, a year', cookie: office, query: q({ from: addDays(seeded.today, -364), to: seeded.today }) },
        { name: 'office, this quarter', cookie: office, query: q(periodSpan('quarter', seeded.today)) },
        { name: 'office, this month', cookie: office, query: q(periodSpan('month', seeded.today)) },
        { name: 'unit officer, a year', cookie: officer, query: q({ from: addDays(seeded.today, -364), to: seeded.today }) },
      ];
      for (const c of cases) {
        const url = `${server.url}/api/v1/plans/${seeded.planId}/tracker${c.query}`;
        const first = await fetch(url, { headers: { cookie: c.cookie } });
        if (first.status !== 200) throw new Error(`${c.name}: ${first.status} ${await first.text()}`);
        const body = (await first.json()) as Tracker;
        const times: number[] = [];
        let bytes = 0;
        for (let i = 0; i < ROUNDS; i++) {
          const t0 = performance.now();
          const res = await fetch(url, { headers: { cookie: c.cookie } });
          bytes = (await res.arrayBuffer()).byteLength;
          times.push(performance.now() - t0);
        }
        const p50 = percentile(times, 50);
        const p95 = percentile(times, 95);
        const statuses = body.tasks.reduce<Record<string, number>>((a, s) => ({ ...a, [s.status]: (a[s.status] ?? 0) + 1 }), {});
        console.log(
          `  GET tracker (${c.name}): p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms over ${ROUNDS} reads; ${body.units.length} units, ${body.tasks.length} tasks ${JSON.stringify(statuses)}, ${fmt(bytes / 1000)} KB`,
        );
        if (p95 > P95_BUDGET_MS) missed.push(`tracker (${c.name}) p95 ${p95.toFixed(1)} ms > ${P95_BUDGET_MS} ms`);
      }
      // The report to the People's Committee reads the same figures and every activity of its period; the indicators page its part I.
      const year = seeded.today.slice(0, 4);
      const quarter = `${year}-Q${Math.ceil(Number(seeded.today.slice(5, 7)) / 3)}`;
      for (const [what, period] of [['report', year], ['report', quarter], ['indicators', year]] as const) {
        const url = `${server.url}/api/v1/plans/${seeded.planId}/${what}?period=${period}`;
        const first = await fetch(url, { headers: { cookie: office } });
        if (first.status !== 200) throw new Error(`${what} ${period}: ${first.status} ${await first.text()}`);
        const times: number[] = [];
        let bytes = 0;
        for (let i = 0; i < ROUNDS; i++) {
          const t0 = performance.now();
          const res = await fetch(url, { headers: { cookie: office } });
          bytes = (await res.arrayBuffer()).byteLength;
          times.push(performance.now() - t0);
        }
        const p95 = percentile(times, 95);
        console.log(`  GET ${what} (office, ${period}): p50 ${percentile(times, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms over ${ROUNDS} reads, ${fmt(bytes / 1000)} KB`);
        if (p95 > P95_BUDGET_MS) missed.push(`${what} (${period}) p95 ${p95.toFixed(1)} ms > ${P95_BUDGET_MS} ms`);
      }
    } finally {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    }
    return missed;
  },
};
