import { For, Show } from 'solid-js';
import type { IndicatorCell, IndicatorReport } from '../../../../shared/indicators/api.ts';
import { BASIC_SKILLS_RULE_WORDS, indicatorOf } from '../../../../shared/indicators/definitions.ts';
import { FIGURE_KIND_WORDS } from '../../../../shared/stats/figure-kind-words.ts';
import { language, t } from '../../i18n/index.ts';
import { actualText, shareText, targetText } from './cell-words.ts';

const lang = () => (language() === 'en' ? 'en' : 'vi');

function Met(props: { cell: IndicatorCell }) {
  return (
    <span class={`indicator-met ${props.cell.met === null ? 'none' : props.cell.met ? 'yes' : 'no'}`} data-met={String(props.cell.met)}>
      {props.cell.met === null ? '—' : props.cell.met ? t('indicators.met') : t('indicators.notMet')}
    </span>
  );
}

/** The ward: one row per indicator, target, actual, share and whether it is met. */
export function WardTable(props: { report: IndicatorReport }) {
  return (
    <div class="indicator-scroll">
      <table class="indicator-table" data-testid="indicators-ward">
        <caption>{t('indicators.wardCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('indicators.col.indicator')}</th>
            <th scope="col">{t('indicators.col.target')}</th>
            <th scope="col">{t('indicators.col.actual')}</th>
            <th scope="col">{t('indicators.col.share')}</th>
            <th scope="col">{t('indicators.col.met')}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.report.rows}>
            {(r) => (
              <tr data-indicator={r.id}>
                <th scope="row">{indicatorOf(r.id).label[lang()]}</th>
                <td class="num" data-col="target">{targetText(lang(), r.ward.target)}</td>
                <td class="num" data-col="actual">{actualText(lang(), r.ward.actual)}</td>
                <td class="num" data-col="share">{shareText(lang(), r.ward.share)}</td>
                <td>
                  <Met cell={r.ward} />
                </td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

/** Per residential group: a row per group, a column per indicator with "actual / target". */
export function GroupTable(props: { report: IndicatorReport }) {
  return (
    <div class="indicator-scroll">
      <table class="indicator-table groups" data-testid="indicators-groups">
        <caption>{t('indicators.groupCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('indicators.col.group')}</th>
            <For each={props.report.rows}>{(r) => <th scope="col">{indicatorOf(r.id).label[lang()]}</th>}</For>
          </tr>
        </thead>
        <tbody>
          <For each={props.report.groups}>
            {(g, i) => (
              <tr data-group={g.id}>
                <th scope="row">{g.name}</th>
                <For each={props.report.rows}>
                  {(r) => {
                    const c = () => r.groups[i()];
                    return (
                      <td class="num" data-indicator={r.id}>
                        <span data-col="actual">{actualText(lang(), c().actual)}</span>
                        <Show when={c().target}>
                          {(tg) => <span class="indicator-target"> / {targetText(lang(), tg())}</span>}
                        </Show>
                        <Show when={c().share !== null}>
                          <span class="indicator-share"> ({shareText(lang(), c().share)})</span>
                        </Show>{' '}
                        <Show when={c().met !== null}>
                          <Met cell={c()} />
                        </Show>
                      </td>
                    );
                  }}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

/** What each indicator counts, its kind of evidence and the ward's definition of basic skills. */
export function Definitions(props: { report: IndicatorReport }) {
  const kinds = (id: IndicatorReport['rows'][number]['id']) => {
    const k = indicatorOf(id).kinds;
    return k.length ? k.map((x) => FIGURE_KIND_WORDS[lang()].name[x]).join(', ') : t('indicators.kindRecords');
  };
  return (
    <section class="indicator-definitions" data-testid="indicators-definitions">
      <h2>{t('indicators.definitions')}</h2>
      <p data-testid="indicators-rule">
        <strong>{t('indicators.ruleNow')}</strong> {BASIC_SKILLS_RULE_WORDS[props.report.targets.basicSkillsRule][lang()]}
      </p>
      {/* The ward's official kinds of figure decide which residents these indicators count. */}
      <p data-testid="indicators-counted">
        <strong>{t('indicators.countedNow')}</strong>{' '}
        {props.report.counted.length ? props.report.counted.map((k) => FIGURE_KIND_WORDS[lang()].name[k].toLowerCase()).join('; ') : FIGURE_KIND_WORDS[lang()].countingNone}
      </p>
      <dl>
        <For each={props.report.rows}>
          {(r) => (
            <>
              <dt>{indicatorOf(r.id).label[lang()]}</dt>
              <dd>
                {indicatorOf(r.id).how[lang()]} <em>{t('indicators.kindOf', { kinds: kinds(r.id) })}</em>
              </dd>
            </>
          )}
        </For>
      </dl>
      <p class="hint">{t('indicators.smallCounts')}</p>
    </section>
  );
}
