// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import GesturesTrainer, { HOLD_MS } from './gestures-trainer.tsx';

afterEach(cleanup);

const setup = () => {
  const onDone = vi.fn();
  render(() => <GesturesTrainer onDone={onDone} />);
  return { onDone, user: userEvent.setup() };
};
const pad = () => screen.getByTestId('gesture-pad');
const step = () => screen.getByTestId('sim-gestures-trainer').dataset.step;
const wait = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('gestures trainer practice', () => {
  it('is done with the keyboard alone: Enter, a held Enter, arrow keys, + key', async () => {
    const { onDone, user } = setup();
    pad().focus();
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('gesture-progress').getAttribute('aria-label')).toContain('1/4');
    await user.click(screen.getByTestId('gesture-next'));
    expect(step()).toBe('hold');
    expect(document.activeElement).toBe(pad());

    // A short press is a tap, not a long-press.
    await user.keyboard('{Enter}');
    expect(screen.getByTestId('practice-feedback').textContent).toContain('giữ ngón tay yên lâu hơn');
    fireEvent.keyDown(pad(), { key: 'Enter' });
    await wait(HOLD_MS + 100);
    fireEvent.keyUp(pad(), { key: 'Enter' });
    expect(screen.getByTestId('gesture-state').textContent).toContain('Bảng lựa chọn đã hiện ra');
    await user.click(screen.getByTestId('gesture-next'));

    expect(step()).toBe('swipe');
    pad().focus();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(screen.getByTestId('gesture-state').textContent).toBe('Ảnh 3/3');
    await user.click(screen.getByTestId('gesture-next'));

    expect(step()).toBe('zoom');
    pad().focus();
    expect(onDone).not.toHaveBeenCalled();
    await user.keyboard('++++');
    expect(screen.getByTestId('gesture-state').textContent).toBe('Cỡ: 200%');
    expect(onDone).toHaveBeenCalledTimes(1);
    expect(screen.queryByTestId('gesture-next')).toBeNull();
  });

  it('takes the touch gestures: a held finger, a swipe to the left, two fingers moving apart', async () => {
    const { onDone, user } = setup();
    await user.click(pad());
    await user.click(screen.getByTestId('gesture-next'));
    fireEvent.pointerDown(pad(), { pointerId: 1, clientX: 100, clientY: 50 });
    await wait(HOLD_MS + 100);
    fireEvent.pointerUp(pad(), { pointerId: 1, clientX: 100, clientY: 50 });
    expect(screen.getByTestId('practice-feedback').textContent).toContain('Đúng rồi');
    await user.click(screen.getByTestId('gesture-next'));
    for (let i = 0; i < 2; i++) {
      fireEvent.pointerDown(pad(), { pointerId: 2, clientX: 200, clientY: 50 });
      fireEvent.pointerUp(pad(), { pointerId: 2, clientX: 80, clientY: 50 });
    }
    expect(screen.getByTestId('gesture-state').textContent).toBe('Ảnh 3/3');
    await user.click(screen.getByTestId('gesture-next'));
    fireEvent.pointerDown(pad(), { pointerId: 3, clientX: 100, clientY: 50 });
    fireEvent.pointerDown(pad(), { pointerId: 4, clientX: 120, clientY: 50 });
    fireEvent.pointerMove(pad(), { pointerId: 4, clientX: 160, clientY: 50 });
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('offers buttons for swipe and zoom, and has no field where personal data could be typed', async () => {
    const { onDone, user } = setup();
    expect(document.querySelector('input, textarea')).toBeNull();
    await user.click(pad());
    await user.click(screen.getByTestId('gesture-next'));
    fireEvent.contextMenu(pad());
    await user.click(screen.getByTestId('gesture-next'));
    await user.click(screen.getByTestId('gesture-more'));
    await user.click(screen.getByTestId('gesture-more'));
    await user.click(screen.getByTestId('gesture-next'));
    for (let i = 0; i < 4; i++) await user.click(screen.getByTestId('gesture-more'));
    expect(onDone).toHaveBeenCalledTimes(1);
  });
});
