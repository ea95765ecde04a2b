import { formatLearnerCode } from '../../../../shared/guide/learner-code.ts';
import { createSignal, For, Show } from 'solid-js';
import { renderSVG } from 'uqr';
import { t } from '../../i18n/index.ts';
import { householdLink } from '../../scan/scan-targets.ts';
import type { Candidate, HouseholdRow } from '../household-view.ts';

const STATUS_MARK = { covered: '✓', notCovered: '✗', unsynced: '…' } as const;

export const candidateName = (c: Pick<Candidate, 'name' | 'learnerId'>) => c.name ?? t('guide.session.selfLearner', { id: formatLearnerCode(c.learnerId) });

/** One household: its status in words (not colour alone), who was linked from
 * this phone, the QR a resident scans to join, and linking a learner. */
export function HouseholdCard(props: { row: HouseholdRow; candidates: Candidate[]; onLink: (learnerId: string) => Promise<void> }) {
  const [chosen, setChosen] = createSignal('');
  const [busy, setBusy] = createSignal(false);
  const link = () => householdLink(location.origin, { householdId: props.row.id, label: props.row.label });
  const nameOf = (id: string) => candidateName(props.candidates.find((c) => c.learnerId === id) ?? { learnerId: id, name: null });
  const choice = () => chosen() || props.candidates[0]?.learnerId || '';

  return (
    <li class="household" data-testid="household" data-label={props.row.label} data-status={props.row.status}>
      <p class="household-head">
        <strong>{props.row.label}</strong>
        <span class={`household-status ${props.row.status}`} data-testid="household-status">
          <span aria-hidden="true">{STATUS_MARK[props.row.status]} </span>
          {t(`guide.households.status.${props.row.status}`)}
        </span>
      </p>
      <p class="muted" data-testid="household-members">{t('guide.households.members', { count: props.row.members })}</p>
      <Show when={props.row.linkedHere.length > 0}>
        <p class="muted">{t('guide.households.linkedHere', { names: props.row.linkedHere.map(nameOf).join(', ') })}</p>
      </Show>
      <details class="household-qr">
        <summary>{t('guide.households.showQr')}</summary>
        {/* Made on the phone from our own id and the label the guide typed: uqr escapes nothing, but the SVG holds only modules. */}
        <div class="qr" role="img" aria-label={t('guide.households.qrLabel', { label: props.row.label })} innerHTML={renderSVG(link())} data-testid="household-qr" />
        <p class="muted">{t('guide.households.qrHint')}</p>
        <p class="household-link"><code data-testid="household-link-text">{link()}</code></p>
      </details>
      <Show when={props.candidates.length > 0} fallback={<p class="muted">{t('guide.households.noCandidates')}</p>}>
        <form
          class="guide-inline"
          onSubmit={async (e) => {
            e.preventDefault();
            if (!choice()) return;
            setBusy(true);
            try {
              await props.onLink(choice());
            } finally {
              setBusy(false);
            }
          }}
        >
          <label>
            {t('guide.households.learner')}
            <select name="learner" value={choice()} onChange={(e) => setChosen(e.currentTarget.value)} data-testid="household-learner">
              <For each={props.candidates}>
                {(c) => (
                  <option value={c.learnerId}>
                    {candidateName(c)} · {t(`guide.households.kind.${c.kind}`)}
                  </option>
                )}
              </For>
            </select>
          </label>
          <button type="submit" class="button secondary" disabled={busy()} data-testid="household-link-learner">{t('guide.households.link')}</button>
        </form>
      </Show>
    </li>
  );
}
