import { createSignal, Match, Show, Switch } from 'solid-js';
import { renderSVG } from 'uqr';
import { t } from '../../i18n/index.ts';
import { registerStrings } from '../../i18n/lazy-strings.ts';
import { Feedback, focusStage, MockPhone, TaskCard, type Verdict } from '../parts.tsx';
import type { SimulatorProps } from '../registry.ts';
import { AuthStep } from './auth-step.tsx';
import { formatVnd, parseAmount } from './rules.ts';
import vi from '../../i18n/vi/lazy/practiceVietqr.json';
import en from '../../i18n/en/lazy/practiceVietqr.json';

registerStrings('practiceVietqr', { vi, en });

const RIGHT = 'NGUYEN VAN A';
const WRONG = 'TRAN VAN B';
// Two tasks: a small payment (OTP), where the counter's QR has been covered by
// someone else's, then a deposit over 10 million VND (face authentication).
const TASKS = [
  { key: 'task1', amount: 150_000, hasTrap: true },
  { key: 'task2', amount: 12_000_000, hasTrap: false },
] as const;

type Stage = 'scan' | 'recipient' | 'amount' | 'auth' | 'receipt';
type Qr = 'counter' | 'seller';

// The codes hold a plain "practice only" text, not a payment payload: a real
// bank app that scans them finds nothing to pay.
const qrSvg = (who: string) => renderSVG(`HOC VU SO - QR GIA LAP, KHONG DUNG DE THANH TOAN - ${who}`, { border: 1 });

/**
 * Mock VietQR transfer: scan, check the recipient's name (the pasted-over QR
 * is a trap), type the amount, then confirm with a dummy OTP (up to 10 million
 * VND) or mock face authentication (above it).
 */
