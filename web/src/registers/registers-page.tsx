// /registers/<register>: the plan's registers (difficulties, false
// information, budget proposals). Office work done online: with no
// connection the page says so and offers no form, and a save that cannot
// reach the server says "not saved" — nothing is queued on the device.
// Desktop layout for VH-XH (list and form side by side); one column on a
// 360 px phone for unit officers.
import { useParams } from '@solidjs/router';
import { createSignal, For, Match, onCleanup, onMount, Show, Switch } from 'solid-js';
import type { StaffUser } from '../../../shared/api.ts';
import type { Plan, PlanSummary } from '../../../shared/plans/schema.ts';
import { t } from '../i18n/index.ts';
import { HttpError, NetworkError } from '../net/http.ts';
import { BudgetPanel } from './budget-panel.tsx';
import { DifficultiesPanel } from './difficulties-panel.tsx';
import { MisinfoPanel } from './misinfo-panel.tsx';
import { registersApi, type RegistersApi } from './registers-api.ts';
import './strings.ts';
import '../styles/registers.css';

export const REGISTERS = ['difficulties', 'misinformation', 'budget'] as const;
type Register = (typeof REGISTERS)[number];
type State = 'loading' | 'ready' | 'login' | 'forbidden' | 'offline' | 'noPlan';

export default function RegistersPage() {
  const params = useParams<{ register?: string }>();
  return <RegistersView register={params.register} api={registersApi} />;
}

/** The page for one register (unknown names open the first), on the given calls. */
export function RegistersView(props: { register: string | undefined; api: RegistersApi }) {
  const api = props.api;
  const register = (): Register => ((REGISTERS as readonly string[]).includes(props.register ?? '') ? (props.register as Register) : 'difficulties');
  const [state, setState] = createSignal<State>('loading');
  const [user, setUser] = createSignal<StaffUser>();
  const [plans, setPlans] = createSignal<PlanSummary[]>([]);
  const [plan, setPlan] = createSignal<Plan>();
  const [online, setOnline] = createSignal(navigator.onLine);
  const office = () => user()?.role === 'reviewer' || user()?.role === 'admin';

  const failed = (err: unknown) => {
    if (err instanceof HttpError) setState(err.status === 401 ? 'login' : 'forbidden');
    else setState(err instanceof NetworkError || !navigator.onLine ? 'offline' : 'forbidden');
  };
  const openPlan = async (id: string) => {
    try {
      setPlan(await api.plan(id));
    } catch (err) {
      failed(err);
    }
  };
  const load = async () => {
    if (!navigator.onLine) return setState('offline');
    setState('loading');
    try {
      const me = await api.me();
      if (me.role !== 'reviewer' && me.role !== 'admin' && me.role !== 'unit') return setState('forbidden');
      setUser(me);
      const list = await api.plans();
      setPlans(list);
      if (list.length === 0) return setState('noPlan');
      setPlan(await api.plan(list[0].id));
      setState('ready');
    } catch (err) {
      failed(err);
    }
  };
  const wentOffline = () => setOnline(false);
  const cameOnline = () => (setOnline(true), state() === 'offline' && void load());
  onMount(() => {
    window.addEventListener('offline', wentOffline);
    window.addEventListener('online', cameOnline);
    void load();
  });
  onCleanup(() => {
    window.removeEventListener('offline', wentOffline);
    window.removeEventListener('online', cameOnline);
  });

  return (
    <div class={`registers-page ${office() ? 'office' : 'phone'}`}>
      <h1>{t('registers.title')}</h1>
      <p>{t('registers.intro')}</p>
      <Show when={!online() || state() === 'offline'}>
        <p class="notice" role="alert" data-testid="registers-offline">{t('registers.offline')}</p>
      </Show>
      <Switch>
        <Match when={state() === 'loading'}>
          <p role="status">{t('registers.loading')}</p>
        </Match>
        <Match when={state() === 'login'}>
          <p class="notice" role="alert">
            {t('registers.needLogin')} <a href="/ward">{t('registers.toWard')}</a> · <a href="/unit">{t('registers.toUnit')}</a>
          </p>
        </Match>
        <Match when={state() === 'forbidden'}>
          <p class="notice" role="alert">{t('registers.notAllowed')}</p>
        </Match>
        <Match when={state() === 'noPlan'}>
          <p>{t('registers.unknownPlan')}</p>
        </Match>
        <Match when={state() === 'ready' && plan()}>
          <p>
            <a href={office() ? '/ward' : '/unit'} data-testid="registers-back">{t(office() ? 'registers.backWard' : 'registers.backUnit')}</a>
          </p>
          <nav class="register-tabs" aria-label={t('registers.nav')}>
            <ul>
              <For each={REGISTERS}>
                {(r) => (
                  <li>
                    <a href={`/registers/${r}`} aria-current={r === register() ? 'page' : undefined}>{t(`registers.tabs.${r}`)}</a>
                  </li>
                )}
              </For>
            </ul>
          </nav>
          <Show when={plans().length > 1}>
            <label class="register-plan">
              {t('registers.plan')}
              <select name="plan" value={plan()!.id} onChange={(e) => void openPlan(e.currentTarget.value)}>
                <For each={plans()}>{(p) => <option value={p.id}>{`${p.numberSymbol} — ${p.title}`}</option>}</For>
              </select>
            </label>
          </Show>
          <h2 class="register-heading">{t(`registers.tabs.${register()}`)}</h2>
          {/* Keyed by register and plan, so each starts fresh. */}
          <For each={[`${register()}|${plan()!.id}`]}>
            {() => (
              <Switch>
                <Match when={register() === 'difficulties'}><DifficultiesPanel api={api} plan={plan()!} office={office()} /></Match>
                <Match when={register() === 'misinformation'}><MisinfoPanel api={api} plan={plan()!} office={office()} /></Match>
                <Match when={register() === 'budget'}><BudgetPanel api={api} plan={plan()!} office={office()} /></Match>
              </Switch>
            )}
          </For>
        </Match>
      </Switch>
    </div>
  );
}
