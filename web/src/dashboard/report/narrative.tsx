import { For, Show } from 'solid-js';
import { t } from '../../i18n/index.ts';

import { NARRATIVE_MAX, type NarrativeText } from '../../../../shared/stats/narrative.ts';

export const NARRATIVE_PARTS = ['situation', 'results', 'shortcomings', 'proposals'] as const;
export type NarrativePart = keyof NarrativeText;
export type { NarrativeText };

/**
 * One part of the report's narrative: a text box on screen, paragraphs on
 * paper. Left empty, the paper keeps dotted lines to write on by hand.
 */
export function NarrativePartView(props: { part: NarrativePart; value: string; onInput: (v: string) => void }) {
  const paragraphs = () => props.value.split(/\n+/).map((p) => p.trim()).filter(Boolean);
  return (
    <>
      <label class="no-print narrative-edit">
        <span>{t(`dashboard.report.narrativeHint.${props.part}`)}</span>
        <textarea rows={4} maxLength={NARRATIVE_MAX} data-testid={`narrative-${props.part}`} value={props.value} onInput={(e) => props.onInput(e.currentTarget.value)} />
      </label>
      <div class="print-only">
        <Show when={paragraphs().length > 0} fallback={<p class="doc-blank">{'.'.repeat(120)}</p>}>
          <For each={paragraphs()}>{(p) => <p class="doc-body">{p}</p>}</For>
        </Show>
      </div>
    </>
  );
}
