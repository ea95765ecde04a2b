// The figures by kind of evidence (shared/stats/figure-kinds.ts): verified,
// self-reported, confirmed outcomes and what waits for review, each with its
// one-line definition; the official figure and which kinds it counts. An
// admin chooses the kinds here.
import { createSignal, For, Show } from 'solid-js';
import type { Dashboard } from '../../../shared/stats/api.ts';
import { FIGURE_KINDS, type FigureKind } from '../../../shared/stats/figure-kinds.ts';
import { figureKindRows } from '../../../shared/stats/figure-kind-words.ts';
import { language, t } from '../i18n/index.ts';
import { num } from './format.ts';

export function KindsTable(props: { data: Dashboard; testId: string }) {
  const rows = () => figureKindRows(language() === 'en' ? 'en' : 'vi', props.data.kinds);
  return (
    <div class="table-scroll">
      <table data-testid={props.testId} class="doc-table">
        <tbody>
          <For each={rows()}>
            {([name, value, definition], i) => (
              <tr>
                <th scope="row">{name}</th>
                <td class="num" data-testid={`${props.testId}-${i()}`}>{num(value)}</td>
                <td>{definition}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

export function KindsSection(props: { data: Dashboard; canChoose: boolean; onChoose: (kinds: FigureKind[]) => Promise<void> }) {
  const [chosen, setChosen] = createSignal<FigureKind[]>([...props.data.kinds.official.kinds]);
  const [note, setNote] = createSignal('');
  const toggle = (k: FigureKind, on: boolean) => setChosen(FIGURE_KINDS.filter((x) => (x === k ? on : chosen().includes(x))));
  return (
    <section aria-labelledby="dash-kinds">
      <h2 id="dash-kinds">{t('dashboard.kinds.title')}</h2>
      <KindsTable data={props.data} testId="kinds-table" />
      <Show when={props.canChoose}>
        <form
          class="no-print"
          data-testid="kinds-choice"
          onSubmit={(e) => {
            e.preventDefault();
            if (chosen().length === 0) return void setNote(t('dashboard.kindsChoice.none'));
            void props.onChoose(chosen()).then(() => setNote(t('dashboard.kindsChoice.saved')));
          }}
        >
          <fieldset>
            <legend>{t('dashboard.kindsChoice.legend')}</legend>
            <For each={FIGURE_KINDS}>
              {(k) => (
                <label>
                  <input type="checkbox" name={k} checked={chosen().includes(k)} onChange={(e) => toggle(k, e.currentTarget.checked)} /> {t(`dashboard.kinds.name.${k}`)}
                </label>
              )}
            </For>
            <button type="submit" class="button secondary">{t('dashboard.kindsChoice.save')}</button>
          </fieldset>
          <Show when={note()}>{(n) => <p role="status">{n()}</p>}</Show>
        </form>
      </Show>
    </section>
  );
}
