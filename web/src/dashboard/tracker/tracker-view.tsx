// One plan's tracker for a period, as the Culture-Social Office reads it:
// each unit's tasks with their status (a sign and words, not colour alone),
// activities per form against the plan's targets, content items nobody
// served, and how long ago each unit last recorded something.
import { For, Show } from 'solid-js';
import { dayFromIso } from '../../../../shared/stats/days.ts';
import type { Tracker } from '../../../../shared/units/api.ts';
import { t } from '../../i18n/index.ts';
import { StatusBadge } from '../../plan-tasks/status-badge.tsx';
import { date, num } from '../format.ts';

type TaskRow = Tracker['tasks'][number];

/** "at least 2 every week" or "due 20/03/2025". */
const ruleText = (k: TaskRow) => (k.every ? t('tracker.rule.every', { count: k.atLeast, rhythm: t(`tracker.rhythm.${k.every}`) }) : t('tracker.rule.once', { day: date(k.dueOn!) }));
const resultText = (k: TaskRow) => (k.every ? t('tracker.result.windows', { met: k.met, deadlines: k.deadlines, recorded: k.recorded }) : t('tracker.result.once', { recorded: k.recorded, required: k.required }));
const dueText = (k: TaskRow) => (k.status === 'overdue' || k.status === 'none' ? t('tracker.due.missed', { day: date(k.lastMissed!) }) : k.nextDue ? t('tracker.due.next', { day: date(k.nextDue) }) : '—');

/** `ownUnit`: a unit officer's view of their own unit: no whole-ward total, the tasks are the unit's. */
export function TrackerView(props: { tracker: Tracker; ownUnit?: boolean }) {
  const tr = () => props.tracker;
  const unitName = (id: string | null) => (id === null ? t('tracker.wholeWard') : (tr().units.find((u) => u.id === id)?.shortName ?? id));
  const formTitle = (code: string) => tr().forms.find((f) => f.code === code)?.title ?? '';
  const daysAgo = (day: string) => dayFromIso(tr().today) - dayFromIso(day);
  const overdue = () => tr().tasks.filter((k) => k.status === 'overdue' || k.status === 'none').length;
  const uncovered = () => tr().contentItems.filter((c) => c.activities === 0);
  const formTotal = (code: string) => tr().units.reduce((n, u) => n + (u.perForm[code] ?? 0), 0);

  return (
    <div class="tracker-view" data-testid="tracker-view">
      <p class="tracker-summary" role="status">
        {t('tracker.summary', { from: date(tr().period.from), to: date(tr().period.to), today: date(tr().today) })}{' '}
        <strong data-testid="tracker-overdue-count">{t('tracker.overdueCount', { count: overdue() })}</strong>
      </p>

      <section class="tracker-card">
        <h2>{t(props.ownUnit ? 'tracker.tasks.ownTitle' : 'tracker.tasks.title')}</h2>
        <Show when={tr().tasks.length > 0} fallback={<p>{t('tracker.tasks.none')}</p>}>
          <table class="tracker-table tracker-tasks">
            <thead>
              <tr>
                <th scope="col">{t('tracker.col.unit')}</th>
                <th scope="col">{t('tracker.col.task')}</th>
                <th scope="col">{t('tracker.col.status')}</th>
                <th scope="col">{t('tracker.col.result')}</th>
                <th scope="col">{t('tracker.col.due')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={tr().tasks}>
                {(k) => (
                  <tr data-testid="task-row" data-task={k.taskId} data-unit={k.unitId} data-status={k.status}>
                    <th scope="row" data-label={t('tracker.col.unit')}>{unitName(k.unitId)}</th>
                    <td data-label={t('tracker.col.task')}>
                      {k.title}
                      <br />
                      <small>
                        {k.formCode}
                        {k.subFormId ? ` · ${k.subFormId}` : ''} · {ruleText(k)}
                      </small>
                    </td>
                    <td data-label={t('tracker.col.status')}>
                      <StatusBadge status={k.status} label={t(`tracker.status.${k.status}`)} />
                    </td>
                    <td data-label={t('tracker.col.result')}>{resultText(k)}</td>
                    <td data-label={t('tracker.col.due')}>{dueText(k)}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </Show>
      </section>

      <section class="tracker-card">
        <h2>{t('tracker.forms.title')}</h2>
        <div class="tracker-scroll">
          <table class="tracker-table tracker-forms" data-testid="tracker-forms">
            <thead>
              <tr>
                <th scope="col">{t('tracker.col.unit')}</th>
                <For each={tr().forms}>{(f) => <th scope="col" title={f.title}>{f.code}</th>}</For>
                <th scope="col">{t('tracker.col.total')}</th>
                <th scope="col">{t('tracker.col.last')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={tr().units}>
                {(u) => (
                  <tr data-testid="unit-row" data-unit={u.id}>
                    <th scope="row" title={u.name}>{u.shortName}</th>
                    <For each={tr().forms}>{(f) => <td>{num(u.perForm[f.code] ?? 0)}</td>}</For>
                    <td>{num(u.total)}</td>
                    <td data-testid="unit-last">
                      {u.latestOn ? t('tracker.last', { day: date(u.latestOn), count: daysAgo(u.latestOn) }) : t('tracker.never')}
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
            <Show when={!props.ownUnit}>
              <tfoot>
                <tr>
                  <th scope="row">{t('tracker.wholeWard')}</th>
                  <For each={tr().forms}>{(f) => <td>{num(formTotal(f.code))}</td>}</For>
                  <td>{num(tr().units.reduce((n, u) => n + u.total, 0))}</td>
                  <td />
                </tr>
              </tfoot>
            </Show>
          </table>
        </div>
        <Show when={tr().guideSessions}>
          {(g) => <p class="hint">{t('tracker.guideSessions', { form: g().formCode, count: g().sessions })}</p>}
        </Show>
        <Show when={tr().targets.length > 0}>
          <h3>{t('tracker.targets.title')}</h3>
          <ul class="tracker-targets" data-testid="tracker-targets">
            <For each={tr().targets}>
              {(g) => (
                <li data-form={g.formCode}>
                  <StatusBadge status={g.actual >= g.expected ? 'done' : 'on-track'} label={g.actual >= g.expected ? t('tracker.targets.met') : t('tracker.targets.short')} />{' '}
                  <strong>
                    {g.formCode} {formTitle(g.formCode)}
                    {g.subFormId ? ` · ${g.subFormId}` : ''}
                  </strong>{' '}
                  ({unitName(g.unitId)}): {t('tracker.targets.line', { actual: num(g.actual), expected: num(g.expected), count: g.count, rhythm: t(`tracker.per.${g.per}`) })}
                </li>
              )}
            </For>
          </ul>
        </Show>
      </section>

      <section class="tracker-card">
        <h2>{t('tracker.items.title')}</h2>
        <Show when={uncovered().length > 0}>
          <div class="notice tracker-uncovered" role="note" data-testid="tracker-uncovered">
            <p>
              <strong>{t('tracker.items.uncovered', { count: uncovered().length })}</strong>
            </p>
            <ul>
              <For each={uncovered()}>{(c) => <li>{`${c.code} ${c.title}`}</li>}</For>
            </ul>
          </div>
        </Show>
        <ul class="tracker-items">
          <For each={tr().contentItems.filter((c) => c.activities > 0)}>
            {(c) => (
              <li>
                <span aria-hidden="true">✓</span> {`${c.code} ${c.title}`}: {t('tracker.items.activities', { count: c.activities })}
              </li>
            )}
          </For>
        </ul>
      </section>
    </div>
  );
}
