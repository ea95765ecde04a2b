import { createSignal, Match, Show, Switch } from 'solid-js';
import { renderSVG } from 'uqr';
import { t } from '../../i18n/index.ts';
import { registerStrings } from '../../i18n/lazy-strings.ts';
import { ChoiceList, Feedback, focusStage, MockPhone, TaskCard, type Verdict } from '../parts.tsx';
import { findPersonalData } from '../personal-data.ts';
import type { SimulatorProps } from '../registry.ts';
import { formatVnd, parseAmount } from '../vietqr-transfer/rules.ts';
import vi from '../../i18n/vi/lazy/practiceCounter.json';
import en from '../../i18n/en/lazy/practiceCounter.json';

registerStrings('practiceCounter', { vi, en });

export const SHOP_NAME = 'NGUYEN VAN A';
// Two customers: the first shows a "transfer successful" screen but no money
// arrives; the second really pays.
export const CUSTOMERS = [
  { price: 85_000, pays: false },
  { price: 120_000, pays: true },
] as const;
type Stage = 'amount' | 'claim' | 'bank' | 'served';
const k = (key: string, o?: Record<string, unknown>) => t(`practiceCounter.${key}`, o);
// A plain "practice only" text, not a payment payload: a real bank app finds nothing to pay.
const qrSvg = renderSVG(`HOC VU SO - QR GIA LAP, KHONG DUNG DE THANH TOAN - ${SHOP_NAME}`, { border: 1 });

/**
 * The shopkeeper's side of a VietQR payment: tell the customer the amount,
 * let them scan the shop's QR, then hand over the goods only when the shop's
 * own bank app shows the money, never on the strength of the customer's
 * screen or screenshot.
 */
export default function ReceiveQrCounter(props: SimulatorProps) {
  const [round, setRound] = createSignal(0);
  const [stage, setStage] = createSignal<Stage>('amount');
  const [amount, setAmount] = createSignal('');
  const [amountError, setAmountError] = createSignal<string | null>(null);
  const [verdict, setVerdict] = createSignal<Verdict>(null);
  const customer = () => CUSTOMERS[round()];
  const price = () => formatVnd(customer().price);
  const isLast = () => round() === CUSTOMERS.length - 1;

  function tellAmount(e: Event) {
    e.preventDefault();
    // Six plain digits are an amount here, not an OTP; a phone or ID number is never one.
    const kind = findPersonalData(amount()) === 'otp' ? null : findPersonalData(amount());
    const n = parseAmount(amount());
    if (kind) setAmountError(t(`practice.personal.${kind}`));
    else if (n !== customer().price) setAmountError(k('amountWrong', { price: price() }));
    else return (setAmountError(null), setVerdict(null), setStage('claim'), focusStage());
    document.getElementById('counter-amount')?.focus();
  }

  function onClaim(id: string) {
    setVerdict({ ok: id === 'checkApp', text: k(`claim.${id}`) });
    if (id === 'checkApp') (setStage('bank'), focusStage());
  }

  function onBank(id: string) {
    const ok = (id === 'handOver') === customer().pays;
    setVerdict({ ok, text: k(`bank.${customer().pays ? 'paid' : 'unpaid'}.${id}`, { price: price() }) });
    if (!ok) return;
    setStage('served');
    focusStage();
    if (isLast()) props.onDone();
  }

  function nextCustomer() {
    setRound(round() + 1);
    setAmount('');
    setVerdict(null);
    setStage('amount');
    document.getElementById('counter-order')?.focus();
  }

  return (
    <div class="simulator" data-testid="sim-receive-qr-counter" data-round={round() + 1} data-stage={stage()}>
      <TaskCard>
        <p>{k('task')}</p>
        <p id="counter-order" tabindex="-1" data-testid="counter-order">{k('order', { n: round() + 1, total: CUSTOMERS.length, price: price() })}</p>
      </TaskCard>
      <Switch>
        <Match when={stage() === 'amount'}>
          <figure class="mock-qr">
            <figcaption>{k('counterQr', { name: SHOP_NAME })}</figcaption>
            <div role="img" aria-label={k('qrAlt', { name: SHOP_NAME })} innerHTML={qrSvg} />
          </figure>
          <form novalidate onSubmit={tellAmount}>
            <div class="field">
              <label for="counter-amount">{k('amountLabel')}</label>
              <input
                id="counter-amount"
                data-testid="counter-amount"
                inputmode="numeric"
                autocomplete="off"
                value={amount()}
                aria-invalid={amountError() !== null}
                aria-describedby={amountError() ? 'counter-amount-error' : undefined}
                onInput={(e) => setAmount(e.currentTarget.value)}
              />
              <Show when={amountError()}>
                <p class="field-error" id="counter-amount-error" role="alert" data-testid="counter-amount-error">
                  <span aria-hidden="true">✗ </span>
                  {amountError()}
                </p>
              </Show>
            </div>
            <button type="submit" class="button" data-testid="counter-amount-tell">
              {k('amountTell')}
            </button>
          </form>
        </Match>
        <Match when={stage() === 'claim'}>
          <MockPhone app={k('customerPhone')} testid="counter-customer-screen">
            <p class="mock-title">
              <span aria-hidden="true">✓ </span>
              {k('customerScreen', { price: price(), name: SHOP_NAME })}
            </p>
          </MockPhone>
          <p class="stage-focus" tabindex="-1">
            {k('customerSays')}
          </p>
          <ChoiceList testidPrefix="counter-claim" onChoose={onClaim} options={['handOver', 'checkApp', 'screenshot'].map((id) => ({ id, label: k(`claimChoice.${id}`) }))} />
        </Match>
        <Match when={stage() === 'bank' || stage() === 'served'}>
          <MockPhone app={k('myBank')} testid="counter-bank">
            <h3 class="stage-focus" tabindex="-1">
              {k('notifications')}
            </h3>
            <p class="mock-sms" data-testid="counter-notification">
              {customer().pays ? k('moneyIn', { price: price(), name: SHOP_NAME }) : k('nothingNew')}
            </p>
          </MockPhone>
          <Show when={stage() === 'bank'}>
            <ChoiceList testidPrefix="counter-bank" onChoose={onBank} options={['handOver', 'wait'].map((id) => ({ id, label: k(`bankChoice.${id}`) }))} />
          </Show>
          <Show when={stage() === 'served' && !isLast()}>
            <div class="nav-buttons">
              <button type="button" class="button" data-testid="counter-next" onClick={nextCustomer}>
                {k('next')} →
              </button>
            </div>
          </Show>
        </Match>
      </Switch>
      <Feedback verdict={verdict()} />
    </div>
  );
}
