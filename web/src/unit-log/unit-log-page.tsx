// /ward/activities: the Culture-Social Office (reviewer) and admins read what
// each unit recorded, newest first, with the photos and scans sent as
// evidence. Office width on a desktop; one column on a phone.
import { createResource, createSignal, For, Show } from 'solid-js';
import type { StaffUser } from '../../../shared/api.ts';
import { StaffGate } from '../account/staff-gate.tsx';
import { t } from '../i18n/index.ts';
import { ActivityFiles } from './activity-files.tsx';
import { unitLogApi } from './unit-log-api.ts';
import './strings.ts';
import '../styles/unit-log.css';

const OFFICE: ReadonlyArray<StaffUser['role']> = ['reviewer', 'admin'];

export default function UnitLogPage() {
  return (
    <div class="unit-log">
      <h1>{t('unitLog.title')}</h1>
      <StaffGate roles={OFFICE} strings="unitLog">
        <UnitLog />
      </StaffGate>
    </div>
  );
}

function UnitLog() {
  const [units] = createResource(async () => (await unitLogApi.units()).units);
  const [unitId, setUnitId] = createSignal('');
  const [from, setFrom] = createSignal('');
  const [to, setTo] = createSignal('');
  const chosen = () => unitId() || units()?.[0]?.id || '';
  const [list] = createResource(
    () => (chosen() ? { id: chosen(), from: from() || undefined, to: to() || undefined } : undefined),
    ({ id, ...span }) => unitLogApi.activities(id, span),
  );
  return (
    <>
      <form class="unit-log-filter" onSubmit={(e) => e.preventDefault()}>
        <label>
          {t('unitLog.unit')}
          <select name="unit" value={chosen()} onChange={(e) => setUnitId(e.currentTarget.value)} data-testid="unit-log-unit">
            <For each={units() ?? []}>{(u) => <option value={u.id}>{`${u.shortName} — ${u.name}`}</option>}</For>
          </select>
        </label>
        <label>
          {t('unitLog.from')}
          <input type="date" name="from" value={from()} onChange={(e) => setFrom(e.currentTarget.value)} />
        </label>
        <label>
          {t('unitLog.to')}
          <input type="date" name="to" value={to()} onChange={(e) => setTo(e.currentTarget.value)} />
        </label>
      </form>
      <Show when={!list.error} fallback={<p class="notice" role="alert">{t('unitLog.failed')}</p>}>
        <Show when={!list.loading || list.latest} fallback={<p role="status">{t('unitLog.loading')}</p>}>
          <Show when={(list.latest?.activities.length ?? 0) > 0} fallback={<p>{t('unitLog.none')}</p>}>
            <ul class="unit-log-list" data-testid="unit-log">
              <For each={list.latest?.activities ?? []}>
                {(a) => (
                  <li data-testid="unit-log-activity">
                    <h2>{a.title}</h2>
                    <p>
                      {`${a.formCode}${a.subFormId ? ` (${a.subFormId})` : ''} · `}
                      {a.endsOn !== a.startsOn ? t('unitLog.days', { from: a.startsOn, to: a.endsOn }) : a.startsOn}
                      {' · '}
                      {a.contentItems.join(', ')}
                      <Show when={a.corrections > 0}> · {t('unitLog.corrected', { count: a.corrections })}</Show>
                    </p>
                    <Show when={a.place}>
                      <p>{t('unitLog.place', { place: a.place })}</p>
                    </Show>
                    <ActivityFiles files={a.files ?? []} />
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </Show>
      </Show>
    </>
  );
}
