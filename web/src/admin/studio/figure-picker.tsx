// A pick list of the movement's current figures for a poster or a card: each
// sentence with the kind of figure it is (self-reported, confirmed by a guide…)
// and its date, put into the text being written in one tap. The dashboard's
// answer is asked for only when the list is opened (a heavy query, and unit
// officers printing posters have no right to it).
import { createSignal, For, Match, Switch } from 'solid-js';
import { MAX_RANGE_DAYS, type Dashboard } from '../../../../shared/stats/api.ts';
import { dashboardApi } from '../../dashboard/dashboard-api.ts';
import { language, t } from '../../i18n/index.ts';
import { HttpError } from '../../net/http.ts';
import { dayText } from './card-sources.ts';
import { kindsText, liveFigures, type LiveFigure } from './live-figures.ts';

const DAY_MS = 86_400_000;
/** Vietnam's calendar day, `back` days ago. */
const vietnamDay = (now: number, back = 0) => new Date(now + 7 * 3_600_000 - back * DAY_MS).toISOString().slice(0, 10);

/** Everything recorded so far ("đến nay"): the longest range the dashboard answers, ending today. */
export const toDateRange = (now = Date.now()) => ({ from: vietnamDay(now, MAX_RANGE_DAYS - 1), to: vietnamDay(now) });

type State = { kind: 'closed' | 'loading' | 'needLogin' | 'offline' } | { kind: 'ready'; dash: Dashboard };

export function FigurePicker(props: { onInsert: (figure: LiveFigure) => void }) {
  const [state, setState] = createSignal<State>({ kind: 'closed' });
  const load = () => {
    if (state().kind === 'loading' || state().kind === 'ready') return;
    setState({ kind: 'loading' });
    dashboardApi
      .dashboard(toDateRange())
      .then((dash) => setState({ kind: 'ready', dash }))
      .catch((err) => setState({ kind: err instanceof HttpError ? 'needLogin' : 'offline' }));
  };
  return (
    <details class="figure-picker" data-testid="figure-picker" onToggle={(e) => e.currentTarget.open && load()}>
      <summary>{t('studio.figures.title')}</summary>
      <p class="hint">{t('studio.figures.intro')}</p>
      <Switch>
        <Match when={state().kind === 'loading'}>
          <p role="status">{t('wardAdmin.loading')}</p>
        </Match>
        <Match when={state().kind === 'needLogin'}>
          <p class="notice" role="alert">{t('studio.figures.needLogin')}</p>
        </Match>
        <Match when={state().kind === 'offline'}>
          <p class="notice" role="alert">
            {t('studio.figures.offline')}{' '}
            <button type="button" class="button secondary" onClick={() => { setState({ kind: 'closed' }); load(); }}>{t('studio.figures.load')}</button>
          </p>
        </Match>
        <Match when={state().kind === 'ready' && state() as Extract<State, { kind: 'ready' }>}>
          {(ready) => (
            <ul class="figure-list">
              {/* Sentences in the screen's language, again after a switch. */}
              <For each={liveFigures(ready().dash)} fallback={<li>{t('studio.figures.none')}</li>}>
                {(f) => (
                  <li data-testid="live-figure" data-key={f.key}>
                    <p>{f.sentence}</p>
                    <p class="hint">
                      {t('studio.figures.kind', { kinds: kindsText(language(), f.kinds) })} · {t('studio.figures.asOf', { date: dayText(f.asOf) })}
                    </p>
                    <button type="button" class="button secondary" onClick={() => props.onInsert(f)}>{t('studio.figures.insert')}</button>
                  </li>
                )}
              </For>
            </ul>
          )}
        </Match>
      </Switch>
    </details>
  );
}
