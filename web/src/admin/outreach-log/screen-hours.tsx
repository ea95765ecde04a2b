// The screen-hours of an LED screen's log form, counted from the heartbeats:
// this screen's hours over the days chosen, and, where the ward has several
// screens, the sum of the screens ticked (added up per day on the server,
// each screen's part shown), each filled in with one tap. Days before a
// screen's hours were first counted are said to be unrecorded, never shown as 0.
import { createResource, createSignal, For, Show } from 'solid-js';
import { language, t } from '../../i18n/index.ts';
import { displaysApi } from '../displays-api.ts';

export interface ScreenName {
  id: string;
  name: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const number = (n: number) => n.toLocaleString(language() === 'en' ? 'en' : 'vi-VN');
const dayText = (day: string) =>
  new Date(`${day}T00:00:00Z`).toLocaleDateString(language() === 'en' ? 'en-GB' : 'vi-VN', { timeZone: 'UTC', day: '2-digit', month: '2-digit', year: 'numeric' });

export function ScreenHours(props: { screenId: string; screens: readonly ScreenName[]; from: string; to: string; onUse: (hours: number) => void }) {
  const span = () => (DAY.test(props.from) && DAY.test(props.to) && props.from <= props.to ? { from: props.from, to: props.to } : undefined);
  // None offline, or for days not yet valid.
  const [own] = createResource(
    () => span() && { id: props.screenId, ...span()! },
    (q) => displaysApi.hours(q.id, q.from, q.to).catch(() => null),
  );
  const whole = () => Math.round(own()?.hours ?? 0);
  // Hours before this day are unknown; said when the days chosen start earlier.
  const unrecordedBefore = () => {
    const h = own();
    return h?.recordedFrom && h.from < h.recordedFrom ? h.recordedFrom : null;
  };

  return (
    <>
      <Show when={own()}>
        <Show when={unrecordedBefore()}>
          {(day) => <p class="hint notice" data-testid="screen-hours-unrecorded">{t('studio.log.notRecorded', { date: dayText(day()) })}</p>}
        </Show>
        <Show
          when={whole() >= 1}
          fallback={
            <Show when={!unrecordedBefore() || own()!.hours > 0}>
              <p class="hint" data-testid="screen-hours-none">{t('studio.log.measuredNone')}</p>
            </Show>
          }
        >
          <button type="button" class="button secondary" onClick={() => props.onUse(whole())}>
            {t('studio.log.useMeasured', { hours: whole() })}
          </button>
          <p class="hint">{t('studio.log.measuredHelp', { hours: number(own()!.hours) })}</p>
        </Show>
      </Show>
      <Show when={props.screens.length > 1 && span()}>
        {(s) => <AllScreens screens={props.screens} from={s().from} to={s().to} onUse={props.onUse} />}
      </Show>
    </>
  );
}

/** The screens ticked (all at first), their hours summed by the server, each one's part shown. */
function AllScreens(props: { screens: readonly ScreenName[]; from: string; to: string; onUse: (hours: number) => void }) {
  const [unticked, setUnticked] = createSignal<ReadonlySet<string>>(new Set());
  const ticked = () => props.screens.filter((s) => !unticked().has(s.id)).map((s) => s.id);
  const [sum] = createResource(
    () => (ticked().length > 0 ? { ids: ticked(), from: props.from, to: props.to } : undefined),
    (q) => displaysApi.hoursOfScreens(q.ids, q.from, q.to).catch(() => null),
  );
  const partOf = (id: string) => sum()?.screens.find((s) => s.id === id);
  const whole = () => Math.round(sum()?.hours ?? 0);
  const toggle = (id: string, on: boolean) =>
    setUnticked((was) => {
      const next = new Set(was);
      if (on) next.delete(id);
      else next.add(id);
      return next;
    });

  return (
    <fieldset class="screens-hours" data-testid="screens-hours">
      <legend>{t('studio.log.allScreens.title')}</legend>
      <ul>
        <For each={props.screens}>
          {(s) => (
            <li>
              <label class="screens-hours-screen">
                <input type="checkbox" name="screens" value={s.id} checked={!unticked().has(s.id)} onChange={(e) => toggle(s.id, e.currentTarget.checked)} />
                <span>
                  {s.name}
                  <Show when={partOf(s.id)}>
                    {(p) => (
                      <>
                        {': '}
                        {/* All the days chosen before its first counted day: unknown, not 0. */}
                        <strong data-testid={`screen-part-${s.id}`}>
                          {props.to < p().recordedFrom ? t('studio.log.allScreens.unknown') : t('studio.log.allScreens.part', { hours: number(p().hours) })}
                        </strong>
                        <Show when={props.from < p().recordedFrom}>
                          {' '}
                          <small>({t('studio.log.allScreens.partNotRecorded', { date: dayText(p().recordedFrom) })})</small>
                        </Show>
                      </>
                    )}
                  </Show>
                </span>
              </label>
            </li>
          )}
        </For>
      </ul>
      <Show when={sum()}>
        <Show when={whole() >= 1} fallback={<p class="hint">{t('studio.log.allScreens.none')}</p>}>
          <button type="button" class="button secondary" data-testid="use-all-screens" onClick={() => props.onUse(whole())}>
            {t('studio.log.allScreens.use', { n: ticked().length, hours: whole() })}
          </button>
          <p class="hint">{t('studio.log.allScreens.help', { hours: number(sum()!.hours) })}</p>
        </Show>
      </Show>
    </fieldset>
  );
}
