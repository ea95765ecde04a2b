// @vitest-environment happy-dom
// The admin's units editor: renaming a unit sends PUT with the new names,
// adding one sends POST and clears the form, a taken abbreviation is said in
// words, and the list is read again after each change.
import { cleanup, render, screen, waitFor, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Unit } from '../../../shared/plans/schema.ts';
import '../i18n/index.ts';
import { UnitsEditor } from './units-editor.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const UNITS: Unit[] = [
  { id: 'vh-xh', name: 'Phòng Văn hóa - Xã hội', shortName: 'VH-XH', isSample: true },
  { id: 'mttq', name: 'Ủy ban MTTQ', shortName: 'MTTQ', isSample: true },
];

describe('units editor', () => {
  it('renames a unit, adds one, and says so when the abbreviation is taken', async () => {
    const calls: Array<{ method: string; url: string; body: unknown }> = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
      const body = JSON.parse(String(init.body));
      calls.push({ method: init.method ?? 'GET', url, body });
      if (init.method === 'POST' && body.shortName === 'MTTQ') return Response.json({ error: { code: 'conflict', message: 'A unit "mttq" already exists' } }, { status: 409 });
      return Response.json({ id: 'x', ...body, isSample: false }, { status: init.method === 'POST' ? 201 : 200 });
    });
    const reload = vi.fn();
    const user = userEvent.setup();
    render(() => <UnitsEditor units={UNITS} onChanged={reload} />);

    const row = within(screen.getAllByTestId('unit-row')[1]);
    const save = row.getByRole('button', { name: 'Lưu tên đơn vị MTTQ' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true); // nothing changed yet
    await user.clear(row.getByLabelText('Tên đầy đủ'));
    await user.type(row.getByLabelText('Tên đầy đủ'), 'Ủy ban Mặt trận Tổ quốc Việt Nam phường');
    await user.click(save);
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Đã lưu tên đơn vị MTTQ.'));
    expect(calls).toEqual([{ method: 'PUT', url: '/api/v1/units/mttq', body: { name: 'Ủy ban Mặt trận Tổ quốc Việt Nam phường', shortName: 'MTTQ' } }]);
    expect(reload).toHaveBeenCalledOnce();

    const add = within(screen.getByTestId('new-unit-form'));
    await user.type(add.getByLabelText('Tên viết tắt'), 'MTTQ');
    await user.type(add.getByLabelText('Tên đầy đủ'), 'Mặt trận (trùng)');
    await user.click(add.getByRole('button', { name: 'Thêm đơn vị' }));
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('Đã có đơn vị với tên viết tắt này'));
    expect((add.getByLabelText('Tên viết tắt') as HTMLInputElement).value).toBe('MTTQ'); // kept to fix

    await user.clear(add.getByLabelText('Tên viết tắt'));
    await user.type(add.getByLabelText('Tên viết tắt'), 'ĐTN');
    await user.clear(add.getByLabelText('Tên đầy đủ'));
    await user.type(add.getByLabelText('Tên đầy đủ'), 'Đoàn Thanh niên phường');
    await user.click(add.getByRole('button', { name: 'Thêm đơn vị' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toBe('Đã thêm đơn vị ĐTN.'));
    expect(calls.at(-1)).toEqual({ method: 'POST', url: '/api/v1/units', body: { name: 'Đoàn Thanh niên phường', shortName: 'ĐTN' } });
    expect((add.getByLabelText('Tên viết tắt') as HTMLInputElement).value).toBe('');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(reload).toHaveBeenCalledTimes(2);
  });
});
