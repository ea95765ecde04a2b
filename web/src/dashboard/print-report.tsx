import { createSignal, onMount, Show, type JSX } from 'solid-js';
import type { Dashboard } from '../../../shared/stats/api.ts';
import { language, t } from '../i18n/index.ts';
import type { ErrorMessage } from '../net/error-message.ts';
import { dashboardApi } from './dashboard-api.ts';
import { date } from './format.ts';
import { docDateParts, placeOf } from './report/doc-date.ts';
import { DocFoot, DocHead } from './report/doc-frame.tsx';
import { NarrativePartView, type NarrativePart, type NarrativeText } from './report/narrative.tsx';
import { KindsTable } from './kinds-section.tsx';
import { countedLabel } from '../../../shared/stats/figure-kind-words.ts';
import { CoursesTable, CoverageTable, DemographicsTable, HeadlineTable, TrendTable } from './report/report-tables.tsx';

const EMPTY: NarrativeText = { situation: '', results: '', shortcomings: '', proposals: '' };

/**
 * The periodic report as a Vietnamese administrative document (Decree
 * 30/2020): issuing body and national title side by side, title and period,
 * the narrative in four parts with the figures as tables under "results", the
 * notes on hidden counts, then recipients and the signature block, which
 * prints together with the closing lines. Print CSS (styles/dashboard.css)
 * sets A4 and hides the rest of the page.
 */
export function PrintReport(props: {
  data: Dashboard;
  onClose: () => void;
  narrative?: NarrativeText;
  onSave: (n: NarrativeText) => Promise<boolean>;
  problem: ErrorMessage | null;
}) {
  const initial = props.narrative;
  const [text, setText] = createSignal<NarrativeText>(initial ? pick(initial) : EMPTY);
  const [saved, setSaved] = createSignal(true);
  const edit = (part: NarrativePart, v: string) => {
    setText({ ...text(), [part]: v });
    setSaved(false);
  };
  const save = async () => setSaved(await props.onSave(text()));
  const when = () => docDateParts(new Date(props.data.meta.generatedAt));
  const part = (p: NarrativePart, n: number, extra?: JSX.Element) => (
    <section class="doc-part">
      <h2 class="doc-h2">{t(`dashboard.report.parts.${p}`, { n: ROMAN[n] })}</h2>
      <NarrativePartView part={p} value={text()[p]} onInput={(v) => edit(p, v)} />
      {extra}
    </section>
  );
  onMount(() => window.scrollTo(0, 0));
  return (
    <article class="print-report" data-testid="print-report">
      <div class="no-print dash-actions">
        <button type="button" class="button" onClick={() => window.print()}>
          {t('dashboard.actions.print')}
        </button>
        <button type="button" class="button secondary" data-testid="narrative-save" onClick={() => void save()}>
          {t('dashboard.report.save')}
        </button>
        <a class="button secondary" href={dashboardApi.docxUrl(props.data.range)} download="" data-testid="report-docx">
          {t('dashboard.report.word')}
        </a>
        <button type="button" class="button secondary" onClick={() => props.onClose()}>
          {t('dashboard.actions.closeReport')}
        </button>
        <p role="status" data-testid="narrative-status">
          {saved() ? t('dashboard.report.saved') : t('dashboard.report.unsaved')}
        </p>
      </div>
      <Show when={props.problem}>
        {(p) => (
          <p class="notice no-print" role="alert">
            {t(p().key, p().params)}
          </p>
        )}
      </Show>
      <Show when={props.data.meta.isDemo}>
        <p class="banner demo">{t('dashboard.report.demo')}</p>
      </Show>
      <DocHead
        superior={t('dashboard.report.issuer', { ward: props.data.meta.wardName.toLocaleUpperCase('vi') })}
        issuer={[t('dashboard.report.office')]}
        number={t('dashboard.report.number')}
        placeDate={t('dashboard.report.placeDate', { place: placeOf(props.data.meta.wardName), ...when() })}
      />
      <h1 class="report-title">{t('dashboard.report.title')}</h1>
      <p class="report-subject strong">{t('dashboard.report.subject')}</p>
      <p class="report-subject italic">{t('dashboard.report.period', { from: date(props.data.range.from), to: date(props.data.range.to) })}</p>
      <hr class="doc-rule short" />
      {part('situation', 0)}
      {part(
        'results',
        1,
        <>
          <h3 class="doc-h3">{t('dashboard.report.tables.headline')}</h3>
          <HeadlineTable data={props.data} />
          <h3 class="doc-h3">{countedLabel(language(), t('dashboard.report.tables.coverage'), props.data.coverageCounted)}</h3>
          <CoverageTable data={props.data} />
          <h3 class="doc-h3">{t('dashboard.report.tables.courses')}</h3>
          <CoursesTable data={props.data} />
          <h3 class="doc-h3">{t('dashboard.report.tables.demographics')}</h3>
          <DemographicsTable data={props.data} />
          <h3 class="doc-h3">{t('dashboard.report.tables.trend')}</h3>
          <TrendTable data={props.data} />
          <h3 class="doc-h3">{t('dashboard.report.tables.kinds')}</h3>
          <KindsTable data={props.data} testId="report-kinds" />
        </>,
      )}
      {part('shortcomings', 2)}
      {part('proposals', 3)}
      <div class="doc-end" data-testid="report-end">
        <p class="doc-body">{t('dashboard.report.closing', { ward: props.data.meta.wardName })}</p>
        <div class="doc-notes" data-testid="report-notes">
          <p class="strong italic">{t('dashboard.report.notes')}</p>
          <p>{t('dashboard.suppressedNote')}</p>
          <p>{t('dashboard.hiddenNote')}</p>
        </div>
        <DocFoot recipients={t('dashboard.report.recipientList')} signer={[t('dashboard.report.signer')]} signHint={t('dashboard.report.signHint')} />
      </div>
    </article>
  );
}

const ROMAN = ['I', 'II', 'III', 'IV'];
const pick = (n: NarrativeText): NarrativeText => ({ situation: n.situation, results: n.results, shortcomings: n.shortcomings, proposals: n.proposals });
