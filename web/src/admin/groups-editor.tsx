import { createSignal, For, Show } from 'solid-js';
import type { AdminGroup, AdminWard } from '../../../shared/ward-admin.ts';
import { t } from '../i18n/index.ts';
import { adminApi } from './admin-api.ts';
import { errorText } from '../net/error-message.ts';
import { ADMIN_ERRORS } from './admin-errors.ts';

type Draft = { id: string; name: string; adultPopulation: string; households: string };
const toDraft = (g: AdminGroup): Draft => ({ id: g.id, name: g.name, adultPopulation: g.adultPopulation?.toString() ?? '', households: g.households?.toString() ?? '' });
const figure = (s: string) => (s.trim() === '' ? null : Number(s));

/** Residential groups: edit one row at a time, add, remove (refused with 409
 * while anything refers to the group — the message says to rename instead). */
export function GroupsEditor(props: { ward: AdminWard; onSaved: (w: AdminWard) => void }) {
  const [editing, setEditing] = createSignal<Draft | null>(null);
  const [adding, setAdding] = createSignal<Draft>({ id: '', name: '', adultPopulation: '', households: '' });
  const [message, setMessage] = createSignal('');

  async function save(d: Draft, after: () => void) {
    setMessage('');
    try {
      props.onSaved(await adminApi.saveGroup(d.id.trim(), { name: d.name.trim(), adultPopulation: figure(d.adultPopulation), households: figure(d.households) }));
      after();
      setMessage(t('wardAdmin.saved'));
    } catch (err) {
      setMessage(errorText(err, ADMIN_ERRORS));
    }
  }
  async function remove(g: AdminGroup) {
    if (!confirm(t('wardAdmin.groups.confirmRemove', { name: g.name }))) return;
    setMessage('');
    try {
      props.onSaved(await adminApi.deleteGroup(g.id));
      setMessage(t('wardAdmin.saved'));
    } catch (err) {
      setMessage(errorText(err, { ...ADMIN_ERRORS, byStatus: { 409: 'wardAdmin.groups.inUse' } }, { name: g.name }));
    }
  }
  const numberInput = (value: string, set: (v: string) => void, label: string) => (
    <input type="number" inputMode="numeric" min="0" max="1000000" step="1" aria-label={label} value={value} onInput={(e) => set(e.currentTarget.value)} />
  );

  return (
    <section class="admin-card" data-testid="groups-editor">
      <h2>{t('wardAdmin.groups.legend')}</h2>
      <div class="table-scroll">
        <table class="groups-table">
          <thead>
            <tr>
              <th scope="col">{t('wardAdmin.groups.id')}</th>
              <th scope="col">{t('wardAdmin.groups.name')}</th>
              <th scope="col">{t('wardAdmin.groups.adultPopulation')}</th>
              <th scope="col">{t('wardAdmin.groups.households')}</th>
              <th scope="col">{t('wardAdmin.groups.actions')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.ward.groups}>
              {(g) => (
                <Show
                  when={editing()?.id === g.id}
                  fallback={
                    <tr>
                      <td data-label={t('wardAdmin.groups.id')}>{g.id}</td>
                      <td data-label={t('wardAdmin.groups.name')}>{g.name}</td>
                      <td class="num" data-label={t('wardAdmin.groups.adultPopulation')}>{g.adultPopulation ?? t('wardAdmin.groups.empty')}{g.figuresAreSample ? ` (${t('wardAdmin.sampleFigures')})` : ''}</td>
                      <td class="num" data-label={t('wardAdmin.groups.households')}>{g.households ?? t('wardAdmin.groups.empty')}</td>
                      <td class="row-actions">
                        <button type="button" class="button secondary" aria-label={t('wardAdmin.groups.edit', { name: g.name })} onClick={() => setEditing(toDraft(g))}>{t('wardAdmin.groups.editShort')}</button>
                        <button type="button" class="button secondary" aria-label={t('wardAdmin.groups.remove', { name: g.name })} onClick={() => void remove(g)}>{t('wardAdmin.groups.removeShort')}</button>
                      </td>
                    </tr>
                  }
                >
                  <tr class="editing">
                    <td data-label={t('wardAdmin.groups.id')}>{g.id}</td>
                    <td data-label={t('wardAdmin.groups.name')}><input required maxLength={120} aria-label={t('wardAdmin.groups.name')} value={editing()!.name} onInput={(e) => setEditing({ ...editing()!, name: e.currentTarget.value })} /></td>
                    <td data-label={t('wardAdmin.groups.adultPopulation')}>{numberInput(editing()!.adultPopulation, (v) => setEditing({ ...editing()!, adultPopulation: v }), t('wardAdmin.groups.adultPopulation'))}</td>
                    <td data-label={t('wardAdmin.groups.households')}>{numberInput(editing()!.households, (v) => setEditing({ ...editing()!, households: v }), t('wardAdmin.groups.households'))}</td>
                    <td class="row-actions">
                      <button type="button" class="button" onClick={() => void save(editing()!, () => setEditing(null))}>{t('wardAdmin.groups.save')}</button>
                      <button type="button" class="button secondary" onClick={() => setEditing(null)}>{t('wardAdmin.groups.cancel')}</button>
                    </td>
                  </tr>
                </Show>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <form
        class="add-group"
        onSubmit={(e) => {
          e.preventDefault();
          // PUT would replace an existing group: adding must not overwrite one.
          if (props.ward.groups.some((g) => g.id === adding().id.trim())) return setMessage(t('wardAdmin.groups.exists', { id: adding().id.trim() }));
          void save(adding(), () => setAdding({ id: '', name: '', adultPopulation: '', households: '' }));
        }}
      >
        <h3>{t('wardAdmin.groups.add')}</h3>
        <label>
          {t('wardAdmin.groups.id')}
          <input name="group-id" required pattern="[a-z0-9-]{1,40}" value={adding().id} onInput={(e) => setAdding({ ...adding(), id: e.currentTarget.value })} aria-describedby="group-id-help" />
        </label>
        <p id="group-id-help" class="hint">{t('wardAdmin.groups.idHelp')}</p>
        <label>
          {t('wardAdmin.groups.name')}
          <input name="group-name" required maxLength={120} value={adding().name} onInput={(e) => setAdding({ ...adding(), name: e.currentTarget.value })} />
        </label>
        <label>
          {t('wardAdmin.groups.adultPopulation')}
          {numberInput(adding().adultPopulation, (v) => setAdding({ ...adding(), adultPopulation: v }), t('wardAdmin.groups.adultPopulation'))}
        </label>
        <label>
          {t('wardAdmin.groups.households')}
          {numberInput(adding().households, (v) => setAdding({ ...adding(), households: v }), t('wardAdmin.groups.households'))}
        </label>
        <button type="submit" class="button">{t('wardAdmin.groups.add')}</button>
      </form>
      <p role="status" class="admin-message">{message()}</p>
    </section>
  );
}
