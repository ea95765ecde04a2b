// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import VietqrTransfer from './vietqr-transfer.tsx';

afterEach(cleanup);

const setup = () => {
  const onDone = vi.fn();
  render(() => <VietqrTransfer onDone={onDone} />);
  return { onDone, user: userEvent.setup() };
};
type User = ReturnType<typeof userEvent.setup>;

async function payWithOtp(user: User) {
  await user.click(screen.getByTestId('vietqr-scan'));
  expect(screen.getByTestId('vietqr-recipient').textContent).toBe('TRAN VAN B');
  await user.click(screen.getByTestId('vietqr-name-wrong'));
  await user.click(screen.getByTestId('vietqr-scan'));
  expect(screen.getByTestId('vietqr-recipient').textContent).toBe('NGUYEN VAN A');
  await user.click(screen.getByTestId('vietqr-name-ok'));
  await user.type(screen.getByTestId('vietqr-amount'), '150.000');
  await user.click(screen.getByTestId('vietqr-amount-continue'));
}

describe('VietQR practice', () => {
  it('pays a small amount with the OTP the mock app shows, then a large one with face authentication', async () => {
    const { onDone, user } = setup();
    await payWithOtp(user);
    expect(screen.queryByTestId('vietqr-face')).toBeNull();
    const sms = screen.getByTestId('vietqr-otp-sms');
    expect(sms.textContent).toContain('giả');
    await user.type(screen.getByTestId('vietqr-otp-input'), sms.dataset.code!);
    await user.click(screen.getByTestId('vietqr-otp-confirm'));
    expect(screen.getByTestId('vietqr-receipt').textContent).toContain('150.000 đ');
    expect(onDone).not.toHaveBeenCalled();

    await user.click(screen.getByTestId('vietqr-next-task'));
    expect(screen.getByTestId('vietqr-task').textContent).toContain('12.000.000 đ');
    await user.click(screen.getByTestId('vietqr-scan'));
    await user.click(screen.getByTestId('vietqr-name-ok'));
    await user.type(screen.getByTestId('vietqr-amount'), '12000000');
    await user.click(screen.getByTestId('vietqr-amount-continue'));
    expect(screen.queryByTestId('vietqr-otp')).toBeNull();
    expect(screen.getByTestId('vietqr-face').textContent).toContain('2345/QĐ-NHNN');
    await user.click(screen.getByTestId('vietqr-face-start'));
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('stops a transfer to a name that does not match, and explains why', async () => {
    const { onDone, user } = setup();
    await user.click(screen.getByTestId('vietqr-scan'));
    await user.click(screen.getByTestId('vietqr-name-ok'));
    const feedback = screen.getByTestId('practice-feedback').textContent!;
    expect(feedback).toContain('Chưa đúng');
    expect(feedback).toContain('TRAN VAN B');
    expect(feedback).toContain('dán đè');
    // Still on the recipient check: no amount, no money moved.
    expect(screen.queryByTestId('vietqr-amount')).toBeNull();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('rejects a wrong amount and a wrong OTP with a message, and warns never to share a real OTP', async () => {
    const { user } = setup();
    await user.click(screen.getByTestId('vietqr-scan'));
    await user.click(screen.getByTestId('vietqr-name-wrong'));
    await user.click(screen.getByTestId('vietqr-scan'));
    await user.click(screen.getByTestId('vietqr-name-ok'));
    await user.type(screen.getByTestId('vietqr-amount'), '1500000');
    await user.click(screen.getByTestId('vietqr-amount-continue'));
    expect(screen.getByTestId('vietqr-amount-error').textContent).toContain('150.000 đ');
    await user.clear(screen.getByTestId('vietqr-amount'));
    await user.type(screen.getByTestId('vietqr-amount'), '150000');
    await user.click(screen.getByTestId('vietqr-amount-continue'));
    expect(screen.getByTestId('vietqr-otp').textContent).toContain('Không bao giờ đọc hay gửi mã OTP cho ai');
    const code = screen.getByTestId('vietqr-otp-sms').dataset.code!;
    await user.type(screen.getByTestId('vietqr-otp-input'), code === '111111' ? '222222' : '111111');
    await user.click(screen.getByTestId('vietqr-otp-confirm'));
    expect(screen.getByTestId('vietqr-otp-error').textContent).toContain('Mã chưa đúng');
    expect(screen.queryByTestId('vietqr-receipt')).toBeNull();
  });
});
