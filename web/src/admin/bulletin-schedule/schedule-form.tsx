// One bulletin's broadcast schedule: on listed dates or on weekdays between
// two dates, at a time, over loudspeaker clusters (by the names the ward's
// system uses) and residential groups. Checked again by the server.
import { createSignal, For, Show } from 'solid-js';
import type { BulletinSchedule } from '../../../../shared/outreach/bulletin-schedule.ts';
import { t } from '../../i18n/index.ts';

const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;

export function ScheduleForm(props: { schedule: BulletinSchedule | null; groups: Array<{ id: string; name: string }>; onSave: (s: BulletinSchedule) => Promise<void>; busy: boolean }) {
  const s = props.schedule;
  const [mode, setMode] = createSignal<'dates' | 'weekly'>(s?.days.kind ?? 'weekly');
  const [dates, setDates] = createSignal<string[]>(s?.days.kind === 'dates' ? s.days.dates : []);
  const [newDate, setNewDate] = createSignal('');
  const [weekdays, setWeekdays] = createSignal<number[]>(s?.days.kind === 'weekly' ? s.days.weekdays : []);
  const [from, setFrom] = createSignal(s?.days.kind === 'weekly' ? s.days.from : '');
  const [until, setUntil] = createSignal(s?.days.kind === 'weekly' ? s.days.until : '');
  const [time, setTime] = createSignal(s?.time ?? '');
  const [clusters, setClusters] = createSignal((s?.clusters ?? []).join(', '));
  const [groups, setGroups] = createSignal<string[]>(s?.groups ?? []);
  const [problem, setProblem] = createSignal('');

  const toggle = <T,>(list: T[], v: T, on: boolean) => (on ? [...new Set([...list, v])] : list.filter((x) => x !== v));
  const submit = async (e: Event) => {
    e.preventDefault();
    setProblem('');
    const clusterList = clusters().split(',').map((c) => c.trim()).filter(Boolean);
    if (clusterList.length + groups().length === 0) return void setProblem(t('bulletinSchedule.needTarget'));
    if (mode() === 'dates' && dates().length === 0) return void setProblem(t('bulletinSchedule.needDate'));
    if (mode() === 'weekly' && (weekdays().length === 0 || !from() || !until() || until() < from())) return void setProblem(t('bulletinSchedule.needWeekly'));
    await props.onSave({
      days: mode() === 'dates' ? { kind: 'dates', dates: [...dates()].sort() } : { kind: 'weekly', weekdays: [...weekdays()].sort(), from: from(), until: until() },
      ...(time() ? { time: time() } : {}),
      clusters: clusterList,
      groups: groups(),
    });
  };

  return (
    <form class="schedule-form" onSubmit={submit} data-testid="schedule-form">
      <fieldset>
        <legend>{t('bulletinSchedule.days')}</legend>
        <label class="check">
          <input type="radio" name="mode" checked={mode() === 'weekly'} onChange={() => setMode('weekly')} />
          {t('bulletinSchedule.weekly')}
        </label>
        <label class="check">
          <input type="radio" name="mode" checked={mode() === 'dates'} onChange={() => setMode('dates')} />
          {t('bulletinSchedule.dates')}
        </label>
        <Show
          when={mode() === 'weekly'}
          fallback={
            <div class="schedule-dates">
              <label>
                {t('bulletinSchedule.date')}
                <input type="date" value={newDate()} onInput={(e) => setNewDate(e.currentTarget.value)} data-testid="schedule-date" />
              </label>
              <button type="button" class="button secondary" disabled={!newDate()} onClick={() => { setDates((d) => toggle(d, newDate(), true)); setNewDate(''); }}>
                {t('bulletinSchedule.addDate')}
              </button>
              <ul data-testid="schedule-date-list">
                <For each={[...dates()].sort()}>
                  {(d) => (
                    <li>
                      {d.split('-').reverse().join('/')}{' '}
                      <button type="button" class="link-button" onClick={() => setDates((all) => all.filter((x) => x !== d))}>{t('bulletinSchedule.removeDate')}</button>
                    </li>
                  )}
                </For>
              </ul>
            </div>
          }
        >
          <div class="schedule-weekdays">
            <For each={WEEKDAYS}>
              {(w) => (
                <label class="check">
                  <input type="checkbox" checked={weekdays().includes(w)} onChange={(e) => setWeekdays((all) => toggle(all, w, e.currentTarget.checked))} />
                  {t(`bulletinSchedule.weekdays.${w}`)}
                </label>
              )}
            </For>
          </div>
          <label>
            {t('bulletinSchedule.from')}
            <input type="date" value={from()} onInput={(e) => setFrom(e.currentTarget.value)} data-testid="schedule-from" />
          </label>
          <label>
            {t('bulletinSchedule.until')}
            <input type="date" value={until()} onInput={(e) => setUntil(e.currentTarget.value)} data-testid="schedule-until" />
          </label>
        </Show>
      </fieldset>
      <label>
        {t('bulletinSchedule.time')}
        <input type="time" value={time()} onInput={(e) => setTime(e.currentTarget.value)} />
      </label>
      <label>
        {t('bulletinSchedule.clusters')}
        <input value={clusters()} maxLength={1000} onInput={(e) => setClusters(e.currentTarget.value)} data-testid="schedule-clusters" />
      </label>
      <fieldset>
        <legend>{t('bulletinSchedule.groups')}</legend>
        <div class="schedule-groups">
          <For each={props.groups}>
            {(g) => (
              <label class="check">
                <input type="checkbox" checked={groups().includes(g.id)} onChange={(e) => setGroups((all) => toggle(all, g.id, e.currentTarget.checked))} />
                {g.name}
              </label>
            )}
          </For>
        </div>
      </fieldset>
      <Show when={problem()}>
        <p class="notice" role="alert">{problem()}</p>
      </Show>
      <button type="submit" class="button" disabled={props.busy} data-testid="schedule-save">{t('bulletinSchedule.save')}</button>
    </form>
  );
}
