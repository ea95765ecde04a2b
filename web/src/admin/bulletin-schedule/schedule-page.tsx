// /admin/bulletins/schedule: the broadcast schedule of the bulletins saved
// from the composer. Staff set which days, at what time and over which
// loudspeaker clusters or residential groups each is aired; the airing
// unit's officer marks a day as aired, which logs it in the unit's outreach
// log with its minutes (the reading time unless changed), once. Office work:
// it needs the server (a failed save says so and keeps the form).
import { createSignal, For, Show } from 'solid-js';
import type { StaffUser } from '../../../../shared/api.ts';
import type { Bulletin, BulletinSchedule } from '../../../../shared/outreach/bulletin-schedule.ts';
import { AIRED_MINUTES } from '../../../../shared/outreach/bulletin-schedule.ts';
import { t } from '../../i18n/index.ts';
import { errorText } from '../../net/error-message.ts';
import { AdminLoadNotice, createAdminLoad } from '../admin-load.tsx';
import { AdminNav } from '../admin-nav.tsx';
import { inputOf, scheduleApi } from './schedule-api.ts';
import { ScheduleForm } from './schedule-form.tsx';
import './strings.ts';
import '../../styles/ward-admin.css';
import '../../styles/bulletins.css';

const ERRORS = {
  offline: 'bulletinSchedule.offline',
  failed: 'bulletinSchedule.failed',
  byCode: { not_scheduled: 'bulletinSchedule.errors.not_scheduled', not_yet: 'bulletinSchedule.errors.not_yet', no_plan_form: 'bulletinSchedule.errors.no_plan_form', forbidden: 'bulletinSchedule.errors.forbidden' },
} as const;

export default function BulletinSchedulePage() {
  const [me, setMe] = createSignal<StaffUser | null>(null);
  const [bulletins, setBulletins] = createSignal<Bulletin[]>([]);
  const [groups, setGroups] = createSignal<Array<{ id: string; name: string }>>([]);
  const state = createAdminLoad(async () => {
    const user = await scheduleApi.me();
    setMe(user);
    setBulletins(await scheduleApi.list());
    setGroups(await scheduleApi.groups().catch(() => []));
  });
  const replace = (b: Bulletin) => setBulletins((all) => all.map((x) => (x.id === b.id ? b : x)));

  return (
    <div class="ward-admin bulletins-page bulletin-schedule">
      <Show when={me()?.role === 'admin' || me()?.role === 'reviewer'}>
        <AdminNav />
      </Show>
      <h1>{t('bulletinSchedule.title')}</h1>
      <p>{t('bulletinSchedule.intro')}</p>
      <p>
        <a href="/admin/bulletins">{t('bulletinSchedule.toComposer')}</a>
      </p>
      <AdminLoadNotice state={state()} offline={t('bulletinSchedule.offline')} />
      <Show when={state() === 'ready'}>
        <Show when={bulletins().length > 0} fallback={<p data-testid="schedule-none">{t('bulletinSchedule.none')}</p>}>
          <ul class="schedule-list">
            <For each={bulletins()}>{(b) => <BulletinCard bulletin={b} groups={groups()} canAir={me()?.role === 'unit'} onChange={replace} />}</For>
          </ul>
        </Show>
      </Show>
    </div>
  );
}

/** A day as offices write it: 05/12/2026. */
const dayText = (iso: string) => iso.split('-').reverse().join('/');

/** "Thứ Hai, Thứ Năm, từ 01/05/2025 đến 30/06/2025" or the list of dates. */
function daysText(s: BulletinSchedule): string {
  const d = s.days;
  if (d.kind === 'dates') return t('bulletinSchedule.summaryDates', { dates: d.dates.map(dayText).join(', ') });
  return t('bulletinSchedule.summaryWeekly', { days: d.weekdays.map((w) => t(`bulletinSchedule.weekdays.${w}`)).join(', '), from: dayText(d.from), until: dayText(d.until) });
}

