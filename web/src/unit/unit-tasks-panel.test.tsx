// @vitest-environment happy-dom
// The officer's tasks on the phone: late ones first, in words with a sign,
// from the kept copy with its age; and what the page says before any copy.
import { cleanup, render, screen } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { Tracker } from '../../../shared/units/api.ts';
import '../i18n/index.ts';
import './strings.ts';
import { UnitTasksPanel } from './unit-tasks-panel.tsx';
import { ageOf, readTasks } from './unit-tasks.ts';

const task = (over: Partial<Tracker['tasks'][number]>): Tracker['tasks'][number] => ({
  taskId: 'ttsnc-portal',
  unitId: 'ttsnc',
  title: 'Tin bài trên Cổng',
  formCode: '2.1',
  subFormId: 'portal-article',
  every: 'month',
  atLeast: 2,
  dueOn: null,
  status: 'on-track',
  deadlines: 3,
  met: 2,
  missed: 0,
  recorded: 4,
  required: 6,
  nextDue: '2025-03-31',
  lastMissed: null,
  ...over,
});
const tracker = { tasks: [task({}), task({ taskId: 'ttsnc-radio', title: 'Chuyên mục truyền thanh', status: 'overdue', lastMissed: '2025-03-16', nextDue: '2025-03-23' })] } as Tracker;
const READ_AT = '2025-03-17T01:00:00.000Z';

afterEach(cleanup);

describe("the unit officer's tasks", () => {
  it('lists the late task first as overdue, with the day it was missed and the age of the copy', () => {
    render(() => <UnitTasksPanel kept={{ readAt: READ_AT, plans: [{ planId: 'sample-nq57', numberSymbol: '…/KH-UBND', tracker }] }} now={Date.parse(READ_AT) + 3 * 3_600_000 + 5 * 60_000} />);
    const rows = screen.getAllByTestId('unit-task');
    expect(rows.map((r) => r.dataset.status)).toEqual(['overdue', 'on-track']);
    expect(rows[0].textContent).toContain('! Quá hạn');
    expect(rows[0].textContent).toContain('Chuyên mục truyền thanh');
    expect(rows[0].textContent).toContain('Lỡ hạn ngày 16/3/2025');
    expect(rows[1].textContent).toContain('Hạn tiếp theo: 31/3/2025');
    expect(screen.getByTestId('unit-tasks-late').textContent).toBe('1 nhiệm vụ quá hạn');
    expect(screen.getByTestId('unit-tasks-age').textContent).toContain('(3 giờ trước)');
  });

  it('says the tasks are not loaded yet when the device has no copy', () => {
    render(() => <UnitTasksPanel kept={null} now={Date.now()} />);
    expect(screen.getByTestId('unit-tasks').textContent).toContain('Chưa tải được nhiệm vụ');
  });

  it('reads each plan for the current Vietnam quarter, and gives the age in minutes, hours or days', async () => {
    const asked: string[] = [];
    const kept = await readTasks(
      { tracker: async (planId, span) => (asked.push(`${planId} ${span.from} ${span.to}`), tracker) },
      { unit: { id: 'ttsnc', name: 'TTSNC', shortName: 'TTSNC', isSample: true }, plans: [{ id: 'a', numberSymbol: '1/KH' }, { id: 'b', numberSymbol: '2/KH' }] } as never,
      Date.parse('2025-03-31T17:30:00Z'), // already 1 April in Vietnam
    );
    expect(asked).toEqual(['a 2025-04-01 2025-06-30', 'b 2025-04-01 2025-06-30']);
    expect(kept.plans.map((p) => p.numberSymbol)).toEqual(['1/KH', '2/KH']);
    expect(ageOf(READ_AT, Date.parse(READ_AT) + 59 * 60_000)).toEqual({ unit: 'minutes', count: 59 });
    expect(ageOf(READ_AT, Date.parse(READ_AT) + 47 * 3_600_000)).toEqual({ unit: 'hours', count: 47 });
    expect(ageOf(READ_AT, Date.parse(READ_AT) + 50 * 3_600_000)).toEqual({ unit: 'days', count: 2 });
  });
});
