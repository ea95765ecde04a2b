import { createSignal, For, Show } from 'solid-js';
import { A } from '@solidjs/router';
import type { ProfileRow } from './db/index.ts';
import { t } from '../i18n/index.ts';
import { createResidentStore } from './resident-store.ts';
import { PinPrompt } from './pin-prompt.tsx';
import './strings.ts';
import '../styles/resident.css';

/** Family members on one phone: switch (with the PIN if set), add, and set one's own PIN. */
export default function ProfilesPage() {
  const store = createResidentStore();
  const [asking, setAsking] = createSignal<string | null>(null);
  const [newPin, setNewPin] = createSignal('');
  const [message, setMessage] = createSignal<string | null>(null);
  const [adding, setAdding] = createSignal(false);
  const [newName, setNewName] = createSignal('');

  const label = (p: ProfileRow, i: number) => p.details.displayName ?? t('resident.profiles.unnamed', { n: i + 1 });
  // A full start, so every screen (progress, sync status) reads the new learner.
  const restart = () => (location.href = '/');

  // A profile with a PIN asks for it first; one without opens at once.
  const open = async (p: ProfileRow) => {
    setMessage(null);
    if (p.pin) return void setAsking(p.learnerId);
    if (await store.switchTo(p.learnerId)) restart();
  };
  const openWithPin = async (p: ProfileRow, pin: string) => {
    const ok = await store.switchTo(p.learnerId, pin);
    if (ok) restart();
    return ok;
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
              <strong>
                {label(p, i())}
                <Show when={p.pin}>{' '}<span class="muted">({t('resident.profiles.hasPin')})</span></Show>
              </strong>
              <Show when={p.learnerId === store.active()?.learnerId} fallback={
                <>
                  <Show
                    when={asking() === p.learnerId}
                    fallback={
                      <button type="button" class="button secondary" onClick={() => void open(p)} data-testid="profile-switch">
                        {t('resident.profiles.switch')}
                      </button>
                    }
                  >
                    <PinPrompt name={label(p, i())} onSubmit={(pin) => openWithPin(p, pin)} onCancel={() => setAsking(null)} />
                  </Show>
                </>
              }>
                <span class="tag">{t('resident.profiles.active')}</span>
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show
        when={adding()}
        fallback={
          <button type="button" class="button" onClick={() => setAdding(true)} data-testid="add-profile">
            {t('resident.profiles.add')}
          </button>
        }
      >
        {/* Asked first: a nameless "Người học 2" is how lessons get recorded for the wrong person. */}
        <form
          class="card"
          data-testid="add-profile-form"
          onSubmit={(e) => {
            e.preventDefault();
            const name = newName().trim();
            if (name) void store.createProfile(name).then(restart);
          }}
        >
          <label class="field">
            <span>{t('resident.profiles.newName')}</span>
            <input required maxLength={60} autocomplete="off" value={newName()} onInput={(e) => setNewName(e.currentTarget.value)} data-testid="add-profile-name" />
          </label>
          <p class="muted">{t('resident.profiles.newNameWhy')}</p>
          <div class="nav-buttons">
            <button type="submit" class="button" data-testid="add-profile-save">{t('resident.profiles.addAndSwitch')}</button>
            <button type="button" class="button secondary" onClick={() => (setAdding(false), setNewName(''))}>{t('resident.profiles.cancel')}</button>
          </div>
        </form>
      </Show>
      <section class="card" aria-labelledby="pin-title">
        <h2 id="pin-title">{t('resident.profiles.pinTitle')}</h2>
        <p class="muted">{t('resident.profiles.pinWhy')}</p>
        <p data-testid="pin-state">{store.active()?.pin ? t('resident.profiles.pinIsSet') : t('resident.profiles.pinNotSet')}</p>
        <label class="field">
          <span>{t('resident.profiles.pin')}</span>
          <input type="password" inputmode="numeric" maxLength={4} autocomplete="new-password" value={newPin()} onInput={(e) => setNewPin(e.currentTarget.value)} data-testid="pin-new" />
        </label>
        <div class="nav-buttons">
          <button type="button" class="button" onClick={() => void savePin()} data-testid="pin-set">{t('resident.profiles.pinSet')}</button>
          <Show when={store.active()?.pin}>
            <button type="button" class="button secondary" onClick={() => void store.setPin(null).then(() => setMessage(t('resident.profiles.pinRemoved')))}>
              {t('resident.profiles.pinRemove')}
            </button>
          </Show>
        </div>
        <div role="status" aria-live="polite" data-testid="pin-message"><Show when={message()}><p class="notice">{message()}</p></Show></div>
      </section>
    </article>
  );
}
