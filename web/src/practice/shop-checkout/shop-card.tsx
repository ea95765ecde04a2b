import { Show, type JSX } from 'solid-js';
import { t } from '../../i18n/index.ts';
import type { Shop } from './shops.ts';

/** One shop's offer. Missing seller information is written out ("No information") with a sign, not hidden. */
export function ShopCard(props: { shop: Shop; action: JSX.Element }) {
  const k = (field: string) => `practiceShop.shops.${props.shop.id}.${field}`;
  const Row = (p: { label: string; value: string | null }) => (
    <>
      <dt>{t(`practiceShop.${p.label}`)}</dt>
      <dd classList={{ missing: p.value === null }}>
        {p.value ?? (
          <>
            <span aria-hidden="true">⚠ </span>
            {t('practiceShop.missing')}
          </>
        )}
      </dd>
    </>
  );
  return (
    <article class="shop-card" data-testid={`shop-${props.shop.id}`} aria-labelledby={`shop-name-${props.shop.id}`}>
      <h4 id={`shop-name-${props.shop.id}`}>{t(k('name'))}</h4>
      <Show when={props.shop.isFake}>
        <p class="shop-banner">{t(k('banner'))}</p>
      </Show>
      <p class="shop-price">
        {t('practiceShop.price')}: <strong>{props.shop.price}</strong>
      </p>
      <dl class="mock-fields" aria-label={t('practiceShop.seller')}>
        <Row label="address" value={props.shop.hasAddress ? t(k('address')) : null} />
        <Row label="phone" value={props.shop.phone} />
        <Row label="taxCode" value={props.shop.taxCode} />
        <Row label="delivery" value={props.shop.hasDelivery ? t(k('delivery')) : null} />
        <Row label="payment" value={t(k('payment'))} />
        <Row label="returns" value={props.shop.hasReturns ? t(k('returns')) : null} />
      </dl>
      {props.action}
    </article>
  );
}
