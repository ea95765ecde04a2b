// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import ReceiveQrCounter from './receive-qr-counter.tsx';

afterEach(cleanup);

const setup = () => {
  const onDone = vi.fn();
  render(() => <ReceiveQrCounter onDone={onDone} />);
  return { onDone, user: userEvent.setup() };
};
type User = ReturnType<typeof userEvent.setup>;
const feedback = () => screen.getByTestId('practice-feedback').textContent!;

async function tell(user: User, amount: string) {
  await user.clear(screen.getByTestId('counter-amount'));
  await user.type(screen.getByTestId('counter-amount'), amount);
  await user.click(screen.getByTestId('counter-amount-tell'));
}

describe('QR at the counter practice', () => {
  it('hands over goods only when the shop\'s own bank app shows the money', async () => {
    const { onDone, user } = setup();
    await tell(user, '85.000');
    // The customer's "transfer successful" screen is not proof.
    expect(screen.getByTestId('counter-customer-screen').textContent).toContain('Chuyển thành công');
    await user.click(screen.getByTestId('counter-claim-handOver'));
    expect(feedback()).toContain('có thể là giả');
    await user.click(screen.getByTestId('counter-claim-screenshot'));
    expect(feedback()).toContain('Chưa đúng');
    await user.click(screen.getByTestId('counter-claim-checkApp'));
    expect(screen.getByTestId('counter-notification').textContent).toContain('Chưa có giao dịch mới');
    await user.click(screen.getByTestId('counter-bank-handOver'));
    expect(feedback()).toContain('Chưa đúng');
    await user.click(screen.getByTestId('counter-bank-wait'));
    expect(feedback()).toContain('Đúng rồi');
    expect(onDone).not.toHaveBeenCalled();

    await user.click(screen.getByTestId('counter-next'));
    expect(screen.getByTestId('counter-order').textContent).toContain('120.000 đ');
    await tell(user, '120000');
    await user.click(screen.getByTestId('counter-claim-checkApp'));
    expect(screen.getByTestId('counter-notification').textContent).toContain('+120.000 đ');
    await user.click(screen.getByTestId('counter-bank-handOver'));
    expect(feedback()).toContain('120.000 đ');
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('asks for the right amount, and refuses a phone or ID number typed as one', async () => {
    const { onDone, user } = setup();
    await tell(user, '58.000');
    expect(screen.getByTestId('counter-amount-error').textContent).toContain('85.000 đ');
    await tell(user, '0912 345 678');
    expect(screen.getByTestId('counter-amount-error').textContent).toContain('số điện thoại');
    await tell(user, '001099001234');
    expect(screen.getByTestId('counter-amount-error').textContent).toContain('số căn cước');
    expect(screen.queryByTestId('counter-customer-screen')).toBeNull();
    expect(onDone).not.toHaveBeenCalled();
  });
});

describe('QR at the counter, keyboard', () => {
  it('moves focus to each new screen, so the pressed button is never lost', async () => {
    const { user } = setup();
    await tell(user, '85000');
    expect(document.activeElement?.textContent).toContain('Tôi chuyển rồi');
    await user.click(screen.getByTestId('counter-claim-checkApp'));
    expect(document.activeElement?.textContent).toContain('Thông báo biến động số dư');
    await user.click(screen.getByTestId('counter-bank-wait'));
    await user.click(screen.getByTestId('counter-next'));
    expect(document.activeElement).toBe(screen.getByTestId('counter-order'));
  });
});
