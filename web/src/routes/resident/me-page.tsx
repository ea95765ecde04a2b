import { createResource, createSignal, Show } from 'solid-js';
import { A } from '@solidjs/router';
import type { ProfileDetails } from '../../../../shared/events/resident.ts';
import { formatTime, t } from '../../i18n/index.ts';
import { useStores } from '../../stores/app-stores.tsx';
import { createResidentStore } from '../../stores/resident-store.ts';
import { ProfileForm, type GroupOption } from './profile-form.tsx';
import './strings.ts';
import '../../styles/resident.css';

const GROUPS_KEY = 'hvs.wardGroups';

/** Residential groups from the ward profile; the last list seen is kept for offline use. */
async function loadGroups(fetchGroups: () => Promise<GroupOption[]>): Promise<GroupOption[]> {
  try {
    const groups = await fetchGroups();
    localStorage.setItem(GROUPS_KEY, JSON.stringify(groups));
    return groups;
  } catch {
    try {
      return JSON.parse(localStorage.getItem(GROUPS_KEY) ?? '[]') as GroupOption[];
    } catch {
      return [];
    }
  }
}

export default function MePage() {
  const { sync } = useStores();
  const store = createResidentStore();
  const [groups] = createResource(() => loadGroups(store.wardGroups), { initialValue: [] });
  const [message, setMessage] = createSignal<string | null>(null);

  const after = async (work: Promise<void>, key: string) => {
    await work;
    setMessage(t(key));
    void sync.syncNow();
  };
  const save = (d: ProfileDetails) => after(store.saveDetails(d), store.active()?.consent ? 'resident.profile.savedShared' : 'resident.profile.savedLocal');
  const consent = (d: ProfileDetails) => after(store.giveConsent(d), 'resident.profile.savedShared');

  return (
    <article class="resident">
      <nav class="breadcrumb"><A href="/">{t('resident.back')}</A></nav>
      <h1>{t('resident.profile.title')}</h1>
      <p class="lead">{t('resident.profile.intro')}</p>
      <Show when={store.active()} keyed>
        {(p) => (
          <>
            <ProfileForm details={p.details} hasConsent={p.consent !== null} groups={groups()} onSave={save} onConsent={consent} />
            <div role="status" aria-live="polite" data-testid="profile-message">
              <Show when={message()}><p class="notice ok">{message()}</p></Show>
            </div>
            <section class="card" data-testid="consent-state">
              <Show when={p.consent} fallback={<p>{t('resident.profile.consentNone')}</p>}>
                {(c) => (
                  <>
                    <p>{t('resident.profile.consentGiven', { date: formatTime(c().givenAt), version: c().noticeVersion })}</p>
                    <button type="button" class="button secondary" data-testid="consent-withdraw" onClick={() => void after(store.withdrawConsent(), 'resident.profile.withdrawn')}>
                      {t('resident.profile.withdraw')}
                    </button>
                  </>
                )}
              </Show>
            </section>
          </>
        )}
      </Show>
      <h2>{t('resident.profile.more')}</h2>
      <ul class="link-list">
        <li><A href="/me/data" data-testid="link-my-data">{t('resident.profile.dataLink')}</A></li>
        <li><A href="/me/move" data-testid="link-move">{t('resident.profile.moveLink')}</A></li>
        <li><A href="/profiles">{t('resident.profile.profilesLink')}</A></li>
        <li><A href="/certificates">{t('resident.certificate.list')}</A></li>
        <li><A href="/privacy">{t('resident.profile.privacyLink')}</A></li>
      </ul>
    </article>
  );
}
