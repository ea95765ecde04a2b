// Tasks and targets in the tracker, against the real app and SQLite: the
// sample plan's weekly radio column judged on Vietnam days, an officer's own
// tasks only, targets scaled to the period, and plans with bad tasks refused.
import { sql } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Tracker } from '../../shared/units/api.ts';
import { setupTestApp, type TestApp } from './helpers.ts';
import { activityRecorded, SAMPLE_PLAN, sendJson, staffMember, unitSync, type Member } from './unit-support.ts';

let t: TestApp;
let ttsnc: Member;
let reviewer: Member;
let admin: Member;
beforeEach(async () => {
  // Monday 17 March 2025, 00:30 in Vietnam (still Sunday 16 March in UTC).
  t = setupTestApp({ now: Date.parse('2025-03-16T17:30:00Z') });
  [ttsnc, reviewer, admin] = await Promise.all([staffMember(t, 'lan-ttsnc', 'unit', 'ttsnc'), staffMember(t, 'vhxh', 'reviewer'), staffMember(t, 'admin', 'admin')]);
});
afterEach(() => t.close());

const MARCH = '?from=2025-03-01&to=2025-03-31';
const tracker = async (who: Member, query = MARCH) => {
  const res = await t.request(`/api/v1/plans/${SAMPLE_PLAN}/tracker${query}`, { headers: who.headers });
  expect(res.status).toBe(200);
  return (await res.json()) as Tracker;
};
const column = (startsOn: string) => activityRecorded(ttsnc, 'ttsnc', { startsOn, formCode: '2.4', subFormId: 'radio-column' });
const article = (startsOn: string) => activityRecorded(ttsnc, 'ttsnc', { startsOn, formCode: '2.1', subFormId: 'portal-article' });

