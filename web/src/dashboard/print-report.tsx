import { onMount, Show } from 'solid-js';
import type { Dashboard } from '../../../shared/stats/api.ts';
import { t } from '../i18n/index.ts';
import { date } from './format.ts';
import { Courses, Coverage, Demographics, Headline, Ranking, Trend } from './sections.tsx';

/** The ward's name without "Phường" for the place-and-date line ("Kiến An, ngày …"). */
const placeOf = (ward: string) => ward.replace(/^\s*(phường|xã|thị trấn)\s+/i, '').replace(/\s*\(.*\)\s*$/, '');

/**
 * The periodic report laid out as a Vietnamese administrative document: the
 * issuing body and the national title block side by side, title and period,
 * the tables, then place and date, recipients and the signature block. Print
 * CSS (styles/dashboard.css) sets A4 and hides everything else.
 */
export function PrintReport(props: { data: Dashboard; onClose: () => void }) {
  const today = () => new Date(props.data.meta.generatedAt);
  onMount(() => window.scrollTo(0, 0));
  return (
    <article class="print-report" data-testid="print-report">
      <div class="no-print dash-actions">
        <button type="button" class="button" onClick={() => window.print()}>
          {t('dashboard.actions.print')}
        </button>
        <button type="button" class="button secondary" onClick={() => props.onClose()}>
          {t('dashboard.actions.closeReport')}
        </button>
      </div>
      <Show when={props.data.meta.isDemo}>
        <p class="banner demo">{t('dashboard.report.demo')}</p>
      </Show>
      <header class="report-head">
        <div class="issuer">
          <p>{t('dashboard.report.issuer', { ward: props.data.meta.wardName.toLocaleUpperCase('vi') })}</p>
          <p class="strong underline">{t('dashboard.report.office')}</p>
          <p>{t('dashboard.report.number')}</p>
        </div>
        <div class="nation">
          <p class="strong">{t('dashboard.report.nation')}</p>
          <p class="strong underline">{t('dashboard.report.motto')}</p>
          <p class="italic">
            {t('dashboard.report.placeDate', { place: placeOf(props.data.meta.wardName), day: today().getDate(), month: today().getMonth() + 1, year: today().getFullYear() })}
          </p>
        </div>
      </header>
      <h1 class="report-title">{t('dashboard.report.title')}</h1>
      <p class="report-subject">{t('dashboard.report.subject')}</p>
      <p class="report-subject italic">{t('dashboard.report.period', { from: date(props.data.range.from), to: date(props.data.range.to) })}</p>
      <p class="definition">{t('dashboard.suppressedNote')}</p>
      <p class="definition">{t('dashboard.hiddenNote')}</p>
      <Headline data={props.data} />
      <Coverage data={props.data} />
      <Ranking data={props.data} />
      <Courses data={props.data} />
      <Demographics data={props.data} />
      <Trend data={props.data} />
      <footer class="report-foot">
        <div class="recipients">
          <p class="strong italic">{t('dashboard.report.recipients')}</p>
          <p class="pre">{t('dashboard.report.recipientList')}</p>
        </div>
        <div class="signature">
          <p class="strong">{t('dashboard.report.signer')}</p>
          <p class="italic">{t('dashboard.report.signHint')}</p>
        </div>
      </footer>
    </article>
  );
}
