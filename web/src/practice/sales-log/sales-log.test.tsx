// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import SalesLog from './sales-log.tsx';

afterEach(cleanup);

const feedback = () => screen.getByTestId('practice-feedback').textContent!;

describe('sales record practice', () => {
  it('finishes only with a full line, a matching day and a backup of your own', async () => {
    const onDone = vi.fn();
    render(() => <SalesLog onDone={onDone} />);
    const user = userEvent.setup();
    expect(screen.getByTestId('sales-sale').textContent).toContain('45.000 đ');

    await user.click(screen.getByTestId('sales-record-customer'));
    expect(feedback()).toContain('dữ liệu cá nhân');
    await user.click(screen.getByTestId('sales-record-short'));
    expect(feedback()).toContain('Chưa đủ');
    await user.click(screen.getByTestId('sales-record-full'));
    expect(screen.getByTestId('sales-day').textContent).toContain('80.000 đ');
    expect(screen.getByTestId('sales-day').textContent).toContain('Đường – 1 kg – 25.000 đ – tiền mặt');

    await user.click(screen.getByTestId('sales-check-short'));
    expect(feedback()).toContain('35.000 đ + 45.000 đ');
    await user.click(screen.getByTestId('sales-check-match'));

    await user.click(screen.getByTestId('sales-backup-group'));
    expect(feedback()).toContain('Không đăng sổ lên mạng');
    expect(onDone).not.toHaveBeenCalled();
    await user.click(screen.getByTestId('sales-backup-email'));
    expect(screen.getByTestId('sales-saved')).toBeTruthy();
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('has no field to type into', () => {
    render(() => <SalesLog onDone={() => {}} />);
    expect(document.querySelectorAll('input, textarea').length).toBe(0);
  });
});
