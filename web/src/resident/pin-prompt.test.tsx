// @vitest-environment happy-dom
// The PIN asked before opening a family member's profile.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { PinPrompt } from './pin-prompt.tsx';
import './strings.ts';

afterEach(cleanup);

function ask(correct = '2468') {
  const onSubmit = vi.fn(async (pin: string) => pin === correct);
  const onCancel = vi.fn();
  render(() => <PinPrompt name="Bà Lan" onSubmit={onSubmit} onCancel={onCancel} />);
  return { onSubmit, onCancel, user: userEvent.setup() };
}

describe('PIN prompt', () => {
  it('names whose profile it opens and takes the focus', () => {
    ask();
    const input = screen.getByLabelText('Nhập mã PIN của Bà Lan');
    expect(document.activeElement).toBe(input);
    expect(input.getAttribute('type')).toBe('password');
    expect(input.getAttribute('inputmode')).toBe('numeric');
  });

  it('refuses a wrong PIN, says so and clears the field; the right one is accepted', async () => {
    const { onSubmit, user } = ask();
    const input = screen.getByTestId('pin-input') as HTMLInputElement;
    await user.type(input, '1111');
    await user.click(screen.getByTestId('pin-open'));
    expect(onSubmit).toHaveBeenLastCalledWith('1111');
    expect((await screen.findByTestId('pin-error')).textContent).toBe('Mã PIN chưa đúng.');
    expect(input.value).toBe('');

    await user.type(input, '2468{Enter}');
    expect(onSubmit).toHaveBeenLastCalledWith('2468');
    await vi.waitFor(() => expect(screen.queryByTestId('pin-error')).toBeNull());
  });

  it('does not try a PIN that is not 4 digits', async () => {
    const { onSubmit, user } = ask();
    await user.type(screen.getByTestId('pin-input'), '12a');
    await user.click(screen.getByTestId('pin-open'));
    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByTestId('pin-error').textContent).toBe('Mã PIN là 4 chữ số.');
  });

  it('can be cancelled', async () => {
    const { onCancel, onSubmit, user } = ask();
    await user.click(screen.getByRole('button', { name: 'Thôi' }));
    expect(onCancel).toHaveBeenCalledOnce();
    expect(onSubmit).not.toHaveBeenCalled();
  });
});
