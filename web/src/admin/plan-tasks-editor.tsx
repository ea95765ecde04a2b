import { For, Index, Show } from 'solid-js';
import { RHYTHMS } from '../../../shared/plans/periods.ts';
import type { Unit } from '../../../shared/plans/schema.ts';
import { t } from '../i18n/index.ts';
import { emptyTarget, emptyTask, type FormDraft, type TargetDraft, type TaskDraft } from './plan-draft.ts';

interface Props {
  tasks: TaskDraft[];
  targets: TargetDraft[];
  units: Unit[];
  forms: FormDraft[];
  onTasks: (tasks: TaskDraft[]) => void;
  onTargets: (targets: TargetDraft[]) => void;
}

/** The plan's tasks (a unit, a form, a rhythm or a due day) and per-form targets, part of the plan form. */
export function PlanTasksEditor(props: Props) {
  const setTask = (i: number, patch: Partial<TaskDraft>) => props.onTasks(props.tasks.map((k, j) => (j === i ? { ...k, ...patch } : k)));
  const setTarget = (i: number, patch: Partial<TargetDraft>) => props.onTargets(props.targets.map((g, j) => (j === i ? { ...g, ...patch } : g)));
  const formOptions = () => <For each={props.forms}>{(f) => <option value={f.code}>{`${f.code} ${f.title}`}</option>}</For>;
  const rhythmOptions = () => <For each={RHYTHMS}>{(r) => <option value={r}>{t(`plans.rhythm.${r}`)}</option>}</For>;

  return (
    <>
      <fieldset>
        <legend>{t('plans.tasks.legend')}</legend>
        <p class="hint">{t('plans.tasks.help')}</p>
        <Index each={props.tasks}>
          {(k, i) => (
            <div class="plan-row" data-testid="plan-task">
              <label>
                {t('plans.tasks.id')}
                <input class="code" required value={k().id} onInput={(e) => setTask(i, { id: e.currentTarget.value })} />
              </label>
              <label>
                {t('plans.duties.unit')}
                <select value={k().unitId} onChange={(e) => setTask(i, { unitId: e.currentTarget.value })}>
                  <For each={props.units}>{(u) => <option value={u.id}>{u.shortName}</option>}</For>
                </select>
              </label>
              <label>
                {t('plans.tasks.title')}
                <input required maxLength={300} value={k().title} onInput={(e) => setTask(i, { title: e.currentTarget.value })} />
              </label>
              <label>
                {t('plans.tasks.form')}
                <select value={k().formCode} onChange={(e) => setTask(i, { formCode: e.currentTarget.value })}>{formOptions()}</select>
              </label>
              <label>
                {t('plans.tasks.subForm')}
                <input value={k().subFormId} onInput={(e) => setTask(i, { subFormId: e.currentTarget.value })} />
              </label>
              <label>
                {t('plans.tasks.kind')}
                <select value={k().kind} onChange={(e) => setTask(i, { kind: e.currentTarget.value as TaskDraft['kind'] })}>
                  <option value="every">{t('plans.tasks.every')}</option>
                  <option value="once">{t('plans.tasks.once')}</option>
                </select>
              </label>
              <Show
                when={k().kind === 'every'}
                fallback={
                  <label>
                    {t('plans.tasks.dueOn')}
                    <input type="date" required value={k().dueOn} onInput={(e) => setTask(i, { dueOn: e.currentTarget.value })} />
                  </label>
                }
              >
                <label>
                  {t('plans.tasks.rhythm')}
                  <select value={k().every} onChange={(e) => setTask(i, { every: e.currentTarget.value as TaskDraft['every'] })}>{rhythmOptions()}</select>
                </label>
              </Show>
              <label>
                {t('plans.tasks.atLeast')}
                <input inputmode="numeric" value={k().atLeast} onInput={(e) => setTask(i, { atLeast: e.currentTarget.value })} />
              </label>
              <div class="period">
                <label>
                  {t('plans.tasks.from')}
                  <input type="date" value={k().from} onInput={(e) => setTask(i, { from: e.currentTarget.value })} />
                </label>
                <label>
                  {t('plans.tasks.until')}
                  <input type="date" value={k().until} onInput={(e) => setTask(i, { until: e.currentTarget.value })} />
                </label>
              </div>
              <button type="button" class="button secondary" onClick={() => props.onTasks(props.tasks.filter((_, j) => j !== i))}>
                {t('plans.tasks.remove', { id: k().id })}
              </button>
            </div>
          )}
        </Index>
        <button
          type="button"
          class="button secondary"
          disabled={props.units.length === 0 || props.forms.length === 0}
          onClick={() => props.onTasks([...props.tasks, emptyTask(props.units[0]?.id ?? '', props.forms[0]?.code ?? '')])}
        >
          {t('plans.tasks.add')}
        </button>
      </fieldset>

      <fieldset>
        <legend>{t('plans.targets.legend')}</legend>
        <Index each={props.targets}>
          {(g, i) => (
            <div class="plan-row" data-testid="plan-target">
              <label>
                {t('plans.tasks.form')}
                <select value={g().formCode} onChange={(e) => setTarget(i, { formCode: e.currentTarget.value })}>{formOptions()}</select>
              </label>
              <label>
                {t('plans.tasks.subForm')}
                <input value={g().subFormId} onInput={(e) => setTarget(i, { subFormId: e.currentTarget.value })} />
              </label>
              <label>
                {t('plans.duties.unit')}
                <select value={g().unitId} onChange={(e) => setTarget(i, { unitId: e.currentTarget.value })}>
                  <option value="">{t('plans.targets.allUnits')}</option>
                  <For each={props.units}>{(u) => <option value={u.id}>{u.shortName}</option>}</For>
                </select>
              </label>
              <label>
                {t('plans.targets.count')}
                <input inputmode="numeric" required value={g().count} onInput={(e) => setTarget(i, { count: e.currentTarget.value })} />
              </label>
              <label>
                {t('plans.targets.per')}
                <select value={g().per} onChange={(e) => setTarget(i, { per: e.currentTarget.value as TargetDraft['per'] })}>{rhythmOptions()}</select>
              </label>
              <button type="button" class="button secondary" onClick={() => props.onTargets(props.targets.filter((_, j) => j !== i))}>
                {t('plans.targets.remove')}
              </button>
            </div>
          )}
        </Index>
        <button type="button" class="button secondary" disabled={props.forms.length === 0} onClick={() => props.onTargets([...props.targets, emptyTarget(props.forms[0]?.code ?? '')])}>
          {t('plans.targets.add')}
        </button>
      </fieldset>
    </>
  );
}
