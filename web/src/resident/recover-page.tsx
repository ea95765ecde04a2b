import { createSignal, lazy, Show, Suspense } from 'solid-js';
import { A } from '@solidjs/router';
import { t } from '../i18n/index.ts';
import { createResidentStore } from './resident-store.ts';
import { errorText, type ErrorKeys } from '../net/error-message.ts';
import { RESIDENT_ERRORS } from './resident-errors.ts';
import { recoveryCodeFrom } from '../scan/scan-targets.ts';
import './strings.ts';
import '../styles/resident.css';

// The camera scanner loads only on this screen (the old phone shows a QR of <origin>/recover#<code>).
const QrScanner = lazy(() => import('../scan/qr-scanner.tsx'));

const ERRORS: ErrorKeys = {
  ...RESIDENT_ERRORS,
  byCode: {
    recovery_code_unknown: 'resident.recover.unknown',
    recovery_code_used: 'resident.recover.used',
    recovery_code_expired: 'resident.recover.expired',
    recovery_code_invalid: 'resident.recover.invalid',
    too_many_requests: 'resident.recover.tooMany',
  },
};

/** The new phone: type the transfer code (or arrive here from its QR, which carries it after "#"). */
export default function RecoverPage() {
  const store = createResidentStore();
  const [code, setCode] = createSignal(decodeURIComponent(location.hash.slice(1)));
  const [error, setError] = createSignal<string | null>(null);
  const [busy, setBusy] = createSignal(false);
  const [done, setDone] = createSignal(false);

  const submit = async (e: Event) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await store.redeem(code());
      // Stay here until the resident has read it; going on is their tap.
      setDone(true);
    } catch (err) {
      setError(errorText(err, ERRORS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <article class="resident">
      <nav class="breadcrumb"><A href="/">{t('resident.back')}</A></nav>
      <h1>{t('resident.recover.title')}</h1>
      <p class="lead">{t('resident.recover.intro')}</p>
      <Suspense>
        <QrScanner
          onResult={(text) => {
            const scanned = recoveryCodeFrom(text);
            if (scanned) setCode(scanned);
            return scanned !== null;
          }}
        />
      </Suspense>
      <form class="stack" onSubmit={(e) => void submit(e)}>
        <label class="field">
          <span>{t('resident.recover.code')}</span>
          <input
            name="code"
            class="code-input"
            autocomplete="off"
            autocapitalize="characters"
            spellcheck={false}
            maxLength={24}
            value={code()}
            onInput={(e) => setCode(e.currentTarget.value)}
            aria-describedby="recover-error"
            data-testid="recover-code"
          />
        </label>
        <button type="submit" class="button" disabled={busy() || done() || code().trim() === ''} data-testid="recover-submit">
          {t('resident.recover.submit')}
        </button>
      </form>
      <div id="recover-error" role="status" aria-live="polite">
        <Show when={error()}><p class="notice" data-testid="recover-error">{error()}</p></Show>
        <Show when={done()}>
          <div class="notice ok" data-testid="recover-done">
            <p>{t('resident.recover.done')}</p>
            {/* A full start (not a route change), so every screen reads the recovered learner. */}
            <a href="/" class="button" data-testid="recover-continue" onClick={(e) => { e.preventDefault(); location.href = '/'; }}>
              {t('resident.recover.continue')} →
            </a>
          </div>
        </Show>
      </div>
    </article>
  );
}
