// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import VneidLogin from './vneid-login.tsx';

afterEach(cleanup);

const setup = () => {
  const onDone = vi.fn();
  render(() => <VneidLogin onDone={onDone} />);
  return { onDone, user: userEvent.setup() };
};

describe('VNeID practice', () => {
  it('logs in with the dummy account, reads level 1 and picks the in-person route to level 2', async () => {
    const { onDone, user } = setup();
    // Only dummy data, already filled in; nothing real is asked for.
    expect(screen.getByDisplayValue('0000 0000 0000')).toHaveProperty('readOnly', true);
    await user.click(screen.getByTestId('vneid-login'));
    expect(screen.getByText('Xin chào, NGUYỄN VĂN A')).toBeTruthy();
    await user.click(screen.getByTestId('vneid-account'));
    expect(screen.getByTestId('vneid-level').textContent).toBe('Mức 1');
    await user.click(screen.getByTestId('vneid-level-level1'));
    expect(onDone).not.toHaveBeenCalled();
    await user.click(screen.getByTestId('vneid-option-police'));
    expect(screen.getByTestId('practice-feedback').textContent).toContain('trực tiếp tại công an');
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('explains why the "upgrade via link" message is a scam, and does not count it as done', async () => {
    const { onDone, user } = setup();
    await user.click(screen.getByTestId('vneid-login'));
    await user.click(screen.getByTestId('vneid-fake-upgrade'));
    const feedback = screen.getByTestId('practice-feedback').textContent!;
    expect(feedback).toContain('Chưa đúng');
    expect(feedback).toContain('Công an không gửi link');
    expect(feedback).toContain('OTP');
    expect(onDone).not.toHaveBeenCalled();
  });

  it('explains a wrong level and a wrong way to level 2, and only then lets the learner finish', async () => {
    const { onDone, user } = setup();
    await user.click(screen.getByTestId('vneid-login'));
    await user.click(screen.getByTestId('vneid-account'));
    await user.click(screen.getByTestId('vneid-level-level2'));
    expect(screen.getByTestId('practice-feedback').textContent).toContain('“Mức 1”');
    expect(screen.queryByTestId('vneid-option-police')).toBeNull();
    await user.click(screen.getByTestId('vneid-level-level1'));
    await user.click(screen.getByTestId('vneid-option-link'));
    expect(screen.getByTestId('practice-feedback').textContent).toContain('lừa đảo');
    await user.click(screen.getByTestId('vneid-option-selfie'));
    expect(screen.getByTestId('practice-feedback').textContent).toContain('chỉ dùng để đăng ký mức 1');
    expect(onDone).not.toHaveBeenCalled();
    await user.click(screen.getByTestId('vneid-option-police'));
    expect(onDone).toHaveBeenCalledTimes(1);
  });
});