export default function VietqrTransfer(props: SimulatorProps) {
  const [task, setTask] = createSignal(0);
  const [stage, setStage] = createSignal<Stage>('scan');
  const [scanned, setScanned] = createSignal<Qr>('counter');
  const [trapCleared, setTrapCleared] = createSignal(false);
  const [amount, setAmount] = createSignal('');
  const [amountError, setAmountError] = createSignal<string | null>(null);
  const [verdict, setVerdict] = createSignal<Verdict>(null);
  const current = () => TASKS[task()];
  const recipient = () => (scanned() === 'counter' ? WRONG : RIGHT);
  const offered = (): Qr => (current().hasTrap && !trapCleared() ? 'counter' : 'seller');
  // The pressed button is gone with its screen: focus the new screen's heading.
  const go = (s: Stage) => (setStage(s), focusStage());

  function scan() {
    setVerdict(null);
    setScanned(offered());
    go('recipient');
  }

  function judgeName(saysRight: boolean) {
    const isRight = recipient() === RIGHT;
    if (isRight && saysRight) return (setVerdict(null), go('amount'));
    if (isRight) return setVerdict({ ok: false, text: t('practiceVietqr.matchCancel') });
    if (saysRight) return setVerdict({ ok: false, text: t('practiceVietqr.mismatchContinue') });
    setTrapCleared(true);
    setVerdict({ ok: true, text: t('practiceVietqr.mismatchCancel') });
    go('scan');
  }

  function submitAmount(e: Event) {
    e.preventDefault();
    const n = parseAmount(amount());
    if (n === null) return setAmountError(t('practiceVietqr.amountRequired'));
    if (n !== current().amount) return setAmountError(t('practiceVietqr.amountMismatch', { amount: formatVnd(current().amount) }));
    setAmountError(null);
    go('auth');
  }

  function authenticated(method: 'otp' | 'face') {
    setVerdict({ ok: true, text: t(method === 'face' ? 'practiceVietqr.faceDone' : 'practiceVietqr.otpDone') });
    go('receipt');
    if (task() === TASKS.length - 1) props.onDone();
  }

  function nextTask() {
    setTask(task() + 1);
    setAmount('');
    setVerdict(null);
    go('scan');
  }

  return (
    <div class="simulator" data-testid="sim-vietqr-transfer" data-task={task() + 1}>
      <TaskCard>
        <p data-testid="vietqr-task">{t(`practiceVietqr.${current().key}`, { amount: formatVnd(current().amount) })}</p>
      </TaskCard>
      <MockPhone app={t('practiceVietqr.app')}>
        <Switch>
          <Match when={stage() === 'scan'}>
            <figure class="mock-qr">
              <figcaption class="stage-focus" tabindex="-1">
                {t(offered() === 'counter' ? 'practiceVietqr.counterQr' : 'practiceVietqr.sellerQr')}
              </figcaption>
              <Show when={offered() === 'seller'}>
                <p class="muted">{t('practiceVietqr.sellerShows')}</p>
              </Show>
              <div role="img" aria-label={t('practiceVietqr.qrAlt')} innerHTML={qrSvg(offered() === 'counter' ? WRONG : RIGHT)} />
            </figure>
            <button type="button" class="button" data-testid="vietqr-scan" onClick={scan}>
              {t('practiceVietqr.scan')}
            </button>
          </Match>
          <Match when={stage() === 'recipient'}>
            <h3 class="stage-focus" tabindex="-1">{t('practiceVietqr.recipientTitle')}</h3>
            <p>{t('practiceVietqr.recipientNote')}</p>
            <dl class="mock-fields">
              <dt>{t('practiceVietqr.recipient')}</dt>
              <dd class="mock-recipient" data-testid="vietqr-recipient">{recipient()}</dd>
              <dt>{t('practiceVietqr.accountNo')}</dt>
              <dd>0000 0000 0000</dd>
              <dt>{t('practiceVietqr.bank')}</dt>
              <dd>{t('practiceVietqr.bankName')}</dd>
            </dl>
            <div class="nav-buttons">
              <button type="button" class="button secondary" data-testid="vietqr-name-wrong" onClick={() => judgeName(false)}>
                {t('practiceVietqr.nameWrong')}
              </button>
              <button type="button" class="button" data-testid="vietqr-name-ok" onClick={() => judgeName(true)}>
                {t('practiceVietqr.nameOk')}
              </button>
            </div>
          </Match>
          <Match when={stage() === 'amount'}>
            <h3 class="stage-focus" tabindex="-1">{t('practiceVietqr.amountTitle')}</h3>
            <form novalidate onSubmit={submitAmount}>
              <div class="field">
                <label for="vietqr-amount">{t('practiceVietqr.amountLabel')}</label>
                <p class="muted" id="vietqr-amount-hint">{t('practiceVietqr.amountHint')}</p>
                <input
                  id="vietqr-amount"
                  data-testid="vietqr-amount"
                  inputmode="numeric"
                  autocomplete="off"
                  value={amount()}
                  aria-invalid={amountError() !== null}
                  aria-describedby={amountError() ? 'vietqr-amount-hint vietqr-amount-error' : 'vietqr-amount-hint'}
                  onInput={(e) => setAmount(e.currentTarget.value)}
                />
                <Show when={amountError()}>
                  <p class="field-error" id="vietqr-amount-error" role="alert" data-testid="vietqr-amount-error">
                    <span aria-hidden="true">✗ </span>
                    {amountError()}
                  </p>
                </Show>
              </div>
              <button type="submit" class="button" data-testid="vietqr-amount-continue">
                {t('practiceVietqr.amountContinue')}
              </button>
            </form>
          </Match>
          <Match when={stage() === 'auth'}>
            <AuthStep amount={current().amount} onAuthenticated={authenticated} />
          </Match>
          <Match when={stage() === 'receipt'}>
            <h3 class="stage-focus" tabindex="-1">
              <span aria-hidden="true">✓ </span>
              {t('practiceVietqr.receiptTitle')}
            </h3>
            <p data-testid="vietqr-receipt">{t('practiceVietqr.receipt', { amount: formatVnd(current().amount), name: RIGHT })}</p>
            <Show when={task() < TASKS.length - 1}>
              <button type="button" class="button" data-testid="vietqr-next-task" onClick={nextTask}>
                {t('practiceVietqr.nextTask')} →
              </button>
            </Show>
          </Match>
        </Switch>
      </MockPhone>
      <Feedback verdict={verdict()} />
    </div>
  );
}
