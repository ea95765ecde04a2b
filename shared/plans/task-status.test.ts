import { describe, expect, it } from 'vitest';
import { countFrom, countsNeeded, deadlinesOf, taskStates, targetStates, type DayCount, type PlanPeriod, type TaskRule } from './task-status.ts';

const radioWeekly: TaskRule = { id: 'radio', unitId: 'ttsnc', formCode: '2.4', subFormId: 'radio-column', every: 'week', atLeast: 1, dueOn: null, from: null, until: null };
const quarterly: TaskRule = { id: 'meetings', unitId: 'mttq', formCode: '2.2', subFormId: null, every: 'quarter', atLeast: 2, dueOn: null, from: null, until: null };
const oneOff: TaskRule = { id: 'conference', unitId: 'vh-xh', formCode: '2.2', subFormId: 'conference', every: null, atLeast: 1, dueOn: '2025-03-20', from: null, until: null };
const openPlan: PlanPeriod = { periodFrom: null, periodTo: null };
const MARCH = { from: '2025-03-01', to: '2025-03-31' };
const UNITS = ['vh-xh', 'ttsnc', 'mttq'];

const act = (unitId: string, formCode: string, subFormId: string | null, startsOn: string, n = 1): DayCount => ({ unitId, formCode, subFormId, startsOn, n });
const stateOf = (task: TaskRule, activities: DayCount[], today: string, period = MARCH, plan = openPlan) =>
  taskStates({ tasks: [task], plan, period, today, unitIds: UNITS, count: countFrom(activities) })[0];

/** One radio column on each Monday from `from` to `to` (inclusive). */
function mondays(from: string, to: string): DayCount[] {
  const out: DayCount[] = [];
  for (let d = Date.parse(`${from}T00:00:00Z`); d <= Date.parse(`${to}T00:00:00Z`); d += 7 * 86_400_000) out.push(act('ttsnc', '2.4', 'radio-column', new Date(d).toISOString().slice(0, 10)));
  return out;
}

