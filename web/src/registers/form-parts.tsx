// Parts every register form shares: the content-item picker and the line
// that says whether the save went through.
import { For, Show } from 'solid-js';
import type { Plan } from '../../../shared/plans/schema.ts';
import { t } from '../i18n/index.ts';
import type { SaveState } from './save-state.ts';

export function ItemSelect(props: { plan: Plan; value: string; onChange: (code: string) => void }) {
  return (
    <label>
      {t('registers.item')}
      <select name="itemCode" value={props.value} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <option value="">{t('registers.noItem')}</option>
        <For each={props.plan.contentItems}>{(c) => <option value={c.code}>{`${c.code} ${c.title}`}</option>}</For>
      </select>
    </label>
  );
}

export function SaveLine(props: { state: SaveState }) {
  return (
    <Show when={props.state.message()}>
      <p class={props.state.failed() ? 'notice' : 'saved'} role={props.state.failed() ? 'alert' : 'status'}>
        {props.state.message()}
      </p>
    </Show>
  );
}
