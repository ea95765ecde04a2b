// /ward/indicators: the movement's indicators on a plan — the ward's targets
// (copied from its own or the city's plan) against the actual figures, for
// the ward and per residential group, with each indicator's definition.
// Office code: it needs the server, so the service worker does not keep it.
import { useSearchParams } from '@solidjs/router';
import { createEffect, createSignal, For, on, onMount, Show } from 'solid-js';
import type { IndicatorReport, IndicatorTargetSet } from '../../../../shared/indicators/api.ts';
import { REPORT_PERIOD_KINDS } from '../../../../shared/plans/report.ts';
import type { PlanSummary } from '../../../../shared/plans/schema.ts';
import { t } from '../../i18n/index.ts';
import { errorText, type ErrorKeys } from '../../net/error-message.ts';
import { INDEX_COUNT, periodChoice, periodKey, type PeriodChoice } from '../plan-report/period.ts';
import { WardLogin } from '../ward-login.tsx';
import { createWardStore } from '../ward-store.ts';
import { Definitions, GroupTable, WardTable } from './indicator-tables.tsx';
import { indicatorsApi } from './indicators-api.ts';
import { TargetsForm } from './targets-form.tsx';
import './strings.ts';
import '../../styles/indicators.css';

const ERRORS: ErrorKeys = {
  offline: 'indicators.problem.offline',
  failed: 'indicators.problem.failed',
  byCode: { unknown_group: 'indicators.problem.unknownGroup', invalid_request: 'indicators.problem.invalid' },
  byStatus: { 401: 'indicators.problem.signIn', 403: 'indicators.problem.forbidden' },
};

export default function IndicatorsPage() {
  const ward = createWardStore();
  onMount(() => void ward.checkSession());
  return (
    <div class="indicators-page">
      <h1>{t('indicators.title')}</h1>
      <p>
        <a href="/ward">{t('indicators.back')}</a>
      </p>
      <Show when={ward.problem()}>{(p) => <p class="notice" role="alert">{t(p())}</p>}</Show>
      <Show when={!ward.isChecking()} fallback={<p role="status">{t('app.loading')}</p>}>
        <Show when={ward.user()} fallback={<WardLogin isBusy={ward.isBusy()} onLogin={(u, p) => ward.login(u, p).then(() => undefined)} />}>
          {(u) => (
            <Show when={u().role === 'reviewer' || u().role === 'admin'} fallback={<p class="notice" role="alert">{t('indicators.problem.forbidden')}</p>}>
              <IndicatorsScreen />
            </Show>
          )}
        </Show>
      </Show>
    </div>
  );
}

function IndicatorsScreen() {
  const [search, setSearch] = useSearchParams<{ plan?: string; period?: string }>();
  const today = new Date();
  const [plans, setPlans] = createSignal<PlanSummary[]>([]);
  const [choice, setChoice] = createSignal<PeriodChoice>(search.period ? periodChoice(search.period, today) : { kind: 'year', year: today.getFullYear(), index: 1 });
  const [report, setReport] = createSignal<IndicatorReport | null>(null);
  const [problem, setProblem] = createSignal('');
  const [status, setStatus] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const planId = () => search.plan ?? plans()[0]?.id;
  const period = () => periodKey(choice());

  const load = async () => {
    setProblem('');
    try {
      if (plans().length === 0) setPlans(await indicatorsApi.plans());
      const id = planId();
      if (!id) return;
      const key = period();
      const r = await indicatorsApi.read(id, key);
      // A slower answer for an earlier choice must not replace this one.
      if (id === planId() && key === period()) setReport(r);
    } catch (err) {
      setProblem(errorText(err, ERRORS));
    }
  };
  createEffect(on([() => search.plan, period], () => void load()));
  const pick = (next: Partial<PeriodChoice>) => {
    const c = { ...choice(), ...next };
    c.index = Math.min(c.index, INDEX_COUNT[c.kind]);
    setChoice(c);
    setSearch({ period: periodKey(c) });
  };
  const save = async (targets: IndicatorTargetSet) => {
    setBusy(true);
    setStatus('');
    setProblem('');
    try {
      await indicatorsApi.saveTargets(planId()!, targets);
      await load();
      setStatus(t('indicators.saved'));
    } catch (err) {
      setProblem(errorText(err, ERRORS));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <form class="indicator-choice" onSubmit={(e) => e.preventDefault()} aria-label={t('indicators.choose')}>
        <label>
          <span>{t('indicators.plan')}</span>
          <select name="plan" value={planId() ?? ''} onChange={(e) => setSearch({ plan: e.currentTarget.value })}>
            <For each={plans()}>{(p) => <option value={p.id}>{`${p.numberSymbol} — ${p.title}`}</option>}</For>
          </select>
        </label>
        <label>
          <span>{t('indicators.kind')}</span>
          <select name="kind" value={choice().kind} onChange={(e) => pick({ kind: e.currentTarget.value as PeriodChoice['kind'] })}>
            <For each={REPORT_PERIOD_KINDS}>{(k) => <option value={k}>{t(`indicators.kinds.${k}`)}</option>}</For>
          </select>
        </label>
        <Show when={choice().kind !== 'year'}>
          <label>
            <span>{t(`indicators.index.${choice().kind}`)}</span>
            <select name="index" value={String(choice().index)} onChange={(e) => pick({ index: Number(e.currentTarget.value) })}>
              <For each={Array.from({ length: INDEX_COUNT[choice().kind] }, (_, i) => i + 1)}>{(i) => <option value={String(i)}>{String(i)}</option>}</For>
            </select>
          </label>
        </Show>
        <label>
          <span>{t('indicators.year')}</span>
          <input name="year" type="number" min="2000" max="2100" value={choice().year} onChange={(e) => pick({ year: Number(e.currentTarget.value) || choice().year })} />
        </label>
      </form>
      <Show when={problem()}>
        <p class="notice" role="alert" data-testid="indicators-problem">
          {problem()}
        </p>
      </Show>
      <Show when={status()}>
        <p role="status" data-testid="indicators-status">
          {status()}
        </p>
      </Show>
      <Show when={plans().length === 0 && !problem() && report() === null}>
        <p role="status">{t('app.loading')}</p>
      </Show>
      <Show when={report()}>
        {(r) => (
          <>
            <p class="hint">{t('indicators.summary', { from: r().period.from.split('-').reverse().join('/'), to: r().period.to.split('-').reverse().join('/') })}</p>
            <div class="indicator-layout">
              <div class="indicator-figures">
                <WardTable report={r()} />
                <GroupTable report={r()} />
                <Definitions report={r()} />
              </div>
              <Show when={r().plan.id} keyed>
                {(_plan: string) => <TargetsForm report={r()} busy={busy()} onSave={(x) => void save(x)} />}
              </Show>
            </div>
          </>
        )}
      </Show>
    </>
  );
}
