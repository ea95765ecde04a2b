// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import CallBackCheck from './call-back-check.tsx';

afterEach(cleanup);

const feedback = () => screen.getByTestId('practice-feedback').textContent!;

describe('call-back check practice', () => {
  it('finishes only after hanging up and checking through a number found by the learner', async () => {
    const onDone = vi.fn();
    render(() => <CallBackCheck onDone={onDone} />);
    const user = userEvent.setup();
    expect(screen.getByTestId('callback-caller-says').textContent).toContain('OTP');

    await user.click(screen.getByTestId('callback-call-readOtp'));
    expect(feedback()).toContain('không bao giờ đòi mã OTP');
    await user.click(screen.getByTestId('callback-call-askNumber'));
    expect(feedback()).toContain('dẫn về chính họ');
    expect(screen.queryByTestId('callback-check-ward')).toBeNull();

    await user.click(screen.getByTestId('callback-call-hangUp'));
    expect(feedback()).toContain('Đúng');
    await user.click(screen.getByTestId('callback-check-redial'));
    expect(feedback()).toContain('số của người gọi');
    await user.click(screen.getByTestId('callback-check-smsLink'));
    expect(feedback()).toContain('Không chạm link');
    expect(onDone).not.toHaveBeenCalled();

    await user.click(screen.getByTestId('callback-check-ward'));
    expect(screen.getByTestId('callback-ward-says').textContent).toContain('Không có khoản hỗ trợ');
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('has no field to type a code or number into', () => {
    render(() => <CallBackCheck onDone={() => {}} />);
    expect(document.querySelectorAll('input, textarea').length).toBe(0);
  });
});
