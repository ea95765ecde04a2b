// The demo outreach: a year of four units' activities under the sample plan,
// through the real unit pipeline; the same seed gives the same log, and the
// tracker shows kept and missed tasks.
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createPlanStore } from '../../server/plans/store.ts';
import { seedUnitActivities } from '../../server/units/demo-activities.ts';
import type { Tracker } from '../../shared/units/api.ts';
import { setupTestApp, type TestApp } from './helpers.ts';
import { SAMPLE_PLAN, staffMember } from './unit-support.ts';

const NOW = Date.parse('2025-12-31T05:00:00Z');
let a: TestApp;
let b: TestApp;
beforeEach(() => {
  a = setupTestApp({ now: NOW });
  b = setupTestApp({ now: NOW });
});
afterEach(() => (a.close(), b.close()));

const seed = async (t: TestApp, seedNo = 7) =>
  seedUnitActivities(t.engine, { plan: (await createPlanStore(t.engine, () => NOW).get(SAMPLE_PLAN))!, unitIds: ['vh-xh', 'kt-ht-dt', 'mttq', 'ttsnc'], from: '2025-01-01', to: '2025-12-31', extraPerWeek: 2, now: NOW, seed: seedNo });
const log = async (t: TestApp) => await t.engine.all(sql`SELECT unit_id, form_code, sub_form_id, starts_on, ends_on, title FROM unit_activities ORDER BY unit_id, starts_on, title`);

describe('demo outreach', () => {
  it('fills a year for four units, the same for the same seed, and the tracker shows kept and missed tasks', async () => {
    const first = await seed(a);
    expect(first.activities).toBeGreaterThan(4 * 100);
    expect((await seed(b)).activities).toBe(first.activities);
    expect(await log(b)).toEqual(await log(a));
    const units = await a.engine.all(sql`SELECT DISTINCT unit_id FROM unit_activities ORDER BY 1`);
    expect(units).toEqual([{ unit_id: 'kt-ht-dt' }, { unit_id: 'mttq' }, { unit_id: 'ttsnc' }, { unit_id: 'vh-xh' }]);
    expect(await a.count('unit_events')).toBe(first.activities);
    // No demo officer can log in.
    expect(await a.engine.get(sql`SELECT COUNT(*) AS n FROM users WHERE username LIKE 'demo-%' AND NOT disabled`)).toEqual({ n: 0 });

    const reviewer = await staffMember(a, 'vhxh', 'reviewer');
    const year = (await (await a.request(`/api/v1/plans/${SAMPLE_PLAN}/tracker?from=2025-01-01&to=2025-12-31`, { headers: reviewer.headers })).json()) as Tracker;
    const radio = year.tasks.find((s) => s.taskId === 'ttsnc-radio-column')!;
    expect(radio.deadlines).toBe(53);
    expect(radio.met).toBeGreaterThan(30);
    expect(radio.missed).toBeGreaterThan(0);
    expect(year.units.every((u) => u.total > 0)).toBe(true);
    expect((await seed(a, 8)).activities).toBeGreaterThan(0); // a second run adds, under the same demo officers
  });
});
