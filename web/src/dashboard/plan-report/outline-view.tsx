import { For, Match, Switch } from 'solid-js';
import type { Block } from '../../../../shared/plans/report-outline.ts';

/** The report's outline on the page: the same blocks the Word file lays out, in the document's print styles. */
export function OutlineView(props: { blocks: Block[] }) {
  return (
    <For each={props.blocks}>
      {(b) => (
        <Switch>
          <Match when={b.kind === 'heading' && b}>{(h) => (/^[IVX]+\. /.test(h().text) ? <h2 class="doc-h2">{h().text}</h2> : <h3 class="doc-h3">{h().text}</h3>)}</Match>
          <Match when={b.kind === 'para' && b}>{(p) => <p class={p().italic ? 'doc-body italic' : 'doc-body'}>{p().text}</p>}</Match>
          <Match when={b.kind === 'blank'}>
            <p class="doc-blank">{'.'.repeat(120)}</p>
          </Match>
          <Match when={b.kind === 'table' && b}>
            {(tb) => (
              <table class="doc-table" data-testid={tb().testId}>
                <thead>
                  <tr>
                    <For each={tb().header}>{(h) => <th scope="col">{h}</th>}</For>
                  </tr>
                </thead>
                <tbody>
                  <For each={tb().rows}>
                    {(row) => (
                      <tr>
                        <For each={row}>{(cell, i) => <td class={i() < tb().textColumns ? (i() === 0 ? 'stt' : 'name') : 'num'}>{cell}</td>}</For>
                      </tr>
                    )}
                  </For>
                </tbody>
              </table>
            )}
          </Match>
        </Switch>
      )}
    </For>
  );
}
