import { useSearchParams } from '@solidjs/router';
import { createEffect, createMemo, createSignal, For, on, Show } from 'solid-js';
import { lines, planReportOutline, planReportSubject } from '../../../../shared/plans/report-outline.ts';
import { PLAN_REPORT_TEXT_MAX, REPORT_PERIOD_KINDS, type PlanReportAnswer as PlanReport, type PlanReportText } from '../../../../shared/plans/report.ts';
import type { PlanSummary } from '../../../../shared/plans/schema.ts';
import { t } from '../../i18n/index.ts';
import { staffRequest } from '../../net/http.ts';
import { errorText, type ErrorKeys } from '../../net/error-message.ts';
import { DocFoot, DocHead } from '../report/doc-frame.tsx';
import { docDateParts, placeOf } from '../report/doc-date.ts';
import { OutlineView } from './outline-view.tsx';
import { INDEX_COUNT, periodChoice, periodKey, type PeriodChoice } from './period.ts';
import { planReportApi } from './plan-report-api.ts';
import '../strings.ts';
import './strings.ts';
import '../../styles/dashboard.css';
import '../../styles/plan-report.css';

const ERRORS: ErrorKeys = {
  offline: 'planReport.errors.offline',
  failed: 'planReport.errors.failed',
  byCode: { report_issued: 'planReport.errors.issued' },
  byStatus: { 401: 'planReport.errors.login', 403: 'planReport.errors.forbidden' },
};
const EDITABLE = ['strengths', 'shortcomings', 'directions', 'proposals', 'recipients', 'signer'] as const;

/**
 * The report to the People's Committee on a plan for a period, as a Decree
 * 30/2020 document on A4 (print CSS of styles/dashboard.css): the office picks
 * the plan and period, edits its parts (proposed sentences one click away),
 * saves, prints, downloads Word and the Excel annex, and issues it.
 */
