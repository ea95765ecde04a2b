// @vitest-environment happy-dom
// The scanner's camera outcomes as a resident sees them: a refused camera and
// a phone without one each give their own clear message, and the scanner
// never asks for the camera before the tap.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import QrScanner from './qr-scanner.tsx';

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function cameraThatFails(name: string) {
  const getUserMedia = vi.fn(async () => {
    throw new DOMException('no', name);
  });
  Object.defineProperty(navigator, 'mediaDevices', { value: { getUserMedia }, configurable: true });
  return getUserMedia;
}

describe('QrScanner', () => {
  it('asks for the back camera only on tap, and says so clearly when it is refused', async () => {
    const getUserMedia = cameraThatFails('NotAllowedError');
    render(() => <QrScanner onResult={() => true} />);
    expect(getUserMedia).not.toHaveBeenCalled();
    await userEvent.click(screen.getByTestId('scan-start'));
    await vi.waitFor(() => expect(screen.getByTestId('scan-status').dataset.state).toBe('denied'));
    expect(getUserMedia).toHaveBeenCalledWith({ video: { facingMode: { ideal: 'environment' } }, audio: false });
    expect(screen.getByTestId('scan-status').textContent).toContain('chưa được phép dùng máy ảnh');
    // The button is back, to try again after allowing the camera.
    expect(screen.getByTestId('scan-start')).toBeTruthy();
  });

  it('tells a phone without a camera to type the code', async () => {
    cameraThatFails('NotFoundError');
    render(() => <QrScanner onResult={() => true} />);
    await userEvent.click(screen.getByTestId('scan-start'));
    await vi.waitFor(() => expect(screen.getByTestId('scan-status').dataset.state).toBe('noCamera'));
    expect(screen.getByTestId('scan-status').textContent).toContain('Hãy nhập mã');
  });
});
