// @vitest-environment happy-dom
// The admin's unit officer form: the account is created with role unit and
// the chosen unit, and the one-time password is shown.
import { cleanup, render, screen, waitFor } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../i18n/index.ts';
import { UnitOfficerForm } from './unit-officer-form.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('unit officer form', () => {
  it('creates an account bound to the chosen unit and shows its password once', async () => {
    const posts: unknown[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
      if (url === '/api/v1/units')
        return Response.json({ units: [{ id: 'vh-xh', name: 'Phòng Văn hóa - Xã hội', shortName: 'VH-XH', isSample: true }, { id: 'mttq', name: 'Ủy ban MTTQ', shortName: 'MTTQ', isSample: true }] });
      posts.push(JSON.parse(String(init.body)));
      return Response.json({ account: { username: 'hoa-mttq' }, password: 'Mật-khẩu-một-lần-42' }, { status: 201 });
    });
    const created = vi.fn();
    const user = userEvent.setup();
    render(() => <UnitOfficerForm onCreated={created} />);
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(2));
    await user.type(screen.getByLabelText('Tên đăng nhập'), 'hoa-mttq');
    await user.type(screen.getByLabelText('Họ tên'), 'Chị Hoa');
    await user.selectOptions(screen.getByLabelText('Đơn vị'), 'mttq');
    await user.click(screen.getByRole('button', { name: 'Tạo tài khoản cán bộ đơn vị' }));
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Mật-khẩu-một-lần-42'));
    expect(posts).toEqual([{ username: 'hoa-mttq', displayName: 'Chị Hoa', unitId: 'mttq', role: 'unit' }]);
    expect(created).toHaveBeenCalledOnce();
    // Done reads as done (not the red error box), and the form is ready for the next officer.
    expect(screen.getByRole('status').className).toBe('notice ok');
    expect((screen.getByLabelText('Tên đăng nhập') as HTMLInputElement).value).toBe('');
  });

  it('says why an account was not created, as an error', async () => {
    vi.stubGlobal('fetch', async (url: string) =>
      url === '/api/v1/units'
        ? Response.json({ units: [{ id: 'mttq', name: 'Ủy ban MTTQ', shortName: 'MTTQ', isSample: true }] })
        : Response.json({ error: { code: 'username_taken', message: 'taken' } }, { status: 409 }),
    );
    const user = userEvent.setup();
    render(() => <UnitOfficerForm onCreated={() => undefined} />);
    await waitFor(() => expect(screen.getAllByRole('option')).toHaveLength(1));
    await user.type(screen.getByLabelText('Tên đăng nhập'), 'hoa-mttq');
    await user.type(screen.getByLabelText('Họ tên'), 'Chị Hoa');
    await user.click(screen.getByRole('button', { name: 'Tạo tài khoản cán bộ đơn vị' }));
    await waitFor(() => expect(screen.getByRole('alert').className).toBe('notice'));
  });
});
