import { For } from 'solid-js';
import { AGE_BANDS, GENDER_KEYS, type Dashboard } from '../../../../shared/stats/api.ts';
import { language, t } from '../../i18n/index.ts';
import { date, num, pct } from '../format.ts';
import { headlineLabel } from '../../../../shared/stats/figure-kind-words.ts';

// The report's figures as administrative tables (black, bordered, no shading):
// the same numbers as the dashboard's sections, without charts, since a chart
// beside a table that says the same only adds pages.
type D = { data: Dashboard };
const HEADLINE_KEYS = ['learners', 'newLearners', 'active7', 'active30', 'selfLearners', 'assistedLearners', 'lessonsCompleted', 'coursesCompleted', 'certificates', 'outcomesConfirmed', 'sessionsHeld'] as const;

export function HeadlineTable(props: D) {
  return (
    <table class="doc-table" data-testid="report-headline">
      <thead>
        <tr>
          <th scope="col" class="stt">{t('dashboard.report.stt')}</th>
          <th scope="col">{t('dashboard.report.indicator')}</th>
          <th scope="col" class="num nowrap">{t('dashboard.report.figure')}</th>
        </tr>
      </thead>
      <tbody>
        <For each={HEADLINE_KEYS}>
          {(k, i) => (
            <tr>
              <td class="stt">{i() + 1}</td>
              <td>{headlineLabel(language(), k, t(`dashboard.report.headline.${k}`), props.data.headline)}</td>
              <td class="num" data-testid={`report-${k}`}>{num(props.data.headline[k])}</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}

export function CoverageTable(props: D) {
  const name = (n: string | null) => n ?? t('dashboard.coverage.unassigned');
  return (
    <table class="doc-table" data-testid="report-coverage">
      <thead>
        <tr>
          <th scope="col" class="stt">{t('dashboard.report.stt')}</th>
          <th scope="col">{t('dashboard.coverage.group')}</th>
          <th scope="col" class="num">{t('dashboard.coverage.adults')}</th>
          <th scope="col" class="num">{t('dashboard.coverage.reached')}</th>
          <th scope="col" class="num">{t('dashboard.coverage.completed')}</th>
          <th scope="col" class="num">{t('dashboard.coverage.thisMonth')}</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.data.coverage}>
          {(r, i) => (
            <tr>
              <td class="stt">{i() + 1}</td>
              <td class="name">{name(r.name)}</td>
              <td class="num">{num(r.adultPopulation)}</td>
              <td class="num">{num(r.reached)} ({pct(r.reachedShare)})</td>
              <td class="num">{num(r.completed)} ({pct(r.completedShare)})</td>
              <td class="num">{num(r.completedThisMonth)}</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}

export function CoursesTable(props: D) {
  const title = (c: Dashboard['courses'][number]) => c.title?.[language()] ?? c.courseId;
  return (
    <table class="doc-table" data-testid="report-courses">
      <thead>
        <tr>
          <th scope="col" class="stt">{t('dashboard.report.stt')}</th>
          <th scope="col">{t('dashboard.courses.course')}</th>
          <th scope="col" class="num">{t('dashboard.courses.starts')}</th>
          <th scope="col" class="num">{t('dashboard.courses.completions')}</th>
          <th scope="col" class="num">{t('dashboard.courses.rate')}</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.data.courses}>
          {(c, i) => (
            <tr>
              <td class="stt">{i() + 1}</td>
              <td class="name">{title(c)}</td>
              <td class="num">{num(c.starts)}</td>
              <td class="num">{num(c.completions)}</td>
              <td class="num">{pct(c.completionRate)}</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}

export function DemographicsTable(props: D) {
  const cols = [...GENDER_KEYS, 'total' as const];
  return (
    <table class="doc-table" data-testid="report-demographics">
      <thead>
        <tr>
          <th scope="col">{t('dashboard.demographics.band')}</th>
          <For each={cols}>{(g) => <th scope="col" class="num">{t(`dashboard.demographics.genders.${g}`)}</th>}</For>
        </tr>
      </thead>
      <tbody>
        <For each={AGE_BANDS.map((b) => props.data.demographics.find((d) => d.band === b)!)}>
          {(d) => (
            <tr>
              <td>{t(`dashboard.demographics.bands.${d.band}`)}</td>
              <For each={cols}>{(g) => <td class="num">{num(d.reached[g])}</td>}</For>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}

export function TrendTable(props: D) {
  return (
    <table class="doc-table" data-testid="report-trend">
      <thead>
        <tr>
          <th scope="col">{t('dashboard.trend.week')}</th>
          <th scope="col" class="num">{t('dashboard.trend.lessons')}</th>
          <th scope="col" class="num">{t('dashboard.trend.courses')}</th>
          <th scope="col" class="num">{t('dashboard.trend.newLearners')}</th>
        </tr>
      </thead>
      <tbody>
        <For each={props.data.trend}>
          {(w) => (
            <tr>
              <td>{date(w.week)}</td>
              <td class="num">{num(w.lessonCompletions)}</td>
              <td class="num">{num(w.courseCompletions)}</td>
              <td class="num">{num(w.newLearners)}</td>
            </tr>
          )}
        </For>
      </tbody>
    </table>
  );
}
