// The unit's activities (recorded here, or on another phone of the unit and
// read from the server), each with a way to correct it.
// A correction the server refused stays visible on its activity, in words:
// when the period's report was issued (period_locked) the officer can send
// the same correction as one made after the report, which the server keeps
// beside the issued report; any other refusal is shown with its reason.
import { createSignal, For, Show } from 'solid-js';
import { t } from '../i18n/index.ts';
import { ActivityForm } from './activity-form.tsx';
import type { UnitStore } from './unit-store.ts';

export function ActivityList(props: { store: UnitStore }) {
  const [editing, setEditing] = createSignal<string | null>(null);
  const refusalOf = (activityId: string) => props.store.refusals().find((r) => r.activityId === activityId);

  return (
    <section class="unit-card">
      <h2>{t('unit.recorded')}</h2>
      <p class="hint">{t('unit.recordedHint')}</p>
      <Show when={props.store.activities().length > 0} fallback={<p>{t('unit.none')}</p>}>
        <ul class="unit-list" data-testid="unit-activities">
          <For each={props.store.activities()}>
            {(a) => (
              <li data-testid="unit-activity">
                <strong>{a.title}</strong> — {a.formCode}
                {a.subFormId ? ` (${a.subFormId})` : ''} · {a.startsOn}
                <Show when={(a.files?.length ?? 0) > 0}> · {t('unit.filesCount', { count: a.files!.length })}</Show>
                <Show when={refusalOf(a.activityId)}>
                  {(r) => (
                    <Show
                      when={r().code === 'period_locked'}
                      fallback={
                        <p class="notice" role="alert" data-testid="activity-refused">
                          {t('unit.correct.refused', { reason: r().message })}
                        </p>
                      }
                    >
                      <div class="notice" role="alert" data-testid="activity-locked">
                        <p>{t('unit.correct.locked')}</p>
                        <button type="button" class="button" data-testid="activity-correct-after-issue" onClick={() => void props.store.resendAfterIssue(a.activityId)}>
                          {t('unit.correct.afterIssue')}
                        </button>
                      </div>
                    </Show>
                  )}
                </Show>
                <Show when={props.store.me() && editing() !== a.activityId}>
                  <button type="button" class="button secondary unit-correct" data-testid="activity-correct" onClick={() => setEditing(a.activityId)}>
                    {t('unit.correct.open')}
                  </button>
                </Show>
                <Show when={props.store.me() && editing() === a.activityId}>
                  <ActivityForm store={props.store} correcting={a} onDone={() => setEditing(null)} />
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
