// `npm run demo:seed -- --learners N [--days D] [--data-dir DIR] [--seed S]`
// Fills a SEPARATE database (default ./data-demo) with synthetic activity so
// the dashboard can be tried and measured, and the sample plan with a year of
// four units' outreach so the tracker and the report can be tried. Refuses a
// database that already holds real learners. Start a server on it with
// DATA_DIR=./data-demo npm start. With DATABASE_URL set, the demo goes into
// that PostgreSQL database instead (a separate one, as for the folder).
import { parseArgs } from 'node:util';
import { openDatabase } from '../db/connect.ts';
import { loadCatalog } from '../resident/catalog.ts';
import { hasRealData, seedDemo } from '../stats/demo-data.ts';
import { addDays, vietnamToday } from '../../shared/plans/periods.ts';
import { createPlanStore } from '../plans/store.ts';
import { createUnits } from '../plans/units.ts';
import { seedUnitActivities } from '../units/demo-activities.ts';

const { values } = parseArgs({
  options: {
    learners: { type: 'string', default: '1000' },
    days: { type: 'string', default: '120' },
    'data-dir': { type: 'string', default: './data-demo' },
    'dist-dir': { type: 'string', default: './dist' },
    seed: { type: 'string', default: '57' },
  },
});

const learners = Number(values.learners);
const days = Number(values.days);
if (!Number.isInteger(learners) || learners < 1 || learners > 2_000_000) throw new Error('--learners must be a whole number from 1 to 2,000,000');
if (!Number.isInteger(days) || days < 7 || days > 3000) throw new Error('--days must be a whole number from 7 to 3000');

const catalog = loadCatalog(values['dist-dir']);
if (catalog.courses.length === 0) {
  console.error(`No courses found in ${values['dist-dir']}/content/index.json: run "npm run build" first.`);
  process.exit(1);
}
const opened = await openDatabase({ DATA_DIR: values['data-dir'], DATABASE_URL: process.env.DATABASE_URL || undefined });
const { engine } = opened;
const sqlite = opened.sqlite?.sqlite;
if (await hasRealData(engine)) {
  console.error(`${opened.where} holds real learners: demo data goes into its own ${sqlite ? 'folder (--data-dir)' : 'database (DATABASE_URL)'}.`);
  await opened.close();
  process.exit(1);
}
// Synthetic data can be made again: trade durability for speed while seeding.
sqlite?.pragma('synchronous = OFF');
const started = performance.now();
const r = await seedDemo(engine, catalog, { learners, days, seed: Number(values.seed) });
// The sample plan (else the first), a year up to today, the first four units.
const now = Date.now();
const plans = createPlanStore(engine, () => now);
const plan = (await plans.get('sample-nq57')) ?? (await plans.all())[0];
const today = vietnamToday(now);
const outreach = plan
  ? await seedUnitActivities(engine, { plan, unitIds: (await createUnits(engine).list()).slice(0, 4).map((u) => u.id), from: addDays(today, -364), to: today, extraPerWeek: 2, now, seed: Number(values.seed) })
  : { activities: 0 };
sqlite?.pragma('synchronous = FULL');
await opened.close();
console.log(`Demo data: ${r.learners.toLocaleString('en-US')} learners, ${r.events.toLocaleString('en-US')} events in ${opened.where} (${Math.round(performance.now() - started)} ms).`);
console.log(`Outreach: ${outreach.activities.toLocaleString('en-US')} activities of four units under ${plan ? `plan ${plan.id}` : 'no plan'} over the last year.`);
console.log(sqlite ? `Serve it with: DATA_DIR=${values['data-dir']} npm start` : 'Serve it with the same DATABASE_URL: npm start');
