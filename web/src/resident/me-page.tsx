import { createResource, createSignal, Show } from 'solid-js';
import { A } from '@solidjs/router';
import type { ProfileDetails } from '../../../shared/events/resident.ts';
import { t } from '../i18n/index.ts';
import { formatDate } from './format-date.ts';
import { formatLearnerCode } from '../../../shared/guide/learner-code.ts';
import { useStores } from '../app/app-stores.tsx';
import { createResidentStore } from './resident-store.ts';
import { ProfileForm, type GroupOption } from './profile-form.tsx';
import './strings.ts';
import '../styles/resident.css';

export default function MePage() {
  const { sync, learner } = useStores();
  const store = createResidentStore();
  const [groups] = createResource(async (): Promise<GroupOption[]> => (await store.wardProfile())?.groups ?? [], { initialValue: [] });
  const [message, setMessage] = createSignal<string | null>(null);

  const after = async (work: Promise<void>, key?: string) => {
    setMessage(null);
    await work;
    if (key) setMessage(t(key));
    void sync.syncNow();
    learner.refresh().catch(() => undefined); // a new name shows at once where it says who is learning
  };
  // The form itself says where the details went (this phone only, or the ward).
  const save = (d: ProfileDetails) => after(store.saveDetails(d));
  const consent = (d: ProfileDetails) => after(store.giveConsent(d));

  return (
    <article class="resident">
      <nav class="breadcrumb"><A href="/">{t('resident.back')}</A></nav>
      <h1>{t('resident.profile.title')}</h1>
      <p class="lead">{t('resident.profile.intro')}</p>
      {/* Not keyed: the form stays mounted across saves, so its message survives the reload of the row. */}
      <Show when={store.active()}>
        {(p) => (
          <>
            {/* The code a guide matches on the session's roster. */}
            <p data-testid="profile-learner-code">{t('resident.profile.learnerCode')} <strong>{formatLearnerCode(p().learnerId)}</strong></p>
            <ProfileForm details={p().details} hasConsent={p().consent !== null} groups={groups()} onSave={save} onConsent={consent} />
            <div role="status" aria-live="polite" data-testid="profile-message">
              <Show when={message()}><p class="notice ok">{message()}</p></Show>
            </div>
            {/* Without consent the form itself says the details stay on this phone. */}
            <Show when={p().consent}>
              {(c) => (
                <section class="card" data-testid="consent-state">
                  <p>{t('resident.profile.consentGiven', { date: formatDate(c().givenAt) })}</p>
                  <button type="button" class="button secondary" data-testid="consent-withdraw" onClick={() => void after(store.withdrawConsent(), 'resident.profile.withdrawn')}>
                    {t('resident.profile.withdraw')}
                  </button>
                </section>
              )}
            </Show>
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
