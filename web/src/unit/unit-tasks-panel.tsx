import { For, Show } from 'solid-js';
import type { Tracker } from '../../../shared/units/api.ts';
import { language, t } from '../i18n/index.ts';
import { StatusBadge } from '../plan-tasks/status-badge.tsx';
import { ageOf, byUrgency, type KeptTasks } from './unit-tasks.ts';

const locale = () => (language() === 'vi' ? 'vi-VN' : 'en-GB');
const day = (iso: string) => new Date(`${iso}T00:00:00`).toLocaleDateString(locale());
const when = (k: Tracker['tasks'][number]) =>
  k.status === 'overdue' || k.status === 'none' ? t('unit.tasks.missed', { day: day(k.lastMissed!) }) : k.nextDue ? t('unit.tasks.next', { day: day(k.nextDue) }) : '';

/** The unit's tasks this quarter, late ones first, from the last copy read from the server and saying how old it is. */
export function UnitTasksPanel(props: { kept: KeptTasks | null; now: number }) {
  const late = () => props.kept?.plans.flatMap((p) => p.tracker.tasks).filter((k) => k.status === 'overdue' || k.status === 'none').length ?? 0;
  return (
    <section class="unit-card" data-testid="unit-tasks">
      <h2>{t('unit.tasks.title')}</h2>
      <Show when={props.kept} fallback={<p>{t('unit.tasks.notYet')}</p>}>
        {(kept) => {
          const age = () => ageOf(kept().readAt, props.now);
          return (
            <>
              <p class="hint" data-testid="unit-tasks-age">
                {t('unit.tasks.readAt', { time: new Date(kept().readAt).toLocaleString(locale(), { dateStyle: 'short', timeStyle: 'short' }) })}{' '}
                {t(`unit.tasks.age.${age().unit}`, { count: age().count })}
              </p>
              <p>
                <strong data-testid="unit-tasks-late">{t('unit.tasks.late', { count: late() })}</strong>
              </p>
              <For each={kept().plans}>
                {(p) => (
                  <Show when={p.tracker.tasks.length > 0}>
                    <h3>{p.numberSymbol}</h3>
                    <ul class="unit-list">
                      <For each={byUrgency(p.tracker.tasks)}>
                        {(k) => (
                          <li data-testid="unit-task" data-status={k.status}>
                            <StatusBadge status={k.status} label={t(`unit.tasks.status.${k.status}`)} /> <strong>{k.title}</strong>
                            <br />
                            <small>{when(k)}</small>
                          </li>
                        )}
                      </For>
                    </ul>
                  </Show>
                )}
              </For>
            </>
          );
        }}
      </Show>
    </section>
  );
}
