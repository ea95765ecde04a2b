import { createSignal, Show } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { authFor, dummyOtp } from './rules.ts';

/**
 * The mock bank's confirmation: an OTP the mock app shows itself for up to
 * 10 million VND, face authentication (no camera) above it.
 */
export function AuthStep(props: { amount: number; onAuthenticated: (method: 'otp' | 'face') => void }) {
  const code = dummyOtp();
  const [typed, setTyped] = createSignal('');
  const [isWrong, setWrong] = createSignal(false);

  function confirm(e: Event) {
    e.preventDefault();
    if (typed().replace(/\s/g, '') !== code) return setWrong(true);
    setWrong(false);
    props.onAuthenticated('otp');
  }

  return (
    <Show
      when={authFor(props.amount) === 'face'}
      fallback={
        <div data-testid="vietqr-otp">
          <h3 class="stage-focus" tabindex="-1">{t('practiceVietqr.otpTitle')}</h3>
          <p class="mock-sms" data-testid="vietqr-otp-sms" data-code={code}>
            {t('practiceVietqr.otpSms', { code })}
          </p>
          <p class="callout warning">{t('practiceVietqr.otpWarn')}</p>
          <form novalidate onSubmit={confirm}>
            <div class="field">
              <label for="vietqr-otp">{t('practiceVietqr.otpLabel')}</label>
              <input
                id="vietqr-otp"
                data-testid="vietqr-otp-input"
                inputmode="numeric"
                autocomplete="off"
                maxlength="6"
                value={typed()}
                aria-invalid={isWrong()}
                aria-describedby={isWrong() ? 'vietqr-otp-error' : undefined}
                onInput={(e) => setTyped(e.currentTarget.value)}
              />
              <Show when={isWrong()}>
                <p class="field-error" id="vietqr-otp-error" role="alert" data-testid="vietqr-otp-error">
                  <span aria-hidden="true">✗ </span>
                  {t('practiceVietqr.otpWrong')}
                </p>
              </Show>
            </div>
            <button type="submit" class="button" data-testid="vietqr-otp-confirm">
              {t('practiceVietqr.otpConfirm')}
            </button>
          </form>
        </div>
      }
    >
      <div data-testid="vietqr-face">
        <h3 class="stage-focus" tabindex="-1">{t('practiceVietqr.faceTitle')}</h3>
        <p class="callout">{t('practiceVietqr.faceWhy')}</p>
        <div class="mock-face" aria-hidden="true">
          ☺
        </div>
        <p class="muted">{t('practiceVietqr.faceNote')}</p>
        <button type="button" class="button" data-testid="vietqr-face-start" onClick={() => props.onAuthenticated('face')}>
          {t('practiceVietqr.faceStart')}
        </button>
      </div>
    </Show>
  );
}
