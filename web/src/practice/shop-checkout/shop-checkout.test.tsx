// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen, within } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import ShopCheckout from './shop-checkout.tsx';

afterEach(cleanup);

const setup = () => {
  const onDone = vi.fn();
  render(() => <ShopCheckout onDone={onDone} />);
  return { onDone, user: userEvent.setup() };
};

describe('shop checkout practice', () => {
  it('spots the fake shop, buys from a trustworthy one and pays safely', async () => {
    const { onDone, user } = setup();
    // The fake shop's missing information is written out, not only coloured.
    expect(within(screen.getByTestId('shop-sieusale')).getAllByText('Không có thông tin').length).toBeGreaterThanOrEqual(3);
    await user.click(screen.getByTestId('shop-report-sieusale'));
    expect(screen.getByTestId('practice-feedback').textContent).toContain('tài khoản cá nhân');
    await user.click(screen.getByTestId('shop-buy-anbinh'));
    await user.click(screen.getByTestId('shop-pay-cod'));
    await user.click(screen.getByTestId('shop-place-order'));
    expect(screen.getByText('Đặt hàng thành công (giả lập)')).toBeTruthy();
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('explains why a real shop is not the fake one, and why buying from the fake one is unsafe', async () => {
    const { onDone, user } = setup();
    await user.click(screen.getByTestId('shop-report-anbinh'));
    expect(screen.getByTestId('practice-feedback').textContent).toContain('ghi đủ tên, địa chỉ');
    await user.click(screen.getByTestId('shop-report-sieusale'));
    await user.click(screen.getByTestId('shop-buy-sieusale'));
    expect(screen.getByTestId('practice-feedback').textContent).toContain('Không nên mua ở đây');
    expect(screen.queryByTestId('shop-place-order')).toBeNull();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('refuses a transfer to the seller\'s personal account and an order with no payment chosen', async () => {
    const { onDone, user } = setup();
    await user.click(screen.getByTestId('shop-report-sieusale'));
    await user.click(screen.getByTestId('shop-buy-minhtam'));
    await user.click(screen.getByTestId('shop-place-order'));
    expect(screen.getByTestId('shop-pay-error').textContent).toContain('Hãy chọn một cách trả tiền');
    await user.click(screen.getByTestId('shop-pay-personal'));
    await user.click(screen.getByTestId('shop-place-order'));
    expect(screen.getByTestId('shop-pay-error').textContent).toContain('Không an toàn');
    expect(onDone).not.toHaveBeenCalled();
    await user.click(screen.getByTestId('shop-pay-platform'));
    await user.click(screen.getByTestId('shop-place-order'));
    expect(onDone).toHaveBeenCalledTimes(1);
  });
});
