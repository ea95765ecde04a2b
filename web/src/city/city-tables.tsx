// The city's figures as tables: every locality against its target, the
// emulation ranking, and new learners by week. Each table scrolls sideways
// in its own box at 360 px, its first column kept in view.
import { For, Show } from 'solid-js';
import type { MeasureStanding, Standing } from '../../../shared/city/targets.ts';
import type { CityTrends } from '../../../shared/city/trends.ts';
import { rankOf, type CityView } from '../../../shared/city/view.ts';
import type { FigureKind } from '../../../shared/stats/figure-kinds.ts';
import { t } from '../i18n/index.ts';
import { date, num, pct, points } from '../dashboard/format.ts';

const measureText = (m: MeasureStanding, target: string, key: 'coverage' | 'learners') => {
  const status = t(`city.standing.status.${m.status}`);
  const gap = m.status === 'not-yet' && m.gap !== null ? `, ${key === 'coverage' ? t('city.standing.gapShare', { gap: points(Math.round(m.gap * 1000) / 10) }) : t('city.standing.gapPeople', { gap: num(m.gap) })}` : '';
  return `${t(`city.standing.${key}`, { target, status })}${gap}`;
};

export function StandingCell(props: { standing: Standing }) {
  const s = () => props.standing;
  return (
    <Show when={s().by} fallback={<span class="city-muted">{t('city.standing.none')}</span>}>
      <ul class="city-standing">
        <Show when={s().coverage}>{(m) => <li data-status={m().status}>{measureText(m(), pct(m().target), 'coverage')}</li>}</Show>
        <Show when={s().learners}>{(m) => <li data-status={m().status}>{measureText(m(), num(m().target), 'learners')}</li>}</Show>
        <li class="city-muted">
          {t('city.standing.by', { date: date(s().by!) })}
          {s().source === 'city' ? ` (${t('city.standing.cityTarget')})` : ''}
        </li>
      </ul>
    </Show>
  );
}

const countedText = (kinds: readonly FigureKind[]) => kinds.map((k) => t(`city.figureKinds.${k}`)).join('; ');

export function LocalitiesTable(props: { view: CityView }) {
  const v = () => props.view;
  return (
    <section aria-labelledby="city-localities">
      <h2 id="city-localities">{t('city.localities.title')}</h2>
      <Show when={v().localities.length > 0} fallback={<p>{t('city.localities.none')}</p>}>
        <div class="city-scroll" tabIndex={0} role="region" aria-labelledby="city-localities">
          <table class="city-table" data-testid="city-localities">
            <caption>{t('city.localities.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('city.localities.name')}</th>
                <th scope="col">{t('city.localities.kind')}</th>
                <th scope="col">{t('city.localities.learners')}</th>
                <th scope="col">{t('city.localities.newLearners')}</th>
                <th scope="col">{t('city.localities.coverage')}</th>
                <th scope="col">{t('city.localities.growth')}</th>
                <th scope="col">{t('city.localities.target')}</th>
                <th scope="col">{t('city.localities.counted')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={v().localities}>
                {(l) => (
                  <tr data-slug={l.slug}>
                    <th scope="row">{l.name}</th>
                    <td>{t(`city.kinds.${l.kind}`)}</td>
                    <td class="num" data-cell="learners">{num(l.learners)}</td>
                    <td class="num" data-cell="newLearners">{num(l.newLearners)}</td>
                    <td class="num" data-cell="coverage">{pct(l.coverage)}</td>
                    <td class="num" data-cell="growth">{pct(l.growth)}</td>
                    <td data-cell="target"><StandingCell standing={v().standing.localities[l.slug]!} /></td>
                    <td class="counted">{countedText(l.counted)}</td>
                  </tr>
                )}
              </For>
            </tbody>
            <tfoot>
              <tr data-slug="">
                <th scope="row">{t('city.localities.city')}</th>
                <td />
                <td class="num" data-cell="learners">{num(v().totals.learners)}</td>
                <td class="num" data-cell="newLearners">{num(v().totals.newLearners)}</td>
                <td class="num" data-cell="coverage">{pct(v().totals.coverage)}</td>
                <td />
                <td data-cell="target"><StandingCell standing={v().standing.city} /></td>
                <td />
              </tr>
            </tfoot>
          </table>
        </div>
      </Show>
    </section>
  );
}

function RankList(props: { view: CityView; order: string[]; share: 'coverage' | 'growth'; title: string; testId: string }) {
  const rows = () => props.order.map((slug) => props.view.localities.find((l) => l.slug === slug)!).filter(Boolean);
  const ranked = () => rows().filter((l) => rankOf(props.order, l.slug, l[props.share]) !== null);
  const unranked = () => rows().filter((l) => rankOf(props.order, l.slug, l[props.share]) === null);
  return (
    <div data-testid={props.testId}>
      <h3>{props.title}</h3>
      <ol class="city-rank">
        <For each={ranked()}>
          {(l) => (
            <li data-slug={l.slug}>
              <span>{l.name}</span> <strong>{pct(l[props.share])}</strong>
            </li>
          )}
        </For>
      </ol>
      {/* Localities whose share cannot be shown are named apart, with no place. */}
      <Show when={unranked().length > 0}>
        <p class="city-muted">{t('city.ranking.unranked')}</p>
        <ul class="city-rank">
          <For each={unranked()}>{(l) => <li data-slug={l.slug}>{l.name}</li>}</For>
        </ul>
      </Show>
    </div>
  );
}

export function Ranking(props: { view: CityView }) {
  return (
    <section aria-labelledby="city-ranking">
      <h2 id="city-ranking">{t('city.ranking.title')}</h2>
      <div class="city-two">
        <RankList view={props.view} order={props.view.ranking.byCoverage} share="coverage" title={t('city.ranking.byCoverage')} testId="city-rank-coverage" />
        <RankList view={props.view} order={props.view.ranking.byGrowth} share="growth" title={t('city.ranking.byGrowth')} testId="city-rank-growth" />
      </div>
    </section>
  );
}

export function TrendTable(props: { trends: CityTrends }) {
  const tr = () => props.trends;
  return (
    <section aria-labelledby="city-trend">
      <h2 id="city-trend">{t('city.trend.title')}</h2>
      <div class="city-scroll" tabIndex={0} role="region" aria-labelledby="city-trend">
        <table class="city-table" data-testid="city-trend">
          <caption>{t('city.trend.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('city.trend.name')}</th>
              <For each={tr().weeks}>{(w) => <th scope="col">{date(w)}</th>}</For>
            </tr>
          </thead>
          <tbody>
            <For each={tr().localities}>
              {(l) => (
                <tr data-slug={l.slug}>
                  <th scope="row">{l.name}</th>
                  <For each={l.newLearners}>{(n) => <td class="num">{num(n)}</td>}</For>
                </tr>
              )}
            </For>
          </tbody>
          <tfoot>
            <tr data-slug="">
              <th scope="row">{t('city.trend.total')}</th>
              <For each={tr().total}>{(n) => <td class="num">{num(n)}</td>}</For>
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}