function BulletinCard(props: { bulletin: Bulletin; groups: Array<{ id: string; name: string }>; canAir: boolean; onChange: (b: Bulletin) => void }) {
  const b = () => props.bulletin;
  const [editing, setEditing] = createSignal(false);
  const [busy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal('');
  const [note, setNote] = createSignal('');
  const groupName = (id: string) => props.groups.find((g) => g.id === id)?.name ?? id;
  const aired = (day: string) => b().airings.find((a) => a.day === day);

  const run = async (work: () => Promise<Bulletin>, done: string) => {
    setProblem('');
    setNote('');
    setBusy(true);
    try {
      props.onChange(await work());
      setNote(done);
      return true;
    } catch (err) {
      setProblem(errorText(err, ERRORS));
      return false;
    } finally {
      setBusy(false);
    }
  };
  const saveSchedule = async (schedule: BulletinSchedule) => {
    if (await run(() => scheduleApi.save(b().id, { ...inputOf(b()), schedule }), t('bulletinSchedule.saved'))) setEditing(false);
  };

  return (
    <li class="admin-card schedule-card" data-testid="schedule-bulletin">
      <h2>{b().title}</h2>
      <p class="hint">
        {t(`bulletins.kinds.${b().kind}`)} · {b().unitName} · {t('bulletinSchedule.minutes', { count: b().minutes })}
      </p>
      <Show when={b().schedule} fallback={<p>{t('bulletinSchedule.notScheduled')}</p>}>
        {(s) => (
          <p data-testid="schedule-summary">
            {daysText(s())}
            {s().time ? ` · ${s().time}` : ''}
            {' · '}
            {[...s().clusters, ...s().groups.map(groupName)].join(', ')}
          </p>
        )}
      </Show>
      <button type="button" class="button secondary" aria-expanded={editing()} onClick={() => setEditing((v) => !v)} data-testid="schedule-edit">
        {b().schedule ? t('bulletinSchedule.edit') : t('bulletinSchedule.add')}
      </button>
      <Show when={editing()}>
        <ScheduleForm schedule={b().schedule} groups={props.groups} busy={busy()} onSave={saveSchedule} />
      </Show>
      <Show when={b().dueDays.length > 0}>
        <h3>{t('bulletinSchedule.due')}</h3>
        <ul class="schedule-days">
          <For each={b().dueDays}>
            {(day) => <DueDay day={day} aired={aired(day)} minutes={b().minutes} canAir={props.canAir} busy={busy()} onAir={(m) => run(() => scheduleApi.aired(b().id, day, m), t('bulletinSchedule.airedNote'))} />}
          </For>
        </ul>
      </Show>
      <Show when={problem()}>
        <p class="notice" role="alert" data-testid="schedule-problem">{problem()}</p>
      </Show>
      <Show when={note()}>
        <p role="status">{note()}</p>
      </Show>
    </li>
  );
}

function DueDay(props: { day: string; aired: Bulletin['airings'][number] | undefined; minutes: number; canAir: boolean; busy: boolean; onAir: (minutes: number) => Promise<unknown> }) {
  const [minutes, setMinutes] = createSignal(props.minutes);
  return (
    <li data-testid="schedule-day" data-day={props.day}>
      <strong>{dayText(props.day)}</strong>
      <Show
        when={props.aired}
        fallback={
          <Show when={props.canAir} fallback={<span> · {t('bulletinSchedule.notAired')}</span>}>
            <label>
              {t('bulletinSchedule.minutesLabel')}
              <input type="number" min={AIRED_MINUTES.min} max={AIRED_MINUTES.max} value={minutes()} onInput={(e) => setMinutes(e.currentTarget.valueAsNumber || props.minutes)} data-testid="schedule-minutes" />
            </label>
            <button type="button" class="button" disabled={props.busy} onClick={() => void props.onAir(minutes())} data-testid="schedule-aired">
              {t('bulletinSchedule.markAired')}
            </button>
          </Show>
        }
      >
        {(a) => <span data-testid="schedule-aired-state"> · {t('bulletinSchedule.aired', { minutes: a().minutes, name: a().airedByName })}</span>}
      </Show>
    </li>
  );
}
