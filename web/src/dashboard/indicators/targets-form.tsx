import { createSignal, For, Show } from 'solid-js';
import type { IndicatorReport, IndicatorTargets, IndicatorTargetSet, Target } from '../../../../shared/indicators/api.ts';
import { BASIC_SKILLS_RULE_WORDS, BASIC_SKILLS_RULES, INDICATORS, type BasicSkillsRule, type IndicatorId } from '../../../../shared/indicators/definitions.ts';
import { language, t } from '../../i18n/index.ts';

const lang = () => (language() === 'en' ? 'en' : 'vi');
const WARD = '';

/**
 * The ward's targets, copied from its own or the city's plan: the definition
 * of basic skills, then for the ward or one residential group at a time a
 * count or a percentage per indicator (a percentage only where the indicator
 * has a base). Saved as a whole; an empty value is no target.
 */
export function TargetsForm(props: { report: IndicatorReport; busy: boolean; onSave: (t: IndicatorTargetSet) => void }) {
  const [rule, setRule] = createSignal<BasicSkillsRule>(props.report.targets.basicSkillsRule);
  const [ward, setWard] = createSignal<IndicatorTargets>({ ...props.report.targets.ward });
  const [groups, setGroups] = createSignal<Record<string, IndicatorTargets>>({ ...props.report.targets.groups });
  const [scope, setScope] = createSignal(WARD);
  /** A unit chosen before its value is typed. */
  const [units, setUnits] = createSignal<Record<string, Target['unit']>>({});
  const current = (): IndicatorTargets => (scope() === WARD ? ward() : (groups()[scope()] ?? {}));
  const put = (id: IndicatorId, target: Target | undefined) => {
    const next = { ...current() };
    if (target) next[id] = target;
    else delete next[id];
    if (scope() === WARD) setWard(next);
    else setGroups({ ...groups(), [scope()]: next });
  };
  const onValue = (id: IndicatorId, raw: string, unit: Target['unit']) => {
    if (raw.trim() === '') return put(id, undefined);
    const value = Number(raw);
    if (Number.isFinite(value)) put(id, { unit, value });
  };

  return (
    <form
      class="indicator-targets"
      data-testid="indicator-targets"
      onSubmit={(e) => {
        e.preventDefault();
        props.onSave({ basicSkillsRule: rule(), ward: ward(), groups: groups() });
      }}
    >
      <h2>{t('indicators.targets')}</h2>
      <p class="hint">{t('indicators.targetsHint')}</p>
      <label>
        <span>{t('indicators.rule')}</span>
        <select name="rule" value={rule()} onChange={(e) => setRule(e.currentTarget.value as BasicSkillsRule)}>
          <For each={BASIC_SKILLS_RULES}>{(r) => <option value={r}>{BASIC_SKILLS_RULE_WORDS[r][lang()]}</option>}</For>
        </select>
      </label>
      <label>
        <span>{t('indicators.scope')}</span>
        <select name="scope" value={scope()} onChange={(e) => setScope(e.currentTarget.value)}>
          <option value={WARD}>{t('indicators.wholeWard')}</option>
          <For each={props.report.groups}>{(g) => <option value={g.id}>{g.name}</option>}</For>
        </select>
      </label>
      <div class="indicator-target-rows">
        <For each={INDICATORS}>
          {(d) => {
            const tg = () => current()[d.id];
            const key = () => `${scope()}/${d.id}`;
            const unit = () => tg()?.unit ?? units()[key()] ?? (d.base ? 'percent' : 'count');
            const pickUnit = (u: Target['unit']) => {
              setUnits({ ...units(), [key()]: u });
              if (tg()) put(d.id, { ...tg()!, unit: u });
            };
            return (
              <fieldset data-indicator={d.id}>
                <legend>{d.label[lang()]}</legend>
                <input
                  name={`value-${d.id}`}
                  type="number"
                  min="0"
                  max={unit() === 'percent' ? 100 : undefined}
                  step={unit() === 'percent' ? 'any' : 1}
                  inputMode="decimal"
                  aria-label={t('indicators.valueOf', { indicator: d.label[lang()] })}
                  value={tg()?.value ?? ''}
                  onChange={(e) => onValue(d.id, e.currentTarget.value, unit())}
                />
                <Show when={d.base !== null} fallback={<span class="indicator-unit">{t('indicators.unit.count')}</span>}>
                  <select name={`unit-${d.id}`} aria-label={t('indicators.unitOf', { indicator: d.label[lang()] })} value={unit()} onChange={(e) => pickUnit(e.currentTarget.value as Target['unit'])}>
                    <option value="percent">{t(`indicators.unit.percent.${d.base}`)}</option>
                    <option value="count">{t('indicators.unit.count')}</option>
                  </select>
                </Show>
              </fieldset>
            );
          }}
        </For>
      </div>
      <button type="submit" class="button" disabled={props.busy} data-testid="indicator-targets-save">
        {t('indicators.save')}
      </button>
    </form>
  );
}
