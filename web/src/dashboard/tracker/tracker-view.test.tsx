// @vitest-environment happy-dom
// The office's tracker as a person reads it: statuses in words with a sign
// (not colour alone), forms against targets, content items nobody served,
// and how long ago each unit last recorded something.
import { cleanup, render, screen, within } from '@solidjs/testing-library';
import { afterEach, describe, expect, it } from 'vitest';
import type { Tracker } from '../../../../shared/units/api.ts';
import '../../i18n/index.ts';
import './strings.ts';
import { TrackerView } from './tracker-view.tsx';

const task = (over: Partial<Tracker['tasks'][number]>): Tracker['tasks'][number] => ({
  taskId: 'ttsnc-radio-column',
  unitId: 'ttsnc',
  title: 'Chuyên mục truyền thanh',
  formCode: '2.4',
  subFormId: 'radio-column',
  every: 'week',
  atLeast: 1,
  dueOn: null,
  status: 'done',
  deadlines: 6,
  met: 6,
  missed: 0,
  recorded: 6,
  required: 6,
  nextDue: null,
  lastMissed: null,
  ...over,
});

const TRACKER: Tracker = {
  planId: 'sample-nq57',
  from: '2025-03-01',
  to: '2025-03-31',
  period: { from: '2025-03-01', to: '2025-03-31' },
  today: '2025-03-17',
  forms: [
    { code: '2.1', title: 'Nền tảng số' },
    { code: '2.4', title: 'Truyền thanh' },
  ],
  units: [
    { id: 'ttsnc', shortName: 'TTSNC', name: 'Trung tâm sự nghiệp công', perForm: { '2.4': 2, '2.1': 3 }, total: 5, lastActivityOn: '2025-03-12', latestOn: '2025-03-12' },
    { id: 'mttq', shortName: 'MTTQ', name: 'Ủy ban MTTQ', perForm: {}, total: 0, lastActivityOn: null, latestOn: null },
  ],
  contentItems: [
    { code: '1.1', title: 'Chủ trương, chính sách', activities: 0 },
    { code: '1.2', title: 'Nội dung Nghị quyết', activities: 5 },
  ],
  guideSessions: null,
  tasks: [
    task({ status: 'overdue', met: 2, missed: 1, recorded: 2, lastMissed: '2025-03-16', nextDue: '2025-03-23' }),
    task({ taskId: 'mttq-meetings', unitId: 'mttq', title: 'Hội nghị của Mặt trận', formCode: '2.2', subFormId: null, every: 'quarter', status: 'on-track', deadlines: 1, met: 0, recorded: 0, required: 1, nextDue: '2025-03-31' }),
    task({ taskId: 'ttsnc-portal', title: 'Tin bài trên Cổng', formCode: '2.1', every: 'month', atLeast: 2, deadlines: 1, met: 1, recorded: 3, required: 2 }),
  ],
  targets: [{ formCode: '2.4', subFormId: null, unitId: null, count: 52, per: 'year', expected: 4, actual: 2 }],
};

afterEach(cleanup);

describe('tracker view', () => {
  it('says each task\'s status in words with a sign, and when the missed or next deadline is', () => {
    render(() => <TrackerView tracker={TRACKER} />);
    const rows = screen.getAllByTestId('task-row');
    expect(rows).toHaveLength(3);
    const radio = rows[0];
    expect(radio.textContent).toContain('TTSNC');
    expect(within(radio).getByText(/Quá hạn/).textContent).toContain('!');
    expect(radio.textContent).toContain('Lỡ hạn: 16/3/2025');
    expect(radio.textContent).toContain('Đạt 2/6 kỳ hạn');
    expect(rows[1].textContent).toContain('Đúng tiến độ');
    expect(rows[1].textContent).toContain('Hạn tiếp theo: 31/3/2025');
    expect(rows[1].textContent).toContain('ít nhất 1 mỗi quý');
    expect(rows[2].textContent).toContain('✓');
    expect(rows[2].textContent).toContain('Đã hoàn thành');
    expect(screen.getByTestId('tracker-overdue-count').textContent).toBe('1 nhiệm vụ quá hạn.');
  });

  it('counts activities per form with the ward total and the target, names content not served and each unit\'s last activity', () => {
    render(() => <TrackerView tracker={TRACKER} />);
    const units = screen.getAllByTestId('unit-row');
    // 2.1, 2.4, total.
    expect([...units[0].querySelectorAll('td')].slice(0, 3).map((td) => td.textContent)).toEqual(['3', '2', '5']);
    expect(within(units[0]).getByTestId('unit-last').textContent).toBe('12/3/2025 (5 ngày trước)');
    expect(within(units[1]).getByTestId('unit-last').textContent).toBe('Chưa ghi nhận hoạt động nào');
    expect(screen.getByTestId('tracker-targets').textContent).toContain('2/4');
    expect(screen.getByTestId('tracker-targets').textContent).toContain('Chưa đạt');
    const uncovered = screen.getByTestId('tracker-uncovered');
    expect(uncovered.textContent).toContain('1 nội dung chưa có hoạt động nào trong kỳ');
    expect(uncovered.textContent).toContain('1.1 Chủ trương, chính sách');
    expect(uncovered.textContent).not.toContain('1.2');
  });
});
