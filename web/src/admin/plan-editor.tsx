import { createSignal, For, Index } from 'solid-js';
import type { Plan, Unit } from '../../../shared/plans/schema.ts';
import { t } from '../i18n/index.ts';
import { draftProblem, fromDraft, toDraft, emptyDraft, type DutyDraft, type FormDraft, type ItemDraft, type PlanDraft } from './plan-draft.ts';
import { plansApi } from './plans-api.ts';
import { planRefusalText } from './plan-refusal.ts';
import { PlanTasksEditor } from './plan-tasks-editor.tsx';

/** One plan's form: the document's fields, content items, forms with sub-forms, units' duties, tasks and targets. Saving the sample makes it the ward's own. */
export function PlanEditor(props: { plan: Plan | null; units: Unit[]; onSaved: (p: Plan) => void }) {
  const [draft, setDraft] = createSignal<PlanDraft>(props.plan ? toDraft(props.plan) : emptyDraft());
  const [message, setMessage] = createSignal('');
  const set = (patch: Partial<PlanDraft>) => setDraft({ ...draft(), ...patch });
  const setRow = <K extends 'contentItems' | 'forms' | 'duties'>(key: K, i: number, patch: Partial<PlanDraft[K][number]>) =>
    set({ [key]: draft()[key].map((row, j) => (j === i ? { ...row, ...patch } : row)) } as Partial<PlanDraft>);
  const removeRow = (key: 'contentItems' | 'forms' | 'duties', i: number) => set({ [key]: draft()[key].filter((_, j) => j !== i) } as Partial<PlanDraft>);
  const text = (key: 'numberSymbol' | 'issuingBody' | 'title', max: number) => (
    <label>
      {t(`plans.field.${key}`)}
      <input name={key} required maxLength={max} value={draft()[key]} onInput={(e) => set({ [key]: e.currentTarget.value })} />
    </label>
  );
  const day = (key: 'issuedOn' | 'periodFrom' | 'periodTo') => (
    <label>
      {t(`plans.field.${key}`)}
      <input name={key} type="date" value={draft()[key]} onInput={(e) => set({ [key]: e.currentTarget.value })} />
    </label>
  );
  const list = (key: 'legalBases' | 'recipients' | 'slogans') => (
    <>
      <label>
        {t(`plans.field.${key}`)}
        <textarea name={key} rows={3} aria-describedby="plan-one-per-line" value={draft()[key]} onInput={(e) => set({ [key]: e.currentTarget.value })} />
      </label>
      <p class="hint">{t('plans.onePerLine')}</p>
    </>
  );

  return (
    <form
      class="admin-card plan-editor"
      data-testid="plan-editor"
      onSubmit={async (e) => {
        e.preventDefault();
        setMessage('');
        // A slip the form can name in the editor's own words is said before anything is sent.
        const slip = draftProblem(draft());
        if (slip) {
          const where = 'what' in slip.params ? { where: t(`plans.${slip.params.what}.legend`) } : {};
          return void setMessage(t(slip.key, { ...slip.params, ...where }));
        }
        const input = fromDraft(draft());
        try {
          const saved = props.plan ? await plansApi.replace(props.plan.id, input) : await plansApi.create(input);
          // The page says "saved": it opens the saved plan in a fresh form.
          props.onSaved(saved);
        } catch (err) {
          // Any refusal in the editor's words, part by part, with the server's code.
          setMessage(planRefusalText(err, input));
        }
      }}
    >
      <h2>{props.plan ? t('plans.editTitle', { numberSymbol: props.plan.numberSymbol }) : t('plans.newTitle')}</h2>
      {text('numberSymbol', 60)}
      {day('issuedOn')}
      {text('issuingBody', 200)}
      {text('title', 500)}
      <p id="plan-one-per-line" hidden>{t('plans.onePerLine')}</p>
      {list('legalBases')}
      <div class="period">
        {day('periodFrom')}
        {day('periodTo')}
      </div>

      <fieldset>
        <legend>{t('plans.items.legend')}</legend>
        <Index each={draft().contentItems}>
          {(c: () => ItemDraft, i) => (
            <div class="plan-row" data-testid="plan-item">
              <label>
                {t('plans.code')}
                <input class="code" required value={c().code} onInput={(e) => setRow('contentItems', i, { code: e.currentTarget.value })} />
              </label>
              <label>
                {t('plans.items.title')}
                <input required maxLength={400} value={c().title} onInput={(e) => setRow('contentItems', i, { title: e.currentTarget.value })} />
              </label>
              <label>
                {t('plans.items.points')}
                <textarea rows={2} value={c().points} onInput={(e) => setRow('contentItems', i, { points: e.currentTarget.value })} />
              </label>
              <button type="button" class="button secondary" onClick={() => removeRow('contentItems', i)}>{t('plans.remove', { code: c().code })}</button>
            </div>
          )}
        </Index>
        <button type="button" class="button secondary" onClick={() => set({ contentItems: [...draft().contentItems, { code: '', title: '', points: '' }] })}>{t('plans.items.add')}</button>
      </fieldset>

      <fieldset>
        <legend>{t('plans.forms.legend')}</legend>
        <p id="plan-sub-form-help" class="hint">{t('plans.forms.subFormsHelp')}</p>
        <Index each={draft().forms}>
          {(f: () => FormDraft, i) => (
            <div class="plan-row" data-testid="plan-form">
              <label>
                {t('plans.code')}
                <input class="code" required value={f().code} onInput={(e) => setRow('forms', i, { code: e.currentTarget.value })} />
              </label>
              <label>
                {t('plans.forms.title')}
                <input required maxLength={400} value={f().title} onInput={(e) => setRow('forms', i, { title: e.currentTarget.value })} />
              </label>
              <label>
                {t('plans.forms.subForms')}
                <textarea rows={3} aria-describedby="plan-sub-form-help" value={f().subForms} onInput={(e) => setRow('forms', i, { subForms: e.currentTarget.value })} />
              </label>
              <button type="button" class="button secondary" onClick={() => removeRow('forms', i)}>{t('plans.remove', { code: f().code })}</button>
            </div>
          )}
        </Index>
        <button type="button" class="button secondary" onClick={() => set({ forms: [...draft().forms, { code: '', title: '', subForms: '' }] })}>{t('plans.forms.add')}</button>
      </fieldset>

      <fieldset>
        <legend>{t('plans.duties.legend')}</legend>
        <Index each={draft().duties}>
          {(d: () => DutyDraft, i) => (
            <div class="plan-row" data-testid="plan-duty">
              <label>
                {t('plans.duties.unit')}
                <select value={d().unitId} onChange={(e) => setRow('duties', i, { unitId: e.currentTarget.value })}>
                  <For each={props.units}>{(u) => <option value={u.id}>{u.shortName}</option>}</For>
                </select>
              </label>
              <label>
                {t('plans.duties.role')}
                <select value={d().role} onChange={(e) => setRow('duties', i, { role: e.currentTarget.value as DutyDraft['role'] })}>
                  <option value="lead">{t('plans.duties.lead')}</option>
                  <option value="coordinate">{t('plans.duties.coordinate')}</option>
                </select>
              </label>
              <label>
                {t('plans.duties.items')}
                <input value={d().contentItems} onInput={(e) => setRow('duties', i, { contentItems: e.currentTarget.value })} />
              </label>
              <label>
                {t('plans.duties.forms')}
                <input value={d().forms} onInput={(e) => setRow('duties', i, { forms: e.currentTarget.value })} />
              </label>
              <label>
                {t('plans.duties.text')}
                <textarea required rows={2} value={d().text} onInput={(e) => setRow('duties', i, { text: e.currentTarget.value })} />
              </label>
              <button type="button" class="button secondary" onClick={() => removeRow('duties', i)}>{t('plans.duties.remove')}</button>
            </div>
          )}
        </Index>
        <button
          type="button"
          class="button secondary"
          disabled={props.units.length === 0}
          onClick={() => set({ duties: [...draft().duties, { unitId: props.units[0]?.id ?? '', role: 'coordinate', contentItems: '', forms: '', text: '' }] })}
        >
          {t('plans.duties.add')}
        </button>
      </fieldset>

      <PlanTasksEditor
        tasks={draft().tasks}
        targets={draft().targets}
        units={props.units}
        forms={draft().forms}
        onTasks={(tasks) => set({ tasks })}
        onTargets={(targets) => set({ targets })}
      />

      {list('slogans')}
      {list('recipients')}
      <button type="submit" class="button">{t('plans.save')}</button>
      <p role="status" class="admin-message">{message()}</p>
    </form>
  );
}
