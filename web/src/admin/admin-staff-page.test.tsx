// @vitest-environment happy-dom
// The admin's staff page as an admin uses it (UX review 2026-12, minor 16):
// the admin links, one name for the page, accounts listed by name with role,
// team and groups in words, a reviewer created and the form emptied, the
// one-time password in the success style, a guide's groups changed.
import { cleanup, render, screen, waitFor, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StaffAccount } from '../../../shared/guide/api.ts';
import '../i18n/index.ts';
import AdminStaffPage from './admin-staff-page.tsx';

const hung: StaffAccount = { id: 'u1', username: 'hung', displayName: 'Nguyễn Văn Hùng', role: 'guide', team: 'cns', groups: ['tdp-1'], disabled: false, unitId: null };
const GROUPS = [
  { id: 'tdp-1', name: 'Tổ dân phố Hòa Bình' },
  { id: 'tdp-2', name: 'Tổ dân phố Quyết Thắng' },
];

function serveStaff() {
  const accounts = [hung];
  const sent: Array<{ method: string; url: string; body: unknown }> = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const method = init.method ?? 'GET';
    const body = init.body ? JSON.parse(String(init.body)) : undefined;
    sent.push({ method, url, body });
    if (url.endsWith('/api/v1/ward')) return Response.json({ groups: GROUPS });
    if (method === 'GET' && url.endsWith('/api/v1/staff')) return Response.json({ accounts });
    if (method === 'POST' && url.endsWith('/api/v1/staff')) {
      const account: StaffAccount = { id: 'u2', ...body, disabled: false };
      accounts.push(account);
      return Response.json({ account, password: 'abcd-efgh-jkmn-pqrs' }, { status: 201 });
    }
    if (method === 'PUT' && url.endsWith('/api/v1/staff/hung/groups')) return Response.json({ ...hung, groups: body.groups });
    return Response.json({ error: { code: 'not_found', message: 'no' } }, { status: 404 });
  });
  return sent;
}
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('admin staff page', () => {
  it('has the admin links and the same name as its link', async () => {
    serveStaff();
    render(() => <AdminStaffPage />);
    const nav = await screen.findByRole('navigation');
    const link = within(nav).getByRole('link', { name: 'Tài khoản đăng nhập' });
    expect(link.getAttribute('href')).toBe('/admin/staff');
    expect(within(nav).getByRole('link', { name: 'Nhật ký thao tác' })).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Tài khoản đăng nhập');
  });

  it('lists an account by display name, with role, team and groups in words, not codes', async () => {
    serveStaff();
    render(() => <AdminStaffPage />);
    await waitFor(() => expect(screen.getByTestId('account-row').textContent).toContain('Tổ dân phố Hòa Bình'));
    const row = screen.getByTestId('account-row').textContent!;
    expect(row).toContain('Nguyễn Văn Hùng');
    expect(row).toContain('Tổ công nghệ số');
    expect(row).toContain('Công nghệ số cộng đồng');
    expect(row).not.toMatch(/tdp-1|· guide ·|· cns ·/);
  });

  it('creates a reviewer (no team, no groups), shows the password once as a success and empties the form', async () => {
    const sent = serveStaff();
    const user = userEvent.setup();
    render(() => <AdminStaffPage />);
    const form = await screen.findByTestId('new-account');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Vai trò' }), 'reviewer');
    expect(within(form).queryByRole('group', { name: 'Tổ dân phố' })).toBeNull();
    await user.type(within(form).getByRole('textbox', { name: 'Tên đăng nhập' }), 'mai.vhxh');
    await user.type(within(form).getByRole('textbox', { name: 'Tên hiển thị' }), 'Trần Thị Mai');
    await user.click(within(form).getByRole('button', { name: 'Tạo tài khoản' }));

    const result = await screen.findByTestId('new-account-result');
    expect(result.textContent).toContain('abcd-efgh-jkmn-pqrs');
    expect(result.textContent).toContain('Trần Thị Mai');
    expect(result.className).toBe('notice ok');
    expect(result.getAttribute('role')).toBe('status');
    expect(sent.find((r) => r.method === 'POST')!.body).toEqual({ username: 'mai.vhxh', displayName: 'Trần Thị Mai', role: 'reviewer', team: null, groups: [] });
    expect((within(form).getByRole('textbox', { name: 'Tên đăng nhập' }) as HTMLInputElement).value).toBe('');
    expect((within(form).getByRole('textbox', { name: 'Tên hiển thị' }) as HTMLInputElement).value).toBe('');
    await waitFor(() => expect(screen.getAllByTestId('account-row')).toHaveLength(2));
    expect(screen.getAllByTestId('account-row')[1].textContent).toContain('Phòng Văn hóa - Xã hội');
  });

  it("changes a guide's residential groups", async () => {
    const sent = serveStaff();
    const user = userEvent.setup();
    render(() => <AdminStaffPage />);
    const row = await screen.findByTestId('account-row');
    await waitFor(() => expect(row.textContent).toContain('Tổ dân phố Hòa Bình'));
    await user.click(within(row).getByRole('button', { name: /Đổi tổ dân phố phụ trách/ }));
    await user.click(within(row).getByRole('checkbox', { name: 'Tổ dân phố Quyết Thắng' }));
    await user.click(within(row).getByRole('button', { name: 'Lưu tổ phụ trách' }));
    await waitFor(() => expect(row.textContent).toContain('Tổ dân phố Hòa Bình, Tổ dân phố Quyết Thắng'));
    expect(sent.find((r) => r.method === 'PUT')!.body).toEqual({ groups: ['tdp-1', 'tdp-2'] });
    expect(within(row).getByRole('status').className).toBe('notice ok');
  });
});
