// VH-XH records how a difficulty was handled, or what was proposed to the
// People's Committee, with its status and date.
import { createSignal, For } from 'solid-js';
import { DIFFICULTY_STATUSES, vietnamToday, type DifficultyStatus } from '../../../shared/registers/constants.ts';
import type { Difficulty, DifficultyHandling } from '../../../shared/registers/schema.ts';
import { t } from '../i18n/index.ts';
import { SaveLine } from './form-parts.tsx';
import { createSaveState } from './save-state.ts';

type Handled = Exclude<DifficultyStatus, 'new'>;
const HANDLED = DIFFICULTY_STATUSES.filter((s): s is Handled => s !== 'new');

export function HandlingForm(props: { entry: Difficulty; onSubmit: (input: DifficultyHandling) => Promise<unknown>; onDone?: () => void }) {
  const [status, setStatus] = createSignal<Handled>(props.entry.status === 'new' ? 'handling' : (props.entry.status as Handled));
  const [handling, setHandling] = createSignal(props.entry.handling ?? '');
  const [handledOn, setHandledOn] = createSignal(vietnamToday());
  const save = createSaveState();
  return (
    <form
      class="register-card"
      data-testid="handling-form"
      onSubmit={(e) => {
        e.preventDefault();
        void save.run(() => props.onSubmit({ status: status(), handling: handling().trim(), handledOn: handledOn() }), props.onDone);
      }}
    >
      <h2>{t('registers.difficulty.handlingTitle')}</h2>
      <p class="register-quote">{props.entry.unitName}: {props.entry.summary}</p>
      <label>
        {t('registers.difficulty.status')}
        <select name="status" value={status()} onChange={(e) => setStatus(e.currentTarget.value as Handled)}>
          <For each={HANDLED}>{(s) => <option value={s}>{t(`registers.difficulty.statuses.${s}`)}</option>}</For>
        </select>
      </label>
      <label>
        {t('registers.difficulty.handling')}
        <textarea name="handling" rows={4} required maxLength={4000} value={handling()} onInput={(e) => setHandling(e.currentTarget.value)} />
      </label>
      <label>
        {t('registers.difficulty.handledOn')}
        <input name="handledOn" type="date" required min={props.entry.raisedOn} value={handledOn()} onInput={(e) => setHandledOn(e.currentTarget.value)} />
      </label>
      <button type="submit" class="button" disabled={save.busy()}>{t('registers.difficulty.saveHandling')}</button>
      <SaveLine state={save} />
    </form>
  );
}