export default function PlanReportPage() {
  const [search, setSearch] = useSearchParams<{ plan?: string; period?: string }>();
  const [plans, setPlans] = createSignal<PlanSummary[]>([]);
  const [choice, setChoice] = createSignal<PeriodChoice>(periodChoice(search.period, new Date()));
  const [report, setReport] = createSignal<PlanReport | null>(null);
  const [text, setText] = createSignal<PlanReportText | null>(null);
  const [saved, setSaved] = createSignal(true);
  const [problem, setProblem] = createSignal('');
  const [issueNumber, setIssueNumber] = createSignal('');
  const [issueDay, setIssueDay] = createSignal('');
  const planId = () => search.plan ?? plans()[0]?.id;
  // A memo: picking the period already shown (a year field's change on blur) must not reload it and drop unsaved edits.
  const period = createMemo(() => periodKey(choice()));

  const fail = (err: unknown) => setProblem(errorText(err, ERRORS));
  // Only the latest load's answer lands: the office may pick another period
  // before the last one's answer is back, and answers may come back out of order.
  let loads = 0;
  const load = async () => {
    const mine = ++loads;
    setProblem('');
    try {
      if (plans().length === 0) setPlans((await staffRequest<{ plans: PlanSummary[] }>('/api/v1/plans')).plans);
      const id = planId();
      if (!id) return;
      const r = await planReportApi.read(id, period());
      if (mine !== loads) return;
      setReport(r);
      setText(r.text);
      setSaved(true);
    } catch (err) {
      if (mine === loads) fail(err);
    }
  };
  createEffect(on([() => search.plan, period], () => void load()));

  const edit = (part: keyof PlanReportText, v: string) => {
    setText({ ...text()!, [part]: v });
    setSaved(false);
  };
  const save = async () => {
    try {
      const r = await planReportApi.save(planId()!, period(), text()!);
      setReport(r);
      setSaved(true);
    } catch (err) {
      fail(err);
    }
  };
  const issue = async () => {
    try {
      if (!saved()) await save();
      setReport(await planReportApi.issue(planId()!, period(), issueNumber().trim(), issueDay()));
    } catch (err) {
      fail(err);
    }
  };
  const pick = (next: Partial<PeriodChoice>) => {
    const c = { ...choice(), ...next };
    c.index = Math.min(c.index, INDEX_COUNT[c.kind]);
    setChoice(c);
    setSearch({ period: periodKey(c) });
  };
  const outline = () => planReportOutline(report()!.data, text() ?? report()!.text);
  const placeDate = (r: PlanReport) => {
    const day = r.issued ? new Date(`${r.issued.issuedOn}T00:00:00`) : new Date();
    return t('dashboard.report.placeDate', { place: placeOf(r.data.wardName) || '……', ...docDateParts(day) });
  };

  return (
    <div class="plan-report-page">
      <h1 class="no-print">{t('planReport.title')}</h1>
      <div class="no-print plan-report-controls">
        <label>
          <span>{t('planReport.plan')}</span>
          <select data-testid="plan-report-plan" value={planId() ?? ''} onChange={(e) => setSearch({ plan: e.currentTarget.value })}>
            <For each={plans()}>{(p) => <option value={p.id}>{`${p.numberSymbol} — ${p.title}`}</option>}</For>
          </select>
        </label>
        <label>
          <span>{t('planReport.kind')}</span>
          <select data-testid="plan-report-kind" value={choice().kind} onChange={(e) => pick({ kind: e.currentTarget.value as PeriodChoice['kind'] })}>
            <For each={REPORT_PERIOD_KINDS}>{(k) => <option value={k}>{t(`planReport.kinds.${k}`)}</option>}</For>
          </select>
        </label>
        <Show when={choice().kind !== 'year'}>
          <label>
            <span>{t(`planReport.index.${choice().kind}`)}</span>
            <select data-testid="plan-report-index" value={String(choice().index)} onChange={(e) => pick({ index: Number(e.currentTarget.value) })}>
              <For each={Array.from({ length: INDEX_COUNT[choice().kind] }, (_, i) => i + 1)}>{(i) => <option value={String(i)}>{String(i)}</option>}</For>
            </select>
          </label>
        </Show>
        <label>
          <span>{t('planReport.year')}</span>
          <input type="number" min="2000" max="2100" data-testid="plan-report-year" value={choice().year} onChange={(e) => pick({ year: Number(e.currentTarget.value) || choice().year })} />
        </label>
      </div>
      <Show when={problem()}>
        <p class="notice no-print" role="alert" data-testid="plan-report-problem">
          {problem()} <Show when={report() === null}><a href="/ward">{t('planReport.toWard')}</a></Show>
        </p>
      </Show>
      <Show when={report()}>
        {(r) => (
          <>
            <div class="no-print dash-actions">
              <button type="button" class="button" onClick={() => window.print()}>
                {t('planReport.print')}
              </button>
              <a class="button secondary" href={planReportApi.docxUrl(planId()!, period())} download="" data-testid="plan-report-docx">
                {t('planReport.word')}
              </a>
              <a class="button secondary" href={planReportApi.annexUrl(planId()!, period())} download="" data-testid="plan-report-annex">
                {t('planReport.annex')}
              </a>
            </div>
            <Show
              when={r().issued}
              fallback={
                <section class="no-print plan-report-edit">
                  <For each={EDITABLE}>
                    {(part) => (
                      <label class="narrative-edit">
                        <span>{t(`planReport.parts.${part}`)}</span>
                        <textarea rows={part === 'recipients' || part === 'signer' ? 3 : 4} maxLength={PLAN_REPORT_TEXT_MAX} data-testid={`plan-report-${part}`} value={text()?.[part] ?? ''} onInput={(e) => edit(part, e.currentTarget.value)} />
                        <Show when={(part === 'strengths' || part === 'shortcomings') && r().data.proposed[part].length > 0}>
                          <button type="button" class="button secondary" data-testid={`plan-report-propose-${part}`} onClick={() => edit(part, r().data.proposed[part as 'strengths'].join('\n'))}>
                            {t('planReport.useProposed')}
                          </button>
                        </Show>
                      </label>
                    )}
                  </For>
                  <button type="button" class="button" data-testid="plan-report-save" onClick={() => void save()}>
                    {t('planReport.save')}
                  </button>
                  <p role="status" data-testid="plan-report-status">{saved() ? t('planReport.saved') : t('planReport.unsaved')}</p>
                  <fieldset class="plan-report-issue">
                    <legend>{t('planReport.issueTitle')}</legend>
                    <p>{t('planReport.issueHint')}</p>
                    <label>
                      <span>{t('planReport.number')}</span>
                      <input data-testid="plan-report-number" value={issueNumber()} placeholder="12/BC-UBND" onInput={(e) => setIssueNumber(e.currentTarget.value)} />
                    </label>
                    <label>
                      <span>{t('planReport.issuedOn')}</span>
                      <input type="date" data-testid="plan-report-issued-on" value={issueDay()} onInput={(e) => setIssueDay(e.currentTarget.value)} />
                    </label>
                    <button type="button" class="button" data-testid="plan-report-issue" disabled={!issueNumber().trim() || !issueDay()} onClick={() => void issue()}>
                      {t('planReport.issue')}
                    </button>
                  </fieldset>
                </section>
              }
            >
              {(i) => (
                <p class="notice no-print" role="status" data-testid="plan-report-issued">
                  {t('planReport.issued', { number: i().number, day: i().issuedOn.split('-').reverse().join('/') })}
                </p>
              )}
            </Show>
            <article class="print-report" data-testid="plan-report">
              <DocHead issuer={['ỦY BAN NHÂN DÂN', r().data.wardName.toLocaleUpperCase('vi')]} number={r().issued ? `Số: ${r().issued!.number}` : 'Số:        /BC-UBND'} placeDate={placeDate(r())} />
              <h1 class="report-title">BÁO CÁO</h1>
              <For each={planReportSubject(r().data)}>{(s) => <p class="report-subject strong">{s}</p>}</For>
              <hr class="doc-rule short" />
              <OutlineView blocks={outline().slice(0, -1)} />
              {/* The closing sentence prints on the signature's page. */}
              <div class="doc-end">
                <OutlineView blocks={outline().slice(-1)} />
                <DocFoot recipients={text()?.recipients ?? r().text.recipients} signer={lines(text()?.signer ?? r().text.signer)} />
              </div>
            </article>
          </>
        )}
      </Show>
    </div>
  );
}
