// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import DossierSubmit from './dossier-submit.tsx';

afterEach(cleanup);

const setup = () => {
  const onDone = vi.fn();
  render(() => <DossierSubmit onDone={onDone} />);
  return { onDone, user: userEvent.setup() };
};

/** A plausible real birth date a few months ago, as <input type="date"> gives it. */
const recentDate = () => {
  const d = new Date(Date.now() - 90 * 864e5);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${d.getDate() === 1 ? '02' : String(d.getDate()).padStart(2, '0')}`;
};
/** The dummy date the form shows: the first of this month. */
const dummyDate = () => {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-01`;
};

async function toForm(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByTestId('dossier-login-vneid'));
  await user.click(screen.getByTestId('dossier-proc-birth'));
}

describe('public-service portal practice', () => {
  it('submits a valid dossier, shows its code, and finds its status with that code', async () => {
    const { onDone, user } = setup();
    await toForm(user);
    await user.type(screen.getByTestId('dossier-childName'), 'NGUYỄN VĂN B');
    fireEvent.input(screen.getByTestId('dossier-birthDate'), { target: { value: dummyDate() } });
    await user.click(screen.getByTestId('dossier-gender-male'));
    await user.click(screen.getByTestId('dossier-file-birth-certificate'));
    await user.click(screen.getByTestId('dossier-pledge'));
    await user.click(screen.getByTestId('dossier-continue'));

    expect(screen.getByTestId('dossier-review').textContent).toContain('NGUYỄN VĂN B');
    await user.click(screen.getByTestId('dossier-submit'));
    const code = screen.getByTestId('dossier-code').textContent!;
    expect(code).toMatch(/^HS-GIA-\d+$/);
    await user.click(screen.getByTestId('dossier-go-track'));
    await user.type(screen.getByTestId('dossier-track-input'), code.toLowerCase());
    await user.click(screen.getByTestId('dossier-track'));
    expect(screen.getByTestId('dossier-status').textContent).toContain('Đã tiếp nhận');
    expect(onDone).toHaveBeenCalledTimes(1);
  });

  it('explains the old portal account, and lists what is wrong in the form without moving on', async () => {
    const { onDone, user } = setup();
    await user.click(screen.getByTestId('dossier-login-old'));
    expect(screen.getByTestId('practice-feedback').textContent).toContain('30/6/2024');
    await toForm(user);

    await user.type(screen.getByTestId('dossier-childName'), 'B 123');
    await user.click(screen.getByTestId('dossier-file-selfie'));
    await user.click(screen.getByTestId('dossier-continue'));
    const summary = screen.getByTestId('dossier-errors');
    expect(summary.textContent).toContain('5 chỗ cần sửa');
    expect(screen.getByTestId('error-childName').textContent).toContain('chỉ gồm chữ cái');
    expect(screen.getByTestId('error-birthDate').textContent).toContain('Chưa chọn ngày sinh');
    expect(screen.getByTestId('error-attachment').textContent).toContain('không phải giấy chứng sinh');
    expect(screen.getByTestId('error-pledge').textContent).toContain('cam đoan');
    // Each message is tied to its field for screen readers.
    const name = screen.getByTestId('dossier-childName');
    expect(name.getAttribute('aria-invalid')).toBe('true');
    expect(name.getAttribute('aria-describedby')).toContain('err-childName');
    expect(screen.queryByTestId('dossier-review')).toBeNull();

    // Fixing a field clears its message at once.
    await user.clear(name);
    await user.type(name, 'NGUYỄN VĂN B');
    expect(screen.queryByTestId('error-childName')).toBeNull();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('shows the dummy birth date and refuses any other date, so no real child\'s birth date is kept', async () => {
    const { onDone, user } = setup();
    await toForm(user);
    const [y, m] = dummyDate().split('-').map(Number);
    expect(screen.getByTestId('dossier-birthDate-hint').textContent).toContain(`Chỉ chọn ngày giả: 1/${m}/${y}`);
    expect(screen.getByTestId('dossier-birthDate').getAttribute('aria-describedby')).toContain('hint-birthDate');
    await user.type(screen.getByTestId('dossier-childName'), 'NGUYỄN VĂN B');
    fireEvent.input(screen.getByTestId('dossier-birthDate'), { target: { value: recentDate() } });
    await user.click(screen.getByTestId('dossier-gender-male'));
    await user.click(screen.getByTestId('dossier-file-birth-certificate'));
    await user.click(screen.getByTestId('dossier-pledge'));
    await user.click(screen.getByTestId('dossier-continue'));
    expect(screen.getByTestId('error-birthDate').textContent).toContain(`chỉ chọn ngày giả 1/${m}/${y}`);
    expect(screen.queryByTestId('dossier-review')).toBeNull();
    fireEvent.input(screen.getByTestId('dossier-birthDate'), { target: { value: dummyDate() } });
    expect(screen.queryByTestId('error-birthDate')).toBeNull();
    await user.click(screen.getByTestId('dossier-continue'));
    expect(screen.getByTestId('dossier-review')).toBeTruthy();
    expect(onDone).not.toHaveBeenCalled();
  });

  it('says a mistyped dossier code is not found', async () => {
    const { onDone, user } = setup();
    await toForm(user);
    await user.type(screen.getByTestId('dossier-childName'), 'NGUYỄN VĂN B');
    fireEvent.input(screen.getByTestId('dossier-birthDate'), { target: { value: dummyDate() } });
    await user.click(screen.getByTestId('dossier-gender-female'));
    await user.click(screen.getByTestId('dossier-file-birth-certificate'));
    await user.click(screen.getByTestId('dossier-pledge'));
    await user.click(screen.getByTestId('dossier-continue'));
    await user.click(screen.getByTestId('dossier-submit'));
    await user.click(screen.getByTestId('dossier-go-track'));
    await user.click(screen.getByTestId('dossier-track'));
    expect(screen.getByTestId('dossier-track-error').textContent).toContain('Hãy nhập mã hồ sơ');
    await user.type(screen.getByTestId('dossier-track-input'), 'HS-GIA-000999');
    await user.click(screen.getByTestId('dossier-track'));
    expect(screen.getByTestId('dossier-track-error').textContent).toContain('Không tìm thấy hồ sơ');
    expect(screen.queryByTestId('dossier-status')).toBeNull();
    expect(onDone).not.toHaveBeenCalled();
  });
});
