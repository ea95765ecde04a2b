// @vitest-environment happy-dom
// The first-launch panel: three short screens, skippable, shown once.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cleanup, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { renderInRouter } from '../test/render-in-router.tsx';
import { WelcomePanel } from './welcome-panel.tsx';

beforeEach(() => localStorage.clear());
afterEach(cleanup);

const show = () => renderInRouter(() => <WelcomePanel />);

describe('welcome panel', () => {
  it('walks through what the app is, that it works offline and what data it keeps, then stays closed', async () => {
    const user = userEvent.setup();
    show();
    const panel = await screen.findByTestId('welcome');
    expect(panel.textContent).toContain('Bước 1/3');
    expect(panel.textContent).toContain('Học kỹ năng số');
    await user.click(screen.getByTestId('welcome-next'));
    expect(panel.textContent).toContain('Bước 2/3');
    expect(panel.textContent).toContain('không có mạng');
    await user.click(screen.getByTestId('welcome-next'));
    expect(panel.textContent).toContain('Bước 3/3');
    expect(panel.textContent).toContain('không cần tên hay số điện thoại');
    // The last screen links the privacy notice and has no "next".
    expect(screen.getByRole('link', { name: 'Đọc thông báo về dữ liệu cá nhân' }).getAttribute('href')).toBe('/privacy');
    expect(screen.queryByTestId('welcome-next')).toBeNull();
    await user.click(screen.getByTestId('welcome-start'));
    expect(screen.queryByTestId('welcome')).toBeNull();

    cleanup();
    show();
    expect(screen.queryByTestId('welcome')).toBeNull();
  });

  it('can be skipped from the first screen, and skipping is remembered', async () => {
    const user = userEvent.setup();
    show();
    await user.click(await screen.findByTestId('welcome-skip'));
    expect(screen.queryByTestId('welcome')).toBeNull();
    expect(localStorage.getItem('hvs.welcomed')).toBe('1');
  });

  it('is shown again on a phone where it was never finished', async () => {
    show();
    expect((await screen.findByTestId('welcome')).textContent).toContain('Bước 1/3');
  });
});
