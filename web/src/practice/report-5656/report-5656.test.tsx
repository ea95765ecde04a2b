// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import Report5656 from './report-5656.tsx';
import { SCAM } from './report-rules.ts';

afterEach(cleanup);

const setup = () => {
  const onDone = vi.fn();
  render(() => <Report5656 onDone={onDone} />);
  return { onDone, user: userEvent.setup() };
};
const feedback = () => screen.getByTestId('practice-feedback').textContent!;

describe('5656 report practice', () => {
  it('shows the format, checks each part before sending, then sends "S <sender> <content>" to 5656', async () => {
    const { onDone, user } = setup();
    expect(screen.getByTestId('sim-report-5656').textContent).toContain('S <số gửi> <nội dung>');
    await user.type(screen.getByTestId('report-to'), SCAM.sender);
    await user.click(screen.getByTestId('report-send'));
    expect(feedback()).toContain('đầu số 5656');
    await user.clear(screen.getByTestId('report-to'));
    await user.type(screen.getByTestId('report-to'), '5656');
    await user.click(screen.getByTestId('report-paste-sender'));
    await user.click(screen.getByTestId('report-send'));
    expect(feedback()).toContain('chữ S in hoa');
    await user.clear(screen.getByTestId('report-body'));
    await user.type(screen.getByTestId('report-body'), 'S ');
    await user.click(screen.getByTestId('report-paste-sender'));
    await user.click(screen.getByTestId('report-send'));
    expect(feedback()).toContain('toàn bộ nội dung');
    expect(onDone).not.toHaveBeenCalled();
    await user.click(screen.getByTestId('report-paste-text'));
    expect((screen.getByTestId('report-body') as HTMLTextAreaElement).value).toBe(`S ${SCAM.sender} ${SCAM.text}`);
    await user.click(screen.getByTestId('report-send'));
    expect(feedback()).toContain('Đúng rồi');
    expect(screen.getByTestId('report-sent').textContent).toContain(`S ${SCAM.sender} ${SCAM.text}`);
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('refuses the learner\'s own phone number or OTP in the report, kindly', async () => {
    const { onDone, user } = setup();
    await user.type(screen.getByTestId('report-to'), '5656');
    await user.type(screen.getByTestId('report-body'), 'S ');
    await user.click(screen.getByTestId('report-paste-sender'));
    await user.click(screen.getByTestId('report-paste-text'));
    await user.type(screen.getByTestId('report-body'), ' so cua toi 0912345678');
    await user.click(screen.getByTestId('report-send'));
    expect(feedback()).toContain('số điện thoại');
    expect(screen.queryByTestId('report-sent')).toBeNull();
    expect(onDone).not.toHaveBeenCalled();
  });
});
