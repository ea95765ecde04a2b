import { createSignal, Show } from 'solid-js';
import { A } from '@solidjs/router';
import { t } from '../i18n/index.ts';

const SEEN_KEY = 'hvs.welcomed';
const seen = () => {
  try {
    return localStorage.getItem(SEEN_KEY) === '1';
  } catch {
    return false;
  }
};

/**
 * First launch: three short screens (what the app is, that it works offline,
 * what data it keeps), skippable. Shown above the courses rather than in
 * front of them, so learning can start at once.
 */
export function WelcomePanel() {
  const [step, setStep] = createSignal(seen() ? 0 : 1);
  const close = () => {
    setStep(0);
    try {
      localStorage.setItem(SEEN_KEY, '1');
    } catch {
      // Shown again next time; harmless.
    }
  };
  return (
    <Show when={step() > 0}>
      <section class="welcome card" aria-label={t('welcome.label')} aria-live="polite" data-testid="welcome">
        <p class="muted">{t('welcome.step', { n: step() })}</p>
        <h2>{t(`welcome.s${step()}Title`)}</h2>
        <p>{t(`welcome.s${step()}Text`)}</p>
        <Show when={step() === 3}>
          <p>
            <A href="/privacy">{t('welcome.privacyLink')}</A>
          </p>
        </Show>
        <div class="nav-buttons">
          <Show
            when={step() < 3}
            fallback={
              <button type="button" class="button" onClick={close} data-testid="welcome-start">
                {t('welcome.start')}
              </button>
            }
          >
            <button type="button" class="button" onClick={() => setStep(step() + 1)} data-testid="welcome-next">
              {t('welcome.next')}
            </button>
            <button type="button" class="button secondary" onClick={close} data-testid="welcome-skip">
              {t('welcome.skip')}
            </button>
          </Show>
        </div>
      </section>
    </Show>
  );
}
