import { createSignal, For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import type { ProfileRow } from '../../db/index.ts';
import { t } from '../../i18n/index.ts';
import { createResidentStore } from '../../stores/resident-store.ts';
import './strings.ts';
import '../../styles/resident.css';

/** Family members on one phone: switch (with the PIN if set), add, and set one's own PIN. */
export default function ProfilesPage() {
  const store = createResidentStore();
  const [asking, setAsking] = createSignal<string | null>(null);
  const [pin, setPin] = createSignal('');
  const [newPin, setNewPin] = createSignal('');
  const [message, setMessage] = createSignal<string | null>(null);

  const label = (p: ProfileRow, i: number) => p.details.displayName ?? t('resident.profiles.unnamed', { n: i + 1 });
  // A full start, so every screen (progress, sync status) reads the new learner.
  const restart = () => (location.href = '/');

  const open = async (p: ProfileRow) => {
    if (p.pin && asking() !== p.learnerId) {
      setAsking(p.learnerId);
      setPin('');
      return;
    }
    if (await store.switchTo(p.learnerId, pin())) restart();
    else setMessage(t('resident.profiles.pinWrong'));
  };
  const savePin = async () => {
    if (!/^\d{4}$/.test(newPin())) return setMessage(t('resident.profiles.pinBad'));
    await store.setPin(newPin());
    setNewPin('');
    setMessage(t('resident.profiles.pinSaved'));
  };

  return (
    <article class="resident">
      <nav class="breadcrumb"><A href="/">{t('resident.back')}</A></nav>
      <h1>{t('resident.profiles.title')}</h1>
      <p class="lead">{t('resident.profiles.intro')}</p>
      <ul class="card-list">
        <For each={store.profiles()}>
          {(p, i) => (
            <li class="card profile-item" data-testid="profile-item">
              <strong>{label(p, i())}</strong>
              <Show when={p.learnerId === store.active()?.learnerId} fallback={
                <>
                  <Show when={asking() === p.learnerId}>
                    <label class="field">
                      <span>{t('resident.profiles.pinAsk', { name: label(p, i()) })}</span>
                      <input type="password" inputmode="numeric" maxLength={4} autocomplete="off" value={pin()} onInput={(e) => setPin(e.currentTarget.value)} />
                    </label>
                  </Show>
                  <button type="button" class="button secondary" onClick={() => void open(p)}>
                    {asking() === p.learnerId ? t('resident.profiles.open') : t('resident.profiles.switch')}
                  </button>
                </>
              }>
                <span class="tag">{t('resident.profiles.active')}</span>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <button type="button" class="button" onClick={() => void store.createProfile().then(restart)} data-testid="add-profile">
        {t('resident.profiles.add')}
      </button>
      <section class="card">
        <h2>{t('resident.profiles.pin')}</h2>
        <p class="muted">{t('resident.profiles.pinWhy')}</p>
        <label class="field">
          <span>{t('resident.profiles.pin')}</span>
          <input type="password" inputmode="numeric" maxLength={4} autocomplete="new-password" value={newPin()} onInput={(e) => setNewPin(e.currentTarget.value)} />
        </label>
        <div class="nav-buttons">
          <button type="button" class="button" onClick={() => void savePin()}>{t('resident.profiles.pinSet')}</button>
          <Show when={store.active()?.pin}>
            <button type="button" class="button secondary" onClick={() => void store.setPin(null)}>{t('resident.profiles.pinRemove')}</button>
          </Show>
        </div>
      </section>
      <div role="status" aria-live="polite"><Show when={message()}><p class="notice">{message()}</p></Show></div>
    </article>
  );
}
