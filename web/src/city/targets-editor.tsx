// The city admin's targets: one row for the city and one per locality, each
// a share of adults (%), a count of learners and a day. A row left empty has
// no target (a locality then follows the city's share); a row half filled is
// named before anything is sent. Rows stack at 360 px.
import { createSignal, For } from 'solid-js';
import type { CityTargets, TargetSet } from '../../../shared/city/targets.ts';
import type { CityView } from '../../../shared/city/view.ts';
import { t } from '../i18n/index.ts';

interface Row {
  coverage: string;
  learners: string;
  by: string;
}

const rowOf = (s: TargetSet | null | undefined): Row => ({ coverage: s?.coverage == null ? '' : String(Math.round(s.coverage * 1000) / 10), learners: s?.learners == null ? '' : String(s.learners), by: s?.by ?? '' });

/** A row as a target: undefined when empty, null when half filled. */
function setOf(r: Row): TargetSet | undefined | null {
  if (!r.coverage.trim() && !r.learners.trim() && !r.by) return undefined;
  if (!r.by || (!r.coverage.trim() && !r.learners.trim())) return null;
  const share = r.coverage.trim() ? Math.round(Number(r.coverage.replace(',', '.')) * 100) / 10_000 : null;
  return { coverage: share, learners: r.learners.trim() ? Number(r.learners) : null, by: r.by };
}

export function TargetsEditor(props: { view: CityView; busy: boolean; onSave: (targets: CityTargets) => void; onProblem: (text: string) => void }) {
  const scopes = () => [{ slug: '', name: t('city.targets.city') }, ...props.view.localities.map((l) => ({ slug: l.slug, name: l.name }))];
  const [rows, setRows] = createSignal<Record<string, Row>>({
    '': rowOf(props.view.targets.city),
    ...Object.fromEntries(props.view.localities.map((l) => [l.slug, rowOf(props.view.targets.localities[l.slug])])),
  });
  const rowAt = (slug: string): Row => rows()[slug] ?? rowOf(undefined);
  const edit = (slug: string, field: keyof Row, value: string) => setRows({ ...rows(), [slug]: { ...rowAt(slug), [field]: value } });

  const submit = (e: Event) => {
    e.preventDefault();
    const out: CityTargets = { city: null, localities: {} };
    for (const s of scopes()) {
      const set = setOf(rowAt(s.slug));
      if (set === null) return props.onProblem(t('city.targets.incomplete', { name: s.name }));
      if (set === undefined) continue;
      if (s.slug === '') out.city = set;
      else out.localities[s.slug] = set;
    }
    props.onSave(out);
  };

  return (
    <section aria-labelledby="city-targets" class="city-card">
      <h2 id="city-targets">{t('city.targets.title')}</h2>
      <p class="definition">{t('city.targets.hint')}</p>
      <form onSubmit={submit} data-testid="city-targets-form">
        <For each={scopes()}>
          {(s) => (
            <fieldset class="city-target-row" data-scope={s.slug}>
              <legend>{s.name}</legend>
              <label>
                <span>{t('city.targets.coverage')}</span>
                <input name="coverage" inputmode="decimal" value={rowAt(s.slug).coverage} onInput={(e) => edit(s.slug, 'coverage', e.currentTarget.value)} />
              </label>
              <label>
                <span>{t('city.targets.learners')}</span>
                <input name="learners" type="number" min="5" step="1" value={rowAt(s.slug).learners} onInput={(e) => edit(s.slug, 'learners', e.currentTarget.value)} />
              </label>
              <label>
                <span>{t('city.targets.by')}</span>
                <input name="by" type="date" value={rowAt(s.slug).by} onInput={(e) => edit(s.slug, 'by', e.currentTarget.value)} />
              </label>
            </fieldset>
          )}
        </For>
        <button type="submit" class="button" disabled={props.busy} data-testid="city-targets-save">
          {t('city.targets.save')}
        </button>
      </form>
    </section>
  );
}
