// /ward/tracker: the Culture-Social Office follows a plan — pick the plan
// and a period (a month, a quarter, six months, a year, or from–to), then
// read each unit's tasks, activities per form against targets, content
// items not served and each unit's last activity. Office code: it needs
// the server, so the service worker does not keep it. A unit officer opens
// the same screen (from /unit) as their own unit's tracker: the server gives
// them only their unit's row, tasks and targets; the screen says whose.
import { createEffect, createSignal, For, on, onMount, Show } from 'solid-js';
import { PERIOD_KINDS, vietnamToday, type PeriodKind } from '../../../../shared/plans/periods.ts';
import type { PlanSummary } from '../../../../shared/plans/schema.ts';
import type { Tracker } from '../../../../shared/units/api.ts';
import { t } from '../../i18n/index.ts';
import { errorText, type ErrorKeys } from '../../net/error-message.ts';
import { createWardStore } from '../ward-store.ts';
import { WardLogin } from '../ward-login.tsx';
import { trackerApi } from './tracker-api.ts';
import { choiceFor, partsOf, spanOf, type PeriodChoice } from './tracker-period.ts';
import { TrackerView } from './tracker-view.tsx';
import './strings.ts';
import '../../styles/tracker.css';

const ERRORS: ErrorKeys = { offline: 'tracker.problem.offline', failed: 'tracker.problem.failed', byStatus: { 401: 'tracker.problem.signIn', 403: 'tracker.problem.forbidden' }, other: 'offline' };

const READERS = new Set(['reviewer', 'admin', 'unit']);

export default function TrackerPage() {
  const ward = createWardStore();
  onMount(() => void ward.checkSession());
  const officer = () => ward.user()?.role === 'unit';
  return (
    <div class="tracker-page">
      <h1>{t(officer() ? 'tracker.unitTitle' : 'tracker.title')}</h1>
      <p>
        <a href={officer() ? '/unit' : '/ward'} data-testid="tracker-back">{t(officer() ? 'tracker.backToUnit' : 'tracker.back')}</a>
      </p>
      <Show when={ward.problem()}>{(p) => <p class="notice" role="alert">{t(p())}</p>}</Show>
      <Show when={!ward.isChecking()} fallback={<p role="status">{t('app.loading')}</p>}>
        <Show when={ward.user()} fallback={<WardLogin isBusy={ward.isBusy()} onLogin={(u, p) => ward.login(u, p).then(() => undefined)} />}>
          {(u) => (
            <Show when={READERS.has(u().role)} fallback={<p class="notice" role="alert">{t('tracker.problem.forbidden')}</p>}>
              <TrackerScreen ownUnit={officer()} />
            </Show>
          )}
        </Show>
      </Show>
    </div>
  );
}

/** `ownUnit`: a unit officer's view, of their unit only (the server scopes the answer). */
function TrackerScreen(props: { ownUnit: boolean }) {
  const today = vietnamToday(Date.now());
  const [plans, setPlans] = createSignal<PlanSummary[]>([]);
  const [planId, setPlanId] = createSignal('');
  const [choice, setChoice] = createSignal<PeriodChoice>(choiceFor('month', today));
  const [tracker, setTracker] = createSignal<Tracker | null>(null);
  const [problem, setProblem] = createSignal('');
  const [loading, setLoading] = createSignal(false);
  const years = Array.from({ length: 6 }, (_, i) => Number(today.slice(0, 4)) - 4 + i);
  const set = (patch: Partial<PeriodChoice>) => setChoice({ ...choice(), ...patch });

  onMount(async () => {
    try {
      const list = await trackerApi.plans();
      setPlans(list);
      setPlanId(list[0]?.id ?? '');
    } catch (err) {
      setProblem(errorText(err, ERRORS));
    }
  });
  createEffect(
    on([planId, choice], async ([id, c]) => {
      const span = spanOf(c);
      if (!id || !span) return;
      setLoading(true);
      setProblem('');
      try {
        const answer = await trackerApi.tracker(id, span);
        // A slower answer for an earlier choice must not replace this one.
        if (id === planId() && c === choice()) setTracker(answer);
      } catch (err) {
        setProblem(errorText(err, ERRORS));
      } finally {
        setLoading(false);
      }
    }),
  );

  return (
    <>
      <form class="tracker-choice" onSubmit={(e) => e.preventDefault()} aria-label={t('tracker.choose')}>
        <label>
          {t('tracker.plan')}
          <select name="plan" value={planId()} onChange={(e) => setPlanId(e.currentTarget.value)}>
            <For each={plans()}>{(p) => <option value={p.id}>{`${p.numberSymbol} — ${p.title}`}</option>}</For>
          </select>
        </label>
        <label>
          {t('tracker.period')}
          <select name="kind" value={choice().kind} onChange={(e) => setChoice(choiceFor(e.currentTarget.value as PeriodKind, today))}>
            <For each={PERIOD_KINDS}>{(k) => <option value={k}>{t(`tracker.kind.${k}`)}</option>}</For>
          </select>
        </label>
        <Show
          when={choice().kind !== 'range'}
          fallback={
            <>
              <label>
                {t('tracker.from')}
                <input name="from" type="date" value={choice().from} onChange={(e) => set({ from: e.currentTarget.value })} />
              </label>
              <label>
                {t('tracker.to')}
                <input name="to" type="date" value={choice().to} onChange={(e) => set({ to: e.currentTarget.value })} />
              </label>
            </>
          }
        >
          <Show when={partsOf(choice().kind) > 0}>
            <label>
              {t(`tracker.part.${choice().kind}`)}
              <select name="part" value={choice().part} onChange={(e) => set({ part: Number(e.currentTarget.value) })}>
                <For each={Array.from({ length: partsOf(choice().kind) }, (_, i) => i + 1)}>{(n) => <option value={n}>{n}</option>}</For>
              </select>
            </label>
          </Show>
          <label>
            {t('tracker.year')}
            <select name="year" value={choice().year} onChange={(e) => set({ year: Number(e.currentTarget.value) })}>
              <For each={years}>{(y) => <option value={y}>{y}</option>}</For>
            </select>
          </label>
        </Show>
      </form>
      <Show when={choice().kind === 'range' && !spanOf(choice())}>
        <p class="hint">{t('tracker.rangeHint')}</p>
      </Show>
      <Show when={problem()}>
        <p class="notice" role="alert">{problem()}</p>
      </Show>
      <Show when={loading()}>
        <p role="status">{t('app.loading')}</p>
      </Show>
      <Show when={plans().length === 0 && !problem() && !loading()}>
        <p>{t('tracker.noPlans')}</p>
      </Show>
      <Show when={tracker()}>
        {(tr) => (
          <>
            <Show when={props.ownUnit && tr().units[0]}>
              {(u) => <p class="tracker-unit" data-testid="tracker-unit">{t('tracker.unitLine', { name: u().name, shortName: u().shortName })}</p>}
            </Show>
            <TrackerView tracker={tr()} ownUnit={props.ownUnit} />
          </>
        )}
      </Show>
    </>
  );
}
