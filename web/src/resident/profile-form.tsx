import { createEffect, createSignal, For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { GENDERS, MAX_BIRTH_YEAR, MIN_BIRTH_YEAR, type ProfileDetails } from '../../../shared/resident/profile-constants.ts';
import { t } from '../i18n/index.ts';

export interface GroupOption {
  id: string;
  name: string;
}

const blankToNull = (s: string) => (s.trim() === '' ? null : s.trim());

/**
 * The optional profile fields and the consent step. Without consent the
 * fields are saved on the phone only; "Agree and save" names the purpose and
 * links the notice before anything can leave the phone.
 */
export function ProfileForm(props: {
  details: ProfileDetails;
  hasConsent: boolean;
  groups: GroupOption[];
  onSave: (d: ProfileDetails) => Promise<void>;
  onConsent: (d: ProfileDetails) => Promise<void>;
}) {
  const d = props.details;
  const [name, setName] = createSignal(d.displayName ?? '');
  const [year, setYear] = createSignal(d.birthYear?.toString() ?? '');
  const [gender, setGender] = createSignal<string>(d.gender ?? '');
  const [group, setGroup] = createSignal(d.residentialGroupId ?? '');
  const [unit, setUnit] = createSignal(d.unit ?? '');
  const [agree, setAgree] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const [saved, setSaved] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  // The ward's list may arrive after the form is drawn (offline start, cached
  // list, then the network): choose the saved group again once its option exists.
  let groupSelect: HTMLSelectElement | undefined;
  createEffect(() => {
    void props.groups.length;
    if (groupSelect) groupSelect.value = group();
  });

  const collect = (): ProfileDetails | null => {
    const y = year().trim();
    const n = Number(y);
    if (y !== '' && (!/^\d{4}$/.test(y) || n < MIN_BIRTH_YEAR || n > MAX_BIRTH_YEAR)) {
      setError(t('resident.profile.badYear'));
      return null;
    }
    setError(null);
    return {
      displayName: blankToNull(name())?.slice(0, 40) ?? null,
      birthYear: y === '' ? null : n,
      gender: (gender() || null) as ProfileDetails['gender'],
      residentialGroupId: group() || null,
      unit: blankToNull(unit())?.slice(0, 120) ?? null,
    };
  };
  // Says where the details went: without consent they stay on this phone.
  const submit = async (withConsent: boolean) => {
    const details = collect();
    if (!details || busy()) return;
    const shared = withConsent || props.hasConsent;
    setBusy(true);
    setSaved(null);
    try {
      await (withConsent ? props.onConsent(details) : props.onSave(details));
      setSaved(t(shared ? 'resident.profile.savedShared' : 'resident.profile.savedLocal'));
    } catch {
      setError(t('resident.profile.saveFailed'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="stack" onSubmit={(e) => (e.preventDefault(), void submit(false))} data-testid="profile-form">
      <div class="field">
        <label for="profile-name">{t('resident.profile.displayName')}</label>
        <input id="profile-name" name="displayName" maxLength={40} autocomplete="nickname" value={name()} onInput={(e) => setName(e.currentTarget.value)} aria-describedby="profile-name-hint" />
        <small id="profile-name-hint" class="muted">{t('resident.profile.displayNameHint')}</small>
      </div>
      <label class="field">
        <span>{t('resident.profile.birthYear')}</span>
        <input name="birthYear" inputmode="numeric" maxLength={4} value={year()} onInput={(e) => setYear(e.currentTarget.value)} aria-invalid={error() ? 'true' : undefined} aria-describedby="year-error" />
      </label>
      <Show when={error()}>
        <p id="year-error" class="notice" role="alert">{error()}</p>
      </Show>
      <fieldset class="field">
        <legend>{t('resident.profile.gender')}</legend>
        <For each={['', ...GENDERS]}>
          {(g) => (
            <label class="choice">
              <input type="radio" name="gender" value={g} checked={gender() === g} onChange={() => setGender(g)} />
              <span>{t(`resident.profile.${g || 'genderNone'}`)}</span>
            </label>
          )}
        </For>
      </fieldset>
      <div class="field">
        <label for="profile-group">{t('resident.profile.group')}</label>
        <select ref={groupSelect} id="profile-group" name="group" onChange={(e) => setGroup(e.currentTarget.value)} aria-describedby="profile-group-note" data-testid="group-select">
          <option value="">{t('resident.profile.groupNone')}</option>
          <For each={props.groups}>{(g) => <option value={g.id}>{g.name}</option>}</For>
        </select>
        <Show when={props.groups.length === 0}>
          <small id="profile-group-note" class="muted" data-testid="no-groups">{t('resident.profile.noGroups')}</small>
        </Show>
      </div>
      <label class="field">
        <span>{t('resident.profile.unit')}</span>
        <input name="unit" maxLength={120} value={unit()} onInput={(e) => setUnit(e.currentTarget.value)} />
      </label>
      <Show when={!props.hasConsent}>
        <p class="muted" data-testid="local-only-hint">{t('resident.profile.localOnlyHint')}</p>
      </Show>
      <button type="submit" class={props.hasConsent ? 'button' : 'button secondary'} disabled={busy()} data-testid="profile-save">
        {props.hasConsent ? t('resident.profile.save') : t('resident.profile.saveLocal')}
      </button>
      <div role="status" aria-live="polite" data-testid="profile-saved">
        <Show when={saved()}><p class="notice ok">{saved()}</p></Show>
      </div>
      <Show when={!props.hasConsent}>
        <section class="consent card" aria-labelledby="consent-title">
          <h2 id="consent-title">{t('resident.profile.consentTitle')}</h2>
          <p>{t('resident.profile.consentPurpose')}</p>
          <p>
            <A href="/privacy">{t('resident.profile.privacyLink')}</A>
          </p>
          <label class="choice">
            <input type="checkbox" checked={agree()} onChange={(e) => setAgree(e.currentTarget.checked)} data-testid="consent-check" />
            <span>{t('resident.profile.consentCheck')}</span>
          </label>
          <button type="button" class="button" disabled={!agree() || busy()} onClick={() => void submit(true)} data-testid="consent-give">
            {t('resident.profile.consentGive')}
          </button>
        </section>
      </Show>
    </form>
  );
}
