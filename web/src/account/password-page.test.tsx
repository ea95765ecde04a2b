// @vitest-environment happy-dom
// Changing one's own password: the browser's password manager can fill and
// paste, and every refusal of the server's policy reads as a plain sentence.
import { cleanup, render, screen, waitFor } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../i18n/index.ts';
import PasswordPage from './password-page.tsx';

function serve(answer: { status: number; code?: string }) {
  const bodies: unknown[] = [];
  vi.stubGlobal('fetch', async (_url: string, init: RequestInit) => {
    bodies.push(JSON.parse(String(init.body)));
    return answer.status === 200 ? Response.json({ user: {} }) : Response.json({ error: { code: answer.code, message: 'x' } }, { status: answer.status });
  });
  return bodies;
}
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

async function fill(current: string, next: string, again = next) {
  const user = userEvent.setup();
  await user.click(screen.getByLabelText('Mật khẩu hiện tại'));
  await user.paste(current); // pasting is allowed
  await user.type(screen.getByLabelText('Mật khẩu mới'), next);
  await user.type(screen.getByLabelText('Nhập lại mật khẩu mới'), again);
  await user.click(screen.getByRole('button', { name: 'Đổi mật khẩu' }));
}

describe('password page', () => {
  it('tells the browser which field is which', () => {
    render(() => <PasswordPage />);
    expect(screen.getByLabelText('Mật khẩu hiện tại').getAttribute('autocomplete')).toBe('current-password');
    expect(screen.getByLabelText('Mật khẩu mới').getAttribute('autocomplete')).toBe('new-password');
    expect(screen.getByLabelText('Nhập lại mật khẩu mới').getAttribute('autocomplete')).toBe('new-password');
  });

  it('sends the pasted current password and the new one, then says it is done', async () => {
    const bodies = serve({ status: 200 });
    render(() => <PasswordPage />);
    await fill('cũ dán từ trình quản lý', 'một câu dài dễ nhớ');
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Đã đổi mật khẩu'));
    expect(bodies).toEqual([{ currentPassword: 'cũ dán từ trình quản lý', newPassword: 'một câu dài dễ nhớ' }]);
  });

  it.each([
    ['password_too_common', 'quá phổ biến'],
    ['password_is_username', 'trùng tên đăng nhập'],
    ['wrong_current_password', 'hiện tại không đúng'],
  ])('explains a %s refusal in Vietnamese', async (code, text) => {
    serve({ status: 400, code });
    render(() => <PasswordPage />);
    await fill('old password', 'iloveyou1');
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain(text));
  });

  it('catches two different new passwords before sending anything', async () => {
    const bodies = serve({ status: 200 });
    render(() => <PasswordPage />);
    await fill('old password', 'một câu dài dễ nhớ', 'một câu dài dễ nhớ!');
    expect(screen.getByRole('alert').textContent).toContain('không giống nhau');
    expect(bodies).toEqual([]);
  });
});
