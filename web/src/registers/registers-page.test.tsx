// @vitest-environment happy-dom
// The registers page: offline it says the registers need a connection and
// shows no form; a unit officer gets the filing form and their list; VH-XH
// gets every unit's list and records the handling beside it.
import { cleanup, render, screen, waitFor } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StaffUser } from '../../../shared/api.ts';
import type { Plan } from '../../../shared/plans/schema.ts';
import type { Difficulty } from '../../../shared/registers/schema.ts';
import '../i18n/index.ts';
import type { RegistersApi } from './registers-api.ts';
import { RegistersView } from './registers-page.tsx';

const plan = { id: 'sample-nq57', numberSymbol: '…/KH-UBND', title: 'Kế hoạch mẫu', contentItems: [{ code: '1.2', title: 'Nghị quyết 57', points: [] }] } as unknown as Plan;
const difficulty: Difficulty = {
  id: 'd1',
  unitId: 'ttsnc',
  unitName: 'Trung tâm sự nghiệp công',
  planId: 'sample-nq57',
  itemCode: '1.2',
  summary: 'Thiếu loa ở tổ 5',
  details: '',
  raisedOn: '2025-06-02',
  status: 'new',
  handling: null,
  handledOn: null,
  proposedOn: null,
  resolvedOn: null,
  filedAt: '2025-06-02T03:00:00.000Z',
  updatedAt: '2025-06-02T03:00:00.000Z',
};

function fakeApi(role: StaffUser['role']) {
  let rows = [difficulty];
  const api = {
    me: async () => ({ id: 'u1', username: 'x', displayName: 'X', role, team: null }),
    plans: async () => [{ id: plan.id, numberSymbol: plan.numberSymbol, title: plan.title }],
    plan: async () => plan,
    difficulties: vi.fn(async () => rows),
    handleDifficulty: vi.fn(async (_id: string, input: { status: string; handling: string; handledOn: string }) => {
      rows = [{ ...difficulty, ...input, status: input.status as Difficulty['status'] }];
      return rows[0];
    }),
    fileDifficulty: vi.fn(async () => difficulty),
    correctDifficulty: vi.fn(async (_id: string, input: { summary: string }) => {
      rows = [{ ...difficulty, summary: input.summary }];
      return rows[0];
    }),
  };
  return api as unknown as RegistersApi & typeof api;
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('registers page', () => {
  it('offline: says the registers need a connection and offers no form', async () => {
    vi.stubGlobal('navigator', { ...navigator, onLine: false });
    const api = fakeApi('unit');
    render(() => <RegistersView register="difficulties" api={api} />);
    expect((await screen.findByTestId('registers-offline')).textContent).toContain('Sổ theo dõi chỉ dùng được khi có mạng');
    expect(screen.queryByTestId('difficulty-form')).toBeNull();
    expect(api.difficulties).not.toHaveBeenCalled();
  });

  it("a unit officer gets the filing form and their unit's list, without the handling", async () => {
    render(() => <RegistersView register="difficulties" api={fakeApi('unit')} />);
    expect(await screen.findByTestId('difficulty-form')).toBeTruthy();
    await waitFor(() => expect(screen.getByTestId('difficulty-list').textContent).toContain('Thiếu loa ở tổ 5'));
    expect(screen.queryByRole('button', { name: /Ghi xử lý/ })).toBeNull();
    expect(screen.getByRole('link', { name: 'Khó khăn, vướng mắc' }).getAttribute('aria-current')).toBe('page');
    expect(screen.getByTestId('registers-back').getAttribute('href')).toBe('/unit');
  });

  it('a unit officer corrects a new entry in the same form, sent as a correction', async () => {
    const user = userEvent.setup();
    const api = fakeApi('unit');
    render(() => <RegistersView register="difficulties" api={api} />);
    await user.click(await screen.findByRole('button', { name: 'Sửa: Thiếu loa ở tổ 5' }));
    const summary = screen.getByLabelText('Tóm tắt') as HTMLInputElement;
    expect(summary.value).toBe('Thiếu loa ở tổ 5');
    await user.clear(summary);
    await user.type(summary, 'Thiếu hai loa ở tổ 5');
    await user.click(screen.getByRole('button', { name: 'Lưu bản sửa' }));
    await waitFor(() => expect(screen.getByTestId('difficulty-list').textContent).toContain('Thiếu hai loa ở tổ 5'));
    expect(api.correctDifficulty.mock.calls[0][0]).toBe('d1');
    expect(api.fileDifficulty).not.toHaveBeenCalled();
  });

  it('VH-XH records the handling beside the list, which then shows it', async () => {
    const user = userEvent.setup();
    const api = fakeApi('reviewer');
    render(() => <RegistersView register="difficulties" api={api} />);
    await user.click(await screen.findByRole('button', { name: 'Ghi xử lý: Thiếu loa ở tổ 5' }));
    expect(screen.queryByTestId('difficulty-form')).toBeNull();
    await user.type(screen.getByLabelText('Cách xử lý, hoặc nội dung đề xuất UBND phường'), 'Đã sửa loa.');
    await user.selectOptions(screen.getByLabelText('Trạng thái'), 'resolved');
    await user.click(screen.getByRole('button', { name: 'Lưu kết quả xử lý' }));
    await waitFor(() => expect(screen.getByTestId('difficulty-list').textContent).toContain('Đã giải quyết'));
    expect(api.handleDifficulty.mock.calls[0][0]).toBe('d1');
    expect(screen.getByTestId('difficulty-list').textContent).toContain('Trung tâm sự nghiệp công');
    expect(screen.getByTestId('registers-back').getAttribute('href')).toBe('/ward');
  });
});
