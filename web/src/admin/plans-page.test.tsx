// @vitest-environment happy-dom
// The admin's plans page: the sample opens with its note, an edit is sent
// whole (PUT) and the list shows the ward's own plan; a refused YAML file
// lists each problem as file:line: message.
import { cleanup, render, screen, waitFor, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { parseYamlWith } from '../../../shared/content/parse-yaml.ts';
import { planInputSchema, type Plan, type PlanInput } from '../../../shared/plans/schema.ts';
import sampleText from '../../../shared/plans/sample-plan.yaml?raw';
import '../i18n/index.ts';
import PlansPage from './plans-page.tsx';

const input = parseYamlWith(planInputSchema, sampleText).value as PlanInput;
const sample: Plan = { ...input, id: 'sample-nq57', isSample: true, updatedAt: '2025-06-01T00:00:00.000Z' };
const units = [
  { id: 'vh-xh', name: 'Phòng Văn hóa - Xã hội', shortName: 'VH-XH', isSample: true },
  { id: 'ttsnc', name: 'Trung tâm sự nghiệp công', shortName: 'TTSNC', isSample: true },
];

/** A tiny server: the sample plan, replaced by whatever a PUT sends. */
function serve() {
  let plan = sample;
  const calls: Array<{ method: string; url: string; body: unknown }> = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    calls.push({ method, url, body });
    if (url === '/api/v1/units') return Response.json({ units });
    if (url === '/api/v1/plans' && method === 'GET') return Response.json({ plans: [plan] });
    if (url === '/api/v1/plans/sample-nq57' && method === 'GET') return Response.json(plan);
    if (url === '/api/v1/plans/sample-nq57' && method === 'PUT') {
      plan = { ...plan, ...(body as PlanInput), isSample: false };
      return Response.json(plan);
    }
    if (url === '/api/v1/plans/import') {
      const errors = [{ line: 4, message: 'issuedOn: Invalid ISO date', text: 'ke-hoach.yaml:4: issuedOn: Invalid ISO date' }];
      return Response.json({ error: { code: 'invalid_plan_file', message: errors[0].text, errors } }, { status: 422 });
    }
    return Response.json({ error: { code: 'not_found', message: 'no' } }, { status: 404 });
  });
  return calls;
}
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('plans page', () => {
  it("opens the sample, and a save sends the edited plan whole and makes it the ward's own", async () => {
    const calls = serve();
    const user = userEvent.setup();
    render(() => <PlansPage />);
    await user.click(await screen.findByRole('button', { name: 'Sửa kế hoạch …/KH-UBND' }));
    expect(await screen.findByText(/Đây là kế hoạch mẫu/)).toBeTruthy();
    expect(screen.getAllByTestId('plan-item')).toHaveLength(5);
    expect(screen.getAllByTestId('plan-form')).toHaveLength(5);
    expect(screen.getAllByTestId('plan-duty')).toHaveLength(4);
    expect(screen.getAllByTestId('plan-task')).toHaveLength(input.tasks.length);
    expect(screen.getAllByTestId('plan-target')).toHaveLength(input.targets.length);
    const number = screen.getByLabelText('Số, ký hiệu (ví dụ 123/KH-UBND)');
    await user.clear(number);
    await user.type(number, '123/KH-UBND');
    await user.type(screen.getByLabelText('Nơi nhận'), 'Thường trực Đảng ủy phường');
    await user.click(screen.getByRole('button', { name: 'Lưu kế hoạch' }));
    await waitFor(() => expect(screen.getByText('Đã lưu.')).toBeTruthy());
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.body).toEqual({ ...input, numberSymbol: '123/KH-UBND', recipients: ['Thường trực Đảng ủy phường'] });
    expect(screen.queryByText(/Đây là kế hoạch mẫu/)).toBeNull();
    expect(screen.getByTestId('plan-list').textContent).toContain('123/KH-UBND');
    expect(screen.getByTestId('plan-list').querySelector('.badge')).toBeNull();
  });

  it('adds a one-off task with a due day, and the save sends it with the plan', async () => {
    const calls = serve();
    const user = userEvent.setup();
    render(() => <PlansPage />);
    await user.click(await screen.findByRole('button', { name: 'Sửa kế hoạch …/KH-UBND' }));
    await user.click(await screen.findByRole('button', { name: 'Thêm việc cần làm' }));
    const row = screen.getAllByTestId('plan-task').at(-1)!;
    await user.type(within(row).getByLabelText('Mã việc'), 'mttq-report');
    await user.selectOptions(within(row).getByLabelText('Đơn vị'), 'ttsnc');
    await user.type(within(row).getByLabelText('Việc cần làm'), 'Báo cáo kết quả quý I');
    await user.selectOptions(within(row).getByLabelText('Loại'), 'once');
    const due = within(row).getByLabelText('Hạn hoàn thành');
    await user.type(due, '2025-03-31');
    await user.click(screen.getByRole('button', { name: 'Lưu kế hoạch' }));
    await waitFor(() => expect(screen.getByText('Đã lưu.')).toBeTruthy());
    const put = calls.find((c) => c.method === 'PUT')!.body as PlanInput;
    expect(put.tasks.at(-1)).toEqual({ id: 'mttq-report', unitId: 'ttsnc', title: 'Báo cáo kết quả quý I', formCode: '2.1', subFormId: null, every: null, atLeast: 1, dueOn: '2025-03-31', from: null, until: null });
    expect(put.tasks).toHaveLength(input.tasks.length + 1);
  });

  it('lists every problem of a refused YAML file as file:line: message', async () => {
    serve();
    const user = userEvent.setup();
    render(() => <PlansPage />);
    const file = new File(['numberSymbol: "1/KH"\n'], 'ke-hoach.yaml', { type: 'text/yaml' });
    await user.upload(await screen.findByLabelText('Chọn tệp'), file);
    await user.click(screen.getByRole('button', { name: 'Kiểm tra' }));
    await waitFor(() => expect(screen.getByTestId('plan-file-errors').textContent).toContain('ke-hoach.yaml:4: issuedOn: Invalid ISO date'));
    expect(screen.getByText('Tệp có 1 lỗi, chưa lưu gì:')).toBeTruthy();
  });
});