describe('task states', () => {
  it('a weekly task judges the weeks across the month ends whole: a column on Feb 24 meets the week that ends on Mar 2', () => {
    const weeks = deadlinesOf(radioWeekly, openPlan, MARCH);
    expect(weeks.map((w) => w.to)).toEqual(['2025-03-02', '2025-03-09', '2025-03-16', '2025-03-23', '2025-03-30', '2025-04-06']);
    // What the server is asked to count: each window, then the period.
    expect(countsNeeded([radioWeekly, quarterly], openPlan, MARCH, ['ttsnc']).map((c) => `${c.task.id} ${c.span.from}`)).toEqual([
      ...weeks.map((w) => `radio ${w.from}`),
      'radio 2025-03-01',
    ]);
    // Columns every Monday from Feb 24 to Mar 31: every week of March met.
    const s = stateOf(radioWeekly, mondays('2025-02-24', '2025-03-31'), '2025-04-07');
    expect(s).toMatchObject({ status: 'done', deadlines: 6, met: 6, missed: 0, recorded: 6, required: 6 });
  });

  it('a week missed in the middle makes the task overdue, naming that week', () => {
    const columns = mondays('2025-02-24', '2025-03-17').filter((a) => a.startsOn !== '2025-03-10');
    const s = stateOf(radioWeekly, columns, '2025-03-20');
    expect(s).toMatchObject({ status: 'overdue', met: 3, missed: 1, lastMissed: '2025-03-16', nextDue: '2025-03-30' });
  });

  it('the current week is not overdue before its Sunday is over; on Monday it is', () => {
    const columns = mondays('2025-02-24', '2025-03-03');
    // Today is Sunday Mar 9: the week of Mar 3 was met, the week of Mar 10 has not started.
    expect(stateOf(radioWeekly, columns, '2025-03-09')).toMatchObject({ status: 'on-track', nextDue: '2025-03-16', missed: 0 });
    // Sunday Mar 16, nothing since Mar 3: the week of Mar 10 is due today, still on time.
    expect(stateOf(radioWeekly, columns, '2025-03-16')).toMatchObject({ status: 'on-track', missed: 0, nextDue: '2025-03-16' });
    // Monday Mar 17: that week has passed unmet.
    expect(stateOf(radioWeekly, columns, '2025-03-17')).toMatchObject({ status: 'overdue', lastMissed: '2025-03-16', nextDue: '2025-03-23' });
  });

  it('a deadline passed with nothing at all recorded is "none", not merely overdue', () => {
    expect(stateOf(radioWeekly, [], '2025-03-12')).toMatchObject({ status: 'none', missed: 2, recorded: 0 });
    // Another unit's columns or another sub-form do not count.
    const others = [act('vh-xh', '2.4', 'radio-column', '2025-03-03'), act('ttsnc', '2.4', 'radio-news', '2025-03-03')];
    expect(stateOf(radioWeekly, others, '2025-03-12').status).toBe('none');
  });

  it('a one-off due later in the period is on track, even with nothing recorded yet', () => {
    expect(stateOf(oneOff, [], '2025-03-05')).toMatchObject({ status: 'on-track', nextDue: '2025-03-20', deadlines: 1 });
    expect(stateOf(oneOff, [], '2025-03-20').status).toBe('on-track');
    expect(stateOf(oneOff, [], '2025-03-21')).toMatchObject({ status: 'none', lastMissed: '2025-03-20' });
    // Done early, before the period began: the task counts from its own start (else the plan's, else the period's).
    const early = [act('vh-xh', '2.2', 'conference', '2025-02-14')];
    expect(stateOf({ ...oneOff, from: '2025-01-01' }, early, '2025-03-05').status).toBe('done');
    expect(stateOf(oneOff, early, '2025-03-05', MARCH, { periodFrom: '2025-01-01', periodTo: null }).status).toBe('done');
    expect(stateOf(oneOff, early, '2025-03-05').status).toBe('on-track');
    // Done after the due day does not meet it.
    expect(stateOf(oneOff, [act('vh-xh', '2.2', 'conference', '2025-03-25')], '2025-03-26').status).toBe('overdue');
  });

  it('a one-off belongs to the periods its days overlap, not to those after its due day', () => {
    expect(stateOf(oneOff, [], '2025-04-05', { from: '2025-04-01', to: '2025-04-30' })).toBeUndefined();
    // Viewed in February it is due later: on track.
    expect(stateOf(oneOff, [], '2025-02-05', { from: '2025-02-01', to: '2025-02-28' })).toMatchObject({ status: 'on-track', nextDue: '2025-03-20' });
  });

  it('a quarterly task viewed in a month is judged on its whole quarter, due at the quarter end', () => {
    const feb = { from: '2025-02-01', to: '2025-02-28' };
    const one = [act('mttq', '2.2', 'briefing', '2025-01-15')];
    expect(stateOf(quarterly, one, '2025-02-10', feb)).toMatchObject({ status: 'on-track', deadlines: 1, recorded: 1, required: 2, nextDue: '2025-03-31' });
    expect(stateOf(quarterly, one, '2025-04-01', feb)).toMatchObject({ status: 'overdue', lastMissed: '2025-03-31' });
    expect(stateOf(quarterly, [...one, act('mttq', '2.2', 'conference', '2025-03-31')], '2025-04-01', feb).status).toBe('done');
  });

  it('a year of weekly work straddles the year ends at both sides', () => {
    const year = { from: '2025-01-01', to: '2025-12-31' };
    const weeks = deadlinesOf(radioWeekly, openPlan, year);
    expect(weeks[0]).toEqual({ from: '2024-12-30', to: '2025-01-05' });
    expect(weeks.at(-1)).toEqual({ from: '2025-12-29', to: '2026-01-04' });
    expect(stateOf(radioWeekly, mondays('2024-12-30', '2025-12-29'), '2026-01-10', year)).toMatchObject({ status: 'done', deadlines: 53 });
  });

  it('the plan period and the task window clip the deadlines', () => {
    const plan = { periodFrom: '2025-03-10', periodTo: '2025-03-25' };
    const weeks = deadlinesOf(radioWeekly, plan, MARCH);
    expect(weeks).toEqual([
      { from: '2025-03-10', to: '2025-03-16' },
      { from: '2025-03-17', to: '2025-03-23' },
      { from: '2025-03-24', to: '2025-03-25' },
    ]);
    // A column on Mar 4 is before the plan began: it meets no deadline.
    expect(stateOf(radioWeekly, [act('ttsnc', '2.4', 'radio-column', '2025-03-04')], '2025-03-31', MARCH, plan)).toMatchObject({ status: 'overdue', missed: 3, recorded: 0 });
    const stopped = { ...radioWeekly, until: '2025-02-28' };
    expect(stateOf(stopped, [], '2025-03-31')).toBeUndefined();
  });

  it('keeps only the units shown: an officer sees only their own tasks', () => {
    const all = taskStates({ tasks: [radioWeekly, quarterly, oneOff], plan: openPlan, period: MARCH, today: '2025-03-05', unitIds: ['mttq'], count: countFrom([]) });
    expect(all.map((s) => s.taskId)).toEqual(['meetings']);
  });

  it('scales targets to the period and counts per unit, form and sub-form', () => {
    const counts = [
      { unitId: 'ttsnc', formCode: '2.4', subFormId: 'radio-news', n: 2 },
      { unitId: 'vh-xh', formCode: '2.4', subFormId: 'radio-column', n: 1 },
      { unitId: 'vh-xh', formCode: '2.1', subFormId: null, n: 7 },
    ];
    const states = targetStates({
      period: MARCH,
      counts,
      targets: [
        { formCode: '2.4', subFormId: null, unitId: null, count: 48, per: 'year' },
        { formCode: '2.4', subFormId: 'radio-news', unitId: 'ttsnc', count: 10, per: 'quarter' },
        { formCode: '2.4', subFormId: null, unitId: null, count: 1, per: 'year' },
        { formCode: '2.4', subFormId: null, unitId: null, count: 2, per: 'week' },
      ],
    });
    expect(states.map((s) => [s.expected, s.actual])).toEqual([
      [4, 3],
      [3, 2],
      [1, 3],
      [9, 3],
    ]);
  });
});
