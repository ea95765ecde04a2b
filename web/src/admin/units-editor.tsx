// Admin: the units that carry a plan's duties (the sample four and any the
// ward adds). Rename a unit in place or add one; there is no delete, since
// officers, duties and activities keep pointing at a unit. Every change is
// one request the server answers at once (POST/PUT /units, audited).
import { createSignal, For, Show } from 'solid-js';
import type { Unit } from '../../../shared/plans/schema.ts';
import { t } from '../i18n/index.ts';
import { errorText, type ErrorKeys } from '../net/error-message.ts';
import { plansApi } from './plans-api.ts';
import './strings.ts';

const UNIT_ERRORS: ErrorKeys = { offline: 'wardAdmin.offline', failed: 'wardAdmin.error', byCode: { conflict: 'plans.units.exists' }, other: 'offline' };

export function UnitsEditor(props: { units: Unit[]; onChanged: () => Promise<void> | void }) {
  const [note, setNote] = createSignal('');
  const [problem, setProblem] = createSignal('');
  const run = async (work: () => Promise<unknown>, done: string) => {
    setNote('');
    setProblem('');
    try {
      await work();
      await props.onChanged();
      setNote(done);
      return true;
    } catch (err) {
      setProblem(errorText(err, UNIT_ERRORS));
      return false;
    }
  };

  return (
    <section class="admin-card units-editor" data-testid="units-editor">
      <h2>{t('plans.units.title')}</h2>
      <p>{t('plans.units.help')}</p>
      <ul class="unit-rows">
        <For each={props.units}>
          {(u) => <UnitRow unit={u} onSave={(name, shortName) => run(() => plansApi.renameUnit(u.id, { name, shortName }), t('plans.units.renamed', { shortName }))} />}
        </For>
      </ul>
      <NewUnitForm onAdd={(name, shortName) => run(() => plansApi.addUnit({ name, shortName }), t('plans.units.added', { shortName }))} />
      <Show when={problem()}>
        <p class="notice" role="alert">{problem()}</p>
      </Show>
      <p role="status" class="admin-message">{note()}</p>
    </section>
  );
}

function UnitRow(props: { unit: Unit; onSave: (name: string, shortName: string) => Promise<boolean> }) {
  const [name, setName] = createSignal(props.unit.name);
  const [shortName, setShortName] = createSignal(props.unit.shortName);
  const changed = () => name().trim() !== props.unit.name || shortName().trim() !== props.unit.shortName;
  return (
    <li data-testid="unit-row" data-unit={props.unit.id}>
      <form class="unit-fields" onSubmit={(e) => (e.preventDefault(), void props.onSave(name().trim(), shortName().trim()))}>
        <UnitNameFields name={name} setName={setName} shortName={shortName} setShortName={setShortName} />
        <Show when={props.unit.isSample}>
          <span class="badge">{t('plans.sample')}</span>
        </Show>
        <button type="submit" class="button secondary" disabled={!changed()} aria-label={t('plans.units.saveLabel', { shortName: props.unit.shortName })}>
          {t('plans.units.save')}
        </button>
      </form>
    </li>
  );
}

function NewUnitForm(props: { onAdd: (name: string, shortName: string) => Promise<boolean> }) {
  const [name, setName] = createSignal('');
  const [shortName, setShortName] = createSignal('');
  return (
    <form
      class="unit-fields new-unit"
      data-testid="new-unit-form"
      onSubmit={async (e) => {
        e.preventDefault();
        if (await props.onAdd(name().trim(), shortName().trim())) {
          setName('');
          setShortName('');
        }
      }}
    >
      <h3>{t('plans.units.addTitle')}</h3>
      <UnitNameFields name={name} setName={setName} shortName={shortName} setShortName={setShortName} />
      <button type="submit" class="button">{t('plans.units.add')}</button>
    </form>
  );
}

/** A unit's short name and full name, as the rename and the add forms ask for them. */
function UnitNameFields(props: { name: () => string; setName: (v: string) => void; shortName: () => string; setShortName: (v: string) => void }) {
  return (
    <>
      <label>
        {t('plans.units.shortName')}
        <input name="shortName" required maxLength={30} value={props.shortName()} onInput={(e) => props.setShortName(e.currentTarget.value)} />
      </label>
      <label>
        {t('plans.units.name')}
        <input name="name" required maxLength={200} value={props.name()} onInput={(e) => props.setName(e.currentTarget.value)} />
      </label>
    </>
  );
}
