// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import WardFeedback, { RECEIPT_CODE } from './ward-feedback.tsx';

afterEach(cleanup);

const setup = () => {
  const onDone = vi.fn();
  render(() => <WardFeedback onDone={onDone} />);
  return { onDone, user: userEvent.setup() };
};
const TEXT = 'Đèn đường đầu ngõ 5 bị hỏng từ tuần trước, buổi tối rất tối.';

describe('ward feedback practice', () => {
  it('sends through the official form only, checks before sending, and shows the receipt code', async () => {
    const { onDone, user } = setup();
    await user.click(screen.getByTestId('feedback-where-comment'));
    expect(screen.getByTestId('practice-feedback').textContent).toContain('ai cũng đọc được');
    expect(screen.queryByTestId('feedback-content')).toBeNull();
    await user.click(screen.getByTestId('feedback-where-form'));

    await user.selectOptions(screen.getByTestId('feedback-topic'), 'street');
    await user.type(screen.getByTestId('feedback-content'), 'Đèn hỏng');
    await user.click(screen.getByTestId('feedback-review'));
    expect(screen.getByTestId('feedback-error').textContent).toContain('việc gì, ở đâu');
    await user.clear(screen.getByTestId('feedback-content'));
    await user.type(screen.getByTestId('feedback-content'), TEXT);
    await user.click(screen.getByTestId('feedback-file-idCard'));
    await user.click(screen.getByTestId('feedback-review'));
    expect(screen.getByTestId('feedback-error').textContent).toContain('thẻ căn cước');
    await user.click(screen.getByTestId('feedback-file-photo'));
    await user.click(screen.getByTestId('feedback-review'));

    const summary = screen.getByTestId('feedback-summary').textContent!;
    expect(summary).toContain(TEXT);
    expect(summary).toContain('Đường sá, đèn đường');
    expect(onDone).not.toHaveBeenCalled();
    await user.click(screen.getByTestId('feedback-send'));
    expect(screen.getByTestId('feedback-receipt').textContent).toContain(RECEIPT_CODE);
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('refuses a real-looking phone number, ID number or OTP in the text, kindly, and sends nothing', async () => {
    const { onDone, user } = setup();
    await user.click(screen.getByTestId('feedback-where-form'));
    await user.click(screen.getByTestId('feedback-file-none'));
    for (const [extra, explained] of [
      [' Gọi tôi: 0912 345 678', 'số điện thoại'],
      [' CCCD 001099001234', 'số căn cước'],
      [' mã 482913', 'mã OTP'],
    ]) {
      await user.clear(screen.getByTestId('feedback-content'));
      await user.type(screen.getByTestId('feedback-content'), TEXT + extra);
      await user.click(screen.getByTestId('feedback-review'));
      expect(screen.getByTestId('feedback-error').textContent).toContain(explained);
      expect(screen.queryByTestId('feedback-summary')).toBeNull();
    }
    // The dummy number the form shows is not refused.
    await user.clear(screen.getByTestId('feedback-content'));
    await user.type(screen.getByTestId('feedback-content'), `${TEXT} Liên hệ 0000 000 000.`);
    await user.click(screen.getByTestId('feedback-review'));
    expect(screen.getByTestId('feedback-summary')).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
  });
});
