// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import ScamTriage from './scam-triage.tsx';
import { MESSAGES } from './messages.ts';

afterEach(cleanup);

const setup = () => {
  const onDone = vi.fn();
  render(() => <ScamTriage onDone={onDone} />);
  return { onDone, user: userEvent.setup() };
};
const truth = (id: string) => MESSAGES.find((m) => m.id === id)!.isScam;

describe('scam triage practice', () => {
  it('has 6–8 scripts over SMS, Zalo and calls, scams and harmless ones', () => {
    expect(MESSAGES.length).toBeGreaterThanOrEqual(6);
    expect(MESSAGES.length).toBeLessThanOrEqual(8);
    expect(new Set(MESSAGES.map((m) => m.channel))).toEqual(new Set(['sms', 'zalo', 'call']));
    expect(MESSAGES.some((m) => m.isScam) && MESSAGES.some((m) => !m.isScam)).toBe(true);
  });

  it('sorts every message correctly with an explanation each time, then shows the score and where to report', async () => {
    const { onDone, user } = setup();
    for (let i = 0; i < MESSAGES.length; i++) {
      const id = screen.getByTestId('scam-message').dataset.id!;
      await user.click(screen.getByTestId(truth(id) ? 'scam-choose-scam' : 'scam-choose-safe'));
      expect(screen.getByTestId('practice-feedback').textContent).toContain('Đúng rồi');
      expect(onDone).not.toHaveBeenCalled();
      await user.click(screen.getByTestId('scam-next'));
    }
    expect(screen.getByTestId('scam-score').textContent).toContain(`${MESSAGES.length}/${MESSAGES.length}`);
    expect(screen.getByTestId('scam-summary').textContent).toContain('5656');
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('explains a wrong choice, holds the learner on it until corrected, and counts only first tries', async () => {
    const { user } = setup();
    const id = screen.getByTestId('scam-message').dataset.id!;
    expect(truth(id)).toBe(true); // the first script is the fake police call
    await user.click(screen.getByTestId('scam-choose-safe'));
    const feedback = screen.getByTestId('practice-feedback').textContent!;
    expect(feedback).toContain('Chưa đúng');
    expect(feedback).toContain('Công an không gọi điện');
    expect(screen.queryByTestId('scam-next')).toBeNull();
    await user.click(screen.getByTestId('scam-choose-scam'));
    await user.click(screen.getByTestId('scam-next'));
    for (let i = 1; i < MESSAGES.length; i++) {
      const next = screen.getByTestId('scam-message').dataset.id!;
      await user.click(screen.getByTestId(truth(next) ? 'scam-choose-scam' : 'scam-choose-safe'));
      await user.click(screen.getByTestId('scam-next'));
    }
    expect(screen.getByTestId('scam-score').textContent).toContain(`${MESSAGES.length - 1}/${MESSAGES.length}`);
  });
});
