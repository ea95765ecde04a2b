import { For } from 'solid-js';
import { t } from '../i18n/index.ts';

export interface WardGroup {
  id: string;
  name: string;
}

/** The ward's residential groups as checkboxes, by name. */
export function GroupChecks(props: { groups: WardGroup[]; chosen: string[]; onChange: (ids: string[]) => void }) {
  return (
    <fieldset>
      <legend>{t('guide.form.group')}</legend>
      <For each={props.groups}>
        {(g) => (
          <label class="check">
            <input
              type="checkbox"
              checked={props.chosen.includes(g.id)}
              onChange={(e) => props.onChange(e.currentTarget.checked ? [...props.chosen, g.id] : props.chosen.filter((x) => x !== g.id))}
            />
            {g.name}
          </label>
        )}
      </For>
    </fieldset>
  );
}
