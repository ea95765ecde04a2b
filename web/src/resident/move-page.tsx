import { createSignal, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { renderSVG } from 'uqr';
import { language, t } from '../i18n/index.ts';
import { createResidentStore } from './resident-store.ts';
import { errorText } from '../net/error-message.ts';
import { RESIDENT_ERRORS } from './resident-errors.ts';
import './strings.ts';
import '../styles/resident.css';

/** The old phone: makes a one-time transfer code, shown as text and as a QR that opens /recover on the new phone. */
export default function MovePage() {
  const store = createResidentStore();
  const [code, setCode] = createSignal<string | null>(null);
  const [expiresAt, setExpiresAt] = createSignal<string | null>(null);
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);

  const create = async () => {
    setBusy(true);
    setError(null);
    try {
      const made = await store.createRecoveryCode();
      setCode(made.code);
      setExpiresAt(made.expiresAt);
    } catch (err) {
      setError(errorText(err, RESIDENT_ERRORS));
    } finally {
      setBusy(false);
    }
  };
  // The code travels in the fragment: it never reaches a server log.
  const link = (c: string) => `${location.origin}/recover#${c.replace(/-/g, '')}`;

  return (
    <article class="resident">
      <nav class="breadcrumb"><A href="/me">← {t('resident.profile.title')}</A></nav>
      <h1>{t('resident.move.title')}</h1>
      <p class="lead">{t('resident.move.intro')}</p>
      <button type="button" class="button" disabled={busy()} onClick={() => void create()} data-testid="make-recovery-code">
        {t('resident.move.create')}
      </button>
      <Show when={error()}><p class="notice" role="alert">{error()}</p></Show>
      <Show when={code()}>
        {(c) => (
          <section class="card recovery-code" aria-live="polite">
            <h2>{t('resident.move.code')}</h2>
            <p class="code-text" data-testid="recovery-code">{c()}</p>
            <div class="cert-qr" role="img" aria-label={t('resident.move.qr')} innerHTML={renderSVG(link(c()), { border: 2 })} />
            <Show when={expiresAt()}>
              {(at) => <p data-testid="recovery-code-expires">{t('resident.move.expires', { time: new Date(at()).toLocaleString(language() === 'vi' ? 'vi-VN' : 'en-GB', { dateStyle: 'short', timeStyle: 'short' }) })}</p>}
            </Show>
            <p class="notice">{t('resident.move.keep')}</p>
          </section>
        )}
      </Show>
    </article>
  );
}