describe('the tracker with tasks', () => {
  it("judges the weekly radio column on Vietnam days: the week of 10 March is overdue once Monday 17 March began in Vietnam", async () => {
    // Columns on Monday 24 Feb (the week ending 2 March) and Monday 3 March; none in the week of 10 March.
    await unitSync(t, ttsnc, [column('2025-02-24'), column('2025-03-03'), article('2025-03-05'), article('2025-03-12')]);
    const march = await tracker(reviewer);
    expect(march.today).toBe('2025-03-17');
    expect(march.period).toEqual({ from: '2025-03-01', to: '2025-03-31' });
    const byId = Object.fromEntries(march.tasks.map((s) => [s.taskId, s]));
    expect(byId['ttsnc-radio-column']).toMatchObject({ unitId: 'ttsnc', status: 'overdue', met: 2, missed: 1, lastMissed: '2025-03-16', nextDue: '2025-03-23', deadlines: 6 });
    expect(byId['ttsnc-portal-article']).toMatchObject({ status: 'done', recorded: 2, required: 2 });
    // Quarterly and half-yearly work is due later in the period's quarter or half: on track, nothing recorded yet.
    expect(byId['mttq-meetings']).toMatchObject({ status: 'on-track', nextDue: '2025-03-31' });
    expect(byId['vh-xh-conference']).toMatchObject({ status: 'on-track', nextDue: '2025-06-30' });
    // The ward-wide targets, scaled to one month: radio 52 a year → 4; one column started in March.
    expect(march.targets.find((g) => g.formCode === '2.4')).toMatchObject({ expected: 4, actual: 1, unitId: null });
    expect(march.targets.find((g) => g.formCode === '2.1')).toMatchObject({ expected: 4, actual: 2 });
    expect(march.units.find((u) => u.id === 'ttsnc')).toMatchObject({ lastActivityOn: '2025-03-12', latestOn: '2025-03-12' });
    expect(march.units.find((u) => u.id === 'mttq')).toMatchObject({ lastActivityOn: null, latestOn: null });

    // Half an hour earlier it was still Sunday 16 March in Vietnam: the week was not over.
    t.clock.now = Date.parse('2025-03-16T16:30:00Z');
    const sunday = await tracker(reviewer);
    expect(sunday.today).toBe('2025-03-16');
    expect(sunday.tasks.find((s) => s.taskId === 'ttsnc-radio-column')).toMatchObject({ status: 'on-track', missed: 0, nextDue: '2025-03-16' });
  });

  it("gives a unit officer only their unit's tasks and targets, and the unit's last activity before the span", async () => {
    await unitSync(t, ttsnc, [column('2025-02-10')]);
    const own = await tracker(ttsnc);
    expect([...new Set(own.tasks.map((s) => s.unitId))]).toEqual(['ttsnc']);
    expect(own.tasks.map((s) => s.taskId).sort()).toEqual(['ttsnc-portal-article', 'ttsnc-radio-column', 'ttsnc-visual']);
    expect(own.targets).toEqual([]);
    expect(own.units).toMatchObject([{ id: 'ttsnc', lastActivityOn: null, latestOn: '2025-02-10' }]);
    // Nothing since 10 February and three weeks of March gone: nothing recorded, not merely late.
    expect(own.tasks.find((s) => s.taskId === 'ttsnc-radio-column')).toMatchObject({ status: 'none', missed: 3 });
  });

  it('without a span judges the plan period, else the current year; a period over five years is refused', async () => {
    const year = await tracker(reviewer, '');
    expect(year.period).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(year.from).toBeNull();
    // Five years at most: deadlines are counted window by window.
    expect((await tracker(reviewer, '?from=2021-01-01&to=2025-12-31')).tasks.length).toBeGreaterThan(0);
    for (const query of ['?from=2020-01-01&to=2025-12-31', '?from=0001-01-01&to=2025-01-01', '?to=9999-12-31&from=2025-01-01']) {
      const res = await t.request(`/api/v1/plans/${SAMPLE_PLAN}/tracker${query}`, { headers: reviewer.headers });
      expect(res.status).toBe(400);
      expect((await res.json()).error.code).toBe('invalid_request');
    }
  });

  it('keeps tasks and targets an admin writes, and refuses bad ones without writing', async () => {
    const plan = (await (await t.request(`/api/v1/plans/${SAMPLE_PLAN}`, { headers: admin.headers })).json()) as Record<string, unknown> & { tasks: unknown[] };
    const { id: _i, isSample: _s, updatedAt: _u, ...input } = plan;
    const task = { id: 'mttq-report', unitId: 'mttq', title: 'Báo cáo quý', formCode: '2.2', dueOn: '2025-03-31' };
    const saved = await sendJson(t, 'PUT', `/api/v1/plans/${SAMPLE_PLAN}`, admin, { ...input, tasks: [...plan.tasks, task] });
    expect(saved.status).toBe(200);
    expect((await saved.json()).tasks.at(-1)).toEqual({ ...task, subFormId: null, every: null, atLeast: 1, from: null, until: null });
    const before = await t.engine.get(sql`SELECT structure FROM plans WHERE id = ${SAMPLE_PLAN}`);

    const refused = async (tasks: unknown[], status: number, code: string) => {
      const res = await sendJson(t, 'PUT', `/api/v1/plans/${SAMPLE_PLAN}`, admin, { ...input, tasks });
      expect(res.status).toBe(status);
      expect((await res.json()).error.code).toBe(code);
    };
    await refused([{ ...task, formCode: '9.9' }], 400, 'invalid_request');
    await refused([{ ...task, subFormId: 'banner' }], 400, 'invalid_request');
    await refused([{ ...task, every: 'week' }], 400, 'invalid_request');
    await refused([{ ...task, dueOn: null }], 400, 'invalid_request');
    await refused([task, task], 400, 'invalid_request');
    await refused([{ ...task, unitId: 'no-such-unit' }], 422, 'unknown_unit');
    expect(await t.engine.get(sql`SELECT structure FROM plans WHERE id = ${SAMPLE_PLAN}`)).toEqual(before);
  });
});
