import { A } from '@solidjs/router';
import { For } from 'solid-js';
import { PRIVACY_NOTICE_DATE, PRIVACY_NOTICE_VERSION } from '../../../shared/privacy.ts';
import { t } from '../i18n/index.ts';
import './strings.ts';
import '../styles/resident.css';

/** The plain-language privacy notice; its version is what consent events name. */
export default function PrivacyPage() {
  const parts = ['who', 'what', 'why', 'rights', 'law'];
  return (
    <article class="resident privacy" data-testid="privacy-notice">
      <nav class="breadcrumb"><A href="/">{t('resident.back')}</A></nav>
      <h1>{t('resident.privacy.title')}</h1>
      <p class="muted">{t('resident.privacy.version', { version: PRIVACY_NOTICE_VERSION, date: PRIVACY_NOTICE_DATE })}</p>
      <For each={parts}>
        {(p) => (
          <section>
            <h2>{t(`resident.privacy.${p}Title`)}</h2>
            <p>{t(`resident.privacy.${p}`)}</p>
          </section>
        )}
      </For>
    </article>
  );
}
