import { createSignal, For, Show } from 'solid-js';
import type { Plan, PlanSummary, Unit } from '../../../shared/plans/schema.ts';
import { t } from '../i18n/index.ts';
import { AdminNav } from './admin-nav.tsx';
import { AdminLoadNotice, createAdminLoad } from './admin-load.tsx';
import { PlanEditor } from './plan-editor.tsx';
import { PlanImport } from './plan-import.tsx';
import { plansApi } from './plans-api.ts';
import { UnitsEditor } from './units-editor.tsx';
import './strings.ts';
import '../styles/ward-admin.css';
import '../styles/plans-admin.css';

/** Admin: the ward's plans (several at once) — pick one to edit, add one, or import one from YAML; and the units that carry their duties. */
export default function PlansPage() {
  const [plans, setPlans] = createSignal<PlanSummary[]>([]);
  const [units, setUnits] = createSignal<Unit[]>([]);
  // undefined: nothing open; null: a new plan; a plan: editing it.
  const [open, setOpen] = createSignal<Plan | null | undefined>(undefined);
  const [note, setNote] = createSignal('');

  const reload = async () => {
    const [p, u] = await Promise.all([plansApi.list(), plansApi.units()]);
    setPlans(p);
    setUnits(u);
  };
  const state = createAdminLoad(reload);
  const edit = async (id: string) => {
    setNote('');
    setOpen(undefined);
    setOpen(await plansApi.get(id));
  };
  const saved = async (p: Plan) => {
    await reload();
    setOpen(undefined);
    setOpen(p);
    setNote(t('plans.saved'));
  };

  return (
    <div class="ward-admin plans-page">
      <AdminNav />
      <h1>{t('plans.title')}</h1>
      <p>{t('plans.intro')}</p>
      <AdminLoadNotice state={state()} offline={t('wardAdmin.offline')} />
      <Show when={state() === 'ready'}>
        <section class="admin-card" data-testid="plan-list">
          <h2>{t('plans.listTitle')}</h2>
          <ul class="plan-list">
            <For each={plans()}>
              {(p) => (
                <li>
                  <strong>{p.numberSymbol}</strong> {p.title}
                  <Show when={p.isSample}> <span class="badge">{t('plans.sample')}</span></Show>{' '}
                  <button type="button" class="button secondary" aria-label={t('plans.editLabel', { numberSymbol: p.numberSymbol })} onClick={() => void edit(p.id)}>
                    {t('plans.edit')}
                  </button>
                </li>
              )}
            </For>
          </ul>
          <button type="button" class="button" onClick={() => (setNote(''), setOpen(undefined), setOpen(null))}>{t('plans.add')}</button>
        </section>
        <p role="status" class="admin-message">{note()}</p>
        <Show when={open()?.isSample}>
          <p class="banner" role="note">{t('plans.sampleNote')}</p>
        </Show>
        <Show when={open() !== undefined}>
          {/* Keyed by the open plan, so switching plans starts a fresh form. */}
          <For each={[open()]}>{(p) => <PlanEditor plan={p ?? null} units={units()} onSaved={(x) => void saved(x)} />}</For>
        </Show>
        <PlanImport onImported={(p) => void saved(p)} />
        <UnitsEditor units={units()} onChanged={reload} />
      </Show>
    </div>
  );
}
