// @vitest-environment happy-dom
// The optional profile and the consent step: without consent, saving keeps
// the details on the phone and says so; only "Agree and save" hands them on.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createSignal } from 'solid-js';
import { cleanup, screen } from '@solidjs/testing-library';
import userEvent from '@testing-library/user-event';
import { renderInRouter } from '../test/render-in-router.tsx';
import { EMPTY_PROFILE, type ProfileDetails } from '../../../shared/events/resident.ts';
import { ProfileForm } from './profile-form.tsx';
import './strings.ts';

afterEach(cleanup);

const GROUPS = [
  { id: 'tdp-1', name: 'Tổ dân phố 1' },
  { id: 'tdp-2', name: 'Tổ dân phố 2' },
];

function form(hasConsent = false, details: ProfileDetails = EMPTY_PROFILE) {
  const onSave = vi.fn(async (_: ProfileDetails) => undefined);
  const onConsent = vi.fn(async (_: ProfileDetails) => undefined);
  renderInRouter(() => <ProfileForm details={details} hasConsent={hasConsent} groups={GROUPS} onSave={onSave} onConsent={onConsent} />, '/me');
  return { onSave, onConsent, user: userEvent.setup() };
}

async function fill(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByLabelText('Tên hiển thị (ví dụ: tên gọi của bạn)'), '  Lan ');
  await user.type(screen.getByLabelText('Năm sinh'), '1958');
  await user.click(screen.getByLabelText('Nữ'));
  await user.selectOptions(screen.getByTestId('group-select'), 'tdp-2');
}

const LAN: ProfileDetails = { displayName: 'Lan', birthYear: 1958, gender: 'female', residentialGroupId: 'tdp-2', unit: null };

describe('profile form without consent', () => {
  it('saves on the phone only, and says the details were not sent', async () => {
    const { onSave, onConsent, user } = form();
    expect((await screen.findByTestId('local-only-hint')).textContent).toContain('chỉ lưu trên máy này');
    await fill(user);
    await user.click(screen.getByTestId('profile-save'));
    expect(onSave).toHaveBeenCalledExactlyOnceWith(LAN);
    expect(onConsent).not.toHaveBeenCalled();
    expect((await screen.findByTestId('profile-saved')).textContent).toBe('Đã lưu trên máy này. Chưa gửi đi vì bạn chưa đồng ý.');
  });

  it('names the purpose, links the notice, and gives consent only once the box is ticked', async () => {
    const { onSave, onConsent, user } = form();
    const give = (await screen.findByTestId('consent-give')) as HTMLButtonElement;
    expect(screen.getByText(/Mục đích duy nhất: phường, xã đếm số người tham gia/)).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Đọc thông báo về dữ liệu cá nhân' }).getAttribute('href')).toBe('/privacy');
    expect(give.disabled).toBe(true);
    await fill(user);
    await user.click(screen.getByTestId('consent-check'));
    await user.click(give);
    expect(onConsent).toHaveBeenCalledExactlyOnceWith(LAN);
    expect(onSave).not.toHaveBeenCalled();
    expect((await screen.findByTestId('profile-saved')).textContent).toBe('Đã lưu. Sẽ gửi lên phường, xã khi có mạng.');
  });

  it('refuses a birth year that is not a plausible 4-digit year, and saves nothing', async () => {
    const { onSave, user } = form();
    await user.type(await screen.findByLabelText('Năm sinh'), '58');
    await user.click(screen.getByTestId('profile-save'));
    expect(screen.getByRole('alert').textContent).toBe('Năm sinh là 4 chữ số, từ 1900 đến 2020.');
    expect(onSave).not.toHaveBeenCalled();
  });

  it('leaves empty fields as "not given"', async () => {
    const { onSave, user } = form();
    await user.click(await screen.findByTestId('profile-save'));
    expect(onSave).toHaveBeenCalledExactlyOnceWith(EMPTY_PROFILE);
  });
});

describe('profile form with consent', () => {
  it('shows no consent step, and says a save goes to the ward', async () => {
    const { onSave, user } = form(true, LAN);
    expect(((await screen.findByLabelText('Tên hiển thị (ví dụ: tên gọi của bạn)')) as HTMLInputElement).value).toBe('Lan');
    expect(screen.queryByTestId('consent-give')).toBeNull();
    expect(screen.queryByTestId('local-only-hint')).toBeNull();
    await user.clear(screen.getByLabelText('Năm sinh'));
    await user.click(screen.getByTestId('profile-save'));
    expect(onSave).toHaveBeenCalledExactlyOnceWith({ ...LAN, birthYear: null });
    expect((await screen.findByTestId('profile-saved')).textContent).toBe('Đã lưu. Sẽ gửi lên phường, xã khi có mạng.');
  });
});

describe('residential group', () => {
  it('shows the saved group even when the ward list arrives after the form is drawn (offline start, then online)', async () => {
    const [groups, setGroups] = createSignal<{ id: string; name: string }[]>([]);
    renderInRouter(() => <ProfileForm details={LAN} hasConsent={true} groups={groups()} onSave={async () => undefined} onConsent={async () => undefined} />);
    const select = (await screen.findByTestId('group-select')) as HTMLSelectElement;
    expect(screen.getByTestId('no-groups')).toBeTruthy();
    setGroups(GROUPS);
    await vi.waitFor(() => expect(select.value).toBe('tdp-2'));
    expect(select.selectedOptions[0].textContent).toBe('Tổ dân phố 2');
    expect(screen.queryByTestId('no-groups')).toBeNull();
  });
});
