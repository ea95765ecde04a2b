// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import MockChatbot from './mock-chatbot.tsx';

afterEach(cleanup);

const setup = () => {
  const onDone = vi.fn();
  render(() => <MockChatbot onDone={onDone} />);
  return { onDone, user: userEvent.setup() };
};
const log = () => screen.getByTestId('chat-log').textContent!;
const feedback = () => screen.getByTestId('practice-feedback').textContent!;

describe('mock chatbot practice', () => {
  it('says it is a machine, answers a typed question, rewards checking the answer and refusing the data it asks for', async () => {
    const { onDone, user } = setup();
    expect(log()).toContain('không phải người');
    await user.type(screen.getByTestId('chat-input'), 'Làm thẻ bảo hiểm y tế cho cháu thế nào?');
    await user.click(screen.getByTestId('chat-send'));
    expect(log()).toContain('Làm thẻ bảo hiểm y tế cho cháu thế nào?');
    expect(log()).toContain('thủ tục liên thông');

    await user.click(screen.getByTestId('chat-check-follow'));
    expect(feedback()).toContain('Chưa đúng');
    expect(feedback()).toContain('AI có thể sai');
    expect(screen.queryByTestId('chat-trap-refuse')).toBeNull();
    await user.click(screen.getByTestId('chat-check-official'));
    expect(feedback()).toContain('Đúng rồi');
    expect(log()).toContain('mã OTP vừa nhận');

    await user.click(screen.getByTestId('chat-trap-send'));
    expect(feedback()).toContain('Chưa đúng');
    expect(onDone).not.toHaveBeenCalled();
    await user.click(screen.getByTestId('chat-trap-refuse'));
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('keeps typed ID numbers, OTPs, passwords and health details away from the bot, kindly', async () => {
    const { onDone, user } = setup();
    await user.click(screen.getByTestId('chat-suggested'));
    await user.click(screen.getByTestId('chat-check-official'));
    const cases: [string, string][] = [
      ['Số căn cước của tôi là 001099001234', 'số căn cước'],
      ['OTP: 482913', 'mã OTP'],
      ['mật khẩu là hoa1234', 'mật khẩu'],
      ['Mẹ tôi bị tiểu đường, uống thuốc gì?', 'sức khỏe'],
    ];
    for (const [typed, explained] of cases) {
      await user.type(screen.getByTestId('chat-input'), typed);
      await user.click(screen.getByTestId('chat-send'));
      expect(log()).not.toContain(typed);
      expect(log()).toContain('Tin chưa được gửi');
      expect(feedback()).toContain(explained);
      expect((screen.getByTestId('chat-input') as HTMLInputElement).value).toBe('');
    }
    expect(onDone).not.toHaveBeenCalled();
  });

  it('answers other typed questions by saying what it can answer', async () => {
    const { user } = setup();
    await user.type(screen.getByTestId('chat-input'), 'Hôm nay trời thế nào?');
    await user.click(screen.getByTestId('chat-send'));
    expect(log()).toContain('chỉ trả lời được');
    expect(screen.getByTestId('sim-mock-chatbot').dataset.stage).toBe('ask');
  });
});
