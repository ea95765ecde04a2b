import { createSignal, For, Match, Show, Switch } from 'solid-js';
import { t } from '../../i18n/index.ts';
import { registerStrings } from '../../i18n/lazy-strings.ts';
import { Feedback, focusStage, MockPhone, TaskCard, type Verdict } from '../parts.tsx';
import type { SimulatorProps } from '../registry.ts';
import { ShopCard } from './shop-card.tsx';
import { SHOPS, type Shop } from './shops.ts';
import vi from '../../i18n/vi/lazy/practiceShop.json';
import en from '../../i18n/en/lazy/practiceShop.json';

registerStrings('practiceShop', { vi, en });

type Stage = 'spot' | 'buy' | 'checkout' | 'placed';
type Pay = 'cod' | 'platform' | 'personal';

/**
 * Mock e-commerce: three shops for one product. Spot the fake one (no seller
 * information, transfer to a personal account, price too good), buy from a
 * trustworthy one, and choose a safe way to pay.
 */
export default function ShopCheckout(props: SimulatorProps) {
  const [stage, setStage] = createSignal<Stage>('spot');
  const [shop, setShop] = createSignal<Shop | null>(null);
  const [pay, setPay] = createSignal<Pay | null>(null);
  const [payError, setPayError] = createSignal<string | null>(null);
  const [verdict, setVerdict] = createSignal<Verdict>(null);

  function report(s: Shop) {
    if (!s.isFake) return setVerdict({ ok: false, text: t('practiceShop.realWrong') });
    setVerdict({ ok: true, text: t('practiceShop.fakeRight') });
    setStage('buy');
    focusStage();
  }

  function buy(s: Shop) {
    if (s.isFake) return setVerdict({ ok: false, text: t('practiceShop.buyFakeWrong') });
    setVerdict(null);
    setShop(s);
    setStage('checkout');
    focusStage();
  }

  function placeOrder(e: Event) {
    e.preventDefault();
    if (!pay()) return setPayError(t('practiceShop.payRequired'));
    if (pay() === 'personal') return setPayError(t('practiceShop.payPersonalWrong'));
    setPayError(null);
    setVerdict({ ok: true, text: t('practiceShop.placedRight') });
    setStage('placed');
    props.onDone();
  }

  return (
    <div class="simulator" data-testid="sim-shop-checkout">
      <TaskCard>
        <p>{t('practiceShop.task')}</p>
      </TaskCard>
      <MockPhone app={t('practiceShop.app')}>
        <Switch>
          <Match when={stage() === 'spot' || stage() === 'buy'}>
            <h3 class="stage-focus" tabindex="-1">{t('practiceShop.product')}</h3>
            <p class="practice-ask">
              <strong>{stage() === 'spot' ? t('practiceShop.askFake') : t('practiceShop.askBuy')}</strong>
            </p>
            <For each={SHOPS}>
              {(s) => (
                <ShopCard
                  shop={s}
                  action={
                    stage() === 'spot' ? (
                      <button type="button" class="button secondary" data-testid={`shop-report-${s.id}`} onClick={() => report(s)}>
                        {t('practiceShop.report')}
                      </button>
                    ) : (
                      <button type="button" class="button" data-testid={`shop-buy-${s.id}`} onClick={() => buy(s)}>
                        {t('practiceShop.buy')}
                      </button>
                    )
                  }
                />
              )}
            </For>
          </Match>
          <Match when={stage() === 'checkout' || stage() === 'placed'}>
            <h3 class="stage-focus" tabindex="-1">{stage() === 'placed' ? t('practiceShop.placedTitle') : t('practiceShop.checkoutTitle')}</h3>
            <dl class="mock-fields">
              <dt>{t('practiceShop.shopLabel')}</dt>
              <dd>{t(`practiceShop.shops.${shop()!.id}.name`)}</dd>
              <dt>{t('practiceShop.price')}</dt>
              <dd>{shop()!.price}</dd>
              <dt>{t('practiceShop.receiver')}</dt>
              <dd>NGUYỄN VĂN A</dd>
              <dt>{t('practiceShop.receiverPhone')}</dt>
              <dd>0000 000 000</dd>
              <dt>{t('practiceShop.deliveryAddress')}</dt>
              <dd>{t('practiceShop.dummyAddress')}</dd>
            </dl>
            <Show when={stage() === 'checkout'}>
              <form novalidate onSubmit={placeOrder}>
                <fieldset class="field" aria-describedby={payError() ? 'shop-pay-error' : undefined}>
                  <legend>{t('practiceShop.payQuestion')}</legend>
                  <For each={['personal', 'cod', 'platform'] as const}>
                    {(p) => (
                      <label class="radio">
                        <input type="radio" name="shop-pay" data-testid={`shop-pay-${p}`} checked={pay() === p} onChange={() => setPay(p)} />
                        {t(`practiceShop.pay${p[0].toUpperCase()}${p.slice(1)}`)}
                      </label>
                    )}
                  </For>
                  <Show when={payError()}>
                    <p class="field-error" id="shop-pay-error" role="alert" data-testid="shop-pay-error">
                      <span aria-hidden="true">✗ </span>
                      {payError()}
                    </p>
                  </Show>
                </fieldset>
                <button type="submit" class="button" data-testid="shop-place-order">
                  {t('practiceShop.placeOrder')}
                </button>
              </form>
            </Show>
          </Match>
        </Switch>
      </MockPhone>
      <Feedback verdict={verdict()} />
    </div>
  );
}
