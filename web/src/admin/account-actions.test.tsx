// @vitest-environment happy-dom
// An admin resets a colleague's password: the new password reads as done (the
// green notice), not in the red box a failure uses.
import { cleanup, render, screen, waitFor } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import '../i18n/index.ts';
import type { StaffAccount } from '../../../shared/guide/api.ts';
import { AccountActions } from './account-actions.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

const hoa = { id: 'u1', username: 'hoa', displayName: 'Chị Hoa', role: 'guide', team: null, groups: [], disabled: false, unitId: null } as unknown as StaffAccount;

describe('an account’s actions', () => {
  it('shows a reset password as done, and a refused reset as an error', async () => {
    let answer: Response = Response.json({ password: 'Mật-khẩu-mới-42' });
    vi.stubGlobal('fetch', async () => answer);
    const user = userEvent.setup();
    render(() => <AccountActions account={hoa} />);
    const reset = screen.getAllByRole('button')[0];
    await user.click(reset);
    await waitFor(() => expect(screen.getByTestId('account-action-result').textContent).toContain('Mật-khẩu-mới-42'));
    expect(screen.getByTestId('account-action-result').className).toBe('notice ok');

    answer = Response.json({ error: { code: 'forbidden', message: 'no' } }, { status: 403 });
    await user.click(reset);
    await waitFor(() => expect(screen.getByTestId('account-action-result').className).toBe('notice'));
    expect(screen.getByRole('alert')).toBeTruthy();
  });
});
