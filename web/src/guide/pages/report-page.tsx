import { createResource, createSignal, For, Show } from 'solid-js';
import type { TeamReport } from '../../../../shared/guide/api.ts';
import { t } from '../../i18n/index.ts';
import { guideApi } from '../guide-api.ts';
import { GuideShell } from '../guide-shell.tsx';
import { useGuide } from '../guide-store.ts';
import { fetchOrCached } from '../cached-fetch.ts';

const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
const COLS = ['sessions', 'attendees', 'selfCompletions', 'assistedCompletions', 'outcomes'] as const;
const HEAD = { sessions: 'sessions', attendees: 'attendees', selfCompletions: 'self', assistedCompletions: 'assisted', outcomes: 'outcomes' } as const;

/** Team report for a date range (Vietnam days), per guide and per team, with CSV export. */
export default function ReportPage() {
  const guide = useGuide();
  const [from, setFrom] = createSignal(today());
  const [to, setTo] = createSignal(today());
  const [range, setRange] = createSignal({ from: today(), to: today() });
  // Offline, the last report fetched for the same range is shown with its date.
  const [fetched] = createResource(range, (r) => fetchOrCached<TeamReport>(guide, `report:${r.from}:${r.to}`, () => guideApi.report(r.from || undefined, r.to || undefined)));
  const label = (c: (typeof COLS)[number]) => t(`guide.reportPage.${HEAD[c]}`);
  const head = () => COLS.map((c) => <th scope="col">{label(c)}</th>);
  const team = (code: string) => t(`guide.team.${code}`);

  return (
    <GuideShell title={t('guide.reportPage.title')} back>
      <form class="guide-inline" onSubmit={(e) => { e.preventDefault(); setRange({ from: from(), to: to() }); }}>
        <label>{t('guide.reportPage.from')}<input type="date" name="from" value={from()} onInput={(e) => setFrom(e.currentTarget.value)} /></label>
        <label>{t('guide.reportPage.to')}<input type="date" name="to" value={to()} onInput={(e) => setTo(e.currentTarget.value)} /></label>
        <button type="submit" class="button" data-testid="report-show">{t('guide.reportPage.show')}</button>
        <a class="button secondary" href={guideApi.reportCsvUrl(range().from, range().to)} download="team-report.csv">{t('guide.reportPage.csv')}</a>
      </form>
      <Show when={fetched.latest}>
        <Show when={fetched.latest?.value} fallback={<p class="notice" role="status">{t('guide.reportPage.offline')}</p>}>
          {(r) => (
            <>
              <Show when={fetched.latest && !fetched.latest.isFresh}>
                <p class="muted" data-testid="report-cached">{t('guide.households.cached', { time: new Date(fetched.latest!.at!).toLocaleString() })}</p>
              </Show>
              <h2>{t('guide.reportPage.perGuide')}</h2>
              {/* On a phone each row is a card (stack-table): seven columns never fit 360 px in Vietnamese. */}
              <div class="table-wrap">
                <table class="stack-table" data-testid="report-guides">
                  <thead><tr><th scope="col">{t('guide.reportPage.guide')}</th><th scope="col">{t('guide.reportPage.teamCol')}</th>{head()}</tr></thead>
                  <tbody>
                    <For each={r().guides}>
                      {(g) => (
                        <tr data-guide={g.displayName}>
                          <th scope="row">{g.displayName}</th>
                          <td data-label={t('guide.reportPage.teamCol')} data-col="team">{team(g.team)}</td>
                          <For each={COLS}>{(c) => <td data-label={label(c)} data-col={c}>{g[c]}</td>}</For>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
              <h2>{t('guide.reportPage.perTeam')}</h2>
              <div class="table-wrap">
                <table class="stack-table" data-testid="report-teams">
                  <thead><tr><th scope="col">{t('guide.reportPage.teamCol')}</th>{head()}</tr></thead>
                  <tbody>
                    <For each={r().teams}>
                      {(tm) => (
                        <tr data-team={tm.team}>
                          <th scope="row">{team(tm.team)}</th>
                          <For each={COLS}>{(c) => <td data-label={label(c)} data-col={c}>{tm[c]}</td>}</For>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </div>
            </>
          )}
        </Show>
      </Show>
    </GuideShell>
  );
}
