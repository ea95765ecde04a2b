// In the composer: keep the bulletin on the server so it can be scheduled.
// A unit officer saves for their unit; the office names the airing unit.
// Saved once, later saves change the same bulletin (its schedule is kept).
import { createResource, createSignal, For, Show } from 'solid-js';
import type { Bulletin, BulletinKind } from '../../../../shared/outreach/bulletin-schedule.ts';
import { t } from '../../i18n/index.ts';
import { errorText } from '../../net/error-message.ts';
import { scheduleApi } from './schedule-api.ts';
import './strings.ts';

export function SaveBulletin(props: { kind: BulletinKind; title: string; body: string; rate: number }) {
  const [me] = createResource(() => scheduleApi.me().catch(() => null));
  const [units] = createResource(
    () => (me() && me()!.role !== 'unit' ? true : undefined),
    () => scheduleApi.units().catch(() => []),
  );
  const [unitId, setUnitId] = createSignal('');
  const [saved, setSaved] = createSignal<Bulletin | null>(null);
  const [problem, setProblem] = createSignal('');
  const [busy, setBusy] = createSignal(false);

  const save = async () => {
    setProblem('');
    setBusy(true);
    try {
      const office = me()?.role !== 'unit';
      const input = { kind: props.kind, title: props.title.trim(), body: props.body.trim(), rate: props.rate, ...(office ? { unitId: unitId() || units()?.[0]?.id } : {}) };
      const before = saved();
      setSaved(before ? await scheduleApi.save(before.id, { ...input, schedule: before.schedule }) : await scheduleApi.create(input));
    } catch (err) {
      setProblem(errorText(err, { offline: 'bulletinSchedule.offline', failed: 'bulletinSchedule.failed' }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Show when={me()}>
      <div class="bulletin-save" data-testid="bulletin-save">
        <Show when={(units() ?? []).length > 0}>
          <label>
            {t('bulletinSchedule.unit')}
            <select value={unitId() || units()![0].id} onChange={(e) => setUnitId(e.currentTarget.value)}>
              <For each={units()}>{(u) => <option value={u.id}>{u.name}</option>}</For>
            </select>
          </label>
        </Show>
        <button type="button" class="button secondary" disabled={busy() || !props.title.trim() || !props.body.trim()} onClick={save} data-testid="bulletin-save-button">
          {t('bulletinSchedule.saveFromComposer')}
        </button>
        <Show when={saved()}>
          <p role="status">
            {t('bulletinSchedule.savedFromComposer')} <a href="/admin/bulletins/schedule">{t('bulletinSchedule.toSchedule')}</a>
          </p>
        </Show>
        <Show when={problem()}>
          <p class="notice" role="alert">{problem()}</p>
        </Show>
      </div>
    </Show>
  );
}
