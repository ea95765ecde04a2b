import { For, Show } from 'solid-js';
import { AGE_BANDS, GENDER_KEYS, type Dashboard, type RankingRow } from '../../../shared/stats/api.ts';
import { language, t } from '../i18n/index.ts';
import { BarChart } from './bar-chart.tsx';
import { countedLabel, headlineLabel } from '../../../shared/stats/figure-kind-words.ts';
import { date, dateTime, num, pct, points } from './format.ts';
import { skillName } from '../learn/skill-name.ts';

type D = { data: Dashboard };
const groupName = (name: string | null) => name ?? t('dashboard.coverage.unassigned');
const skillOrDash = (s: string | null) => (s ? skillName(s) : '—');

export function Headline(props: D) {
  const h = () => props.data.headline;
  const card = (key: string, value: number, testId: string, label = t(`dashboard.headline.${key}`)) => (
    <div>
      <dt>{label}</dt>
      <dd data-testid={testId}>{num(value)}</dd>
    </div>
  );
  return (
    <section aria-labelledby="dash-headline">
      <h2 id="dash-headline">{t('dashboard.headline.title')}</h2>
      <dl class="totals">
        {card('learners', h().learners, 'stat-learners')}
        {card('newLearners', h().newLearners, 'stat-new-learners')}
        {card('active7', h().active7, 'stat-active7')}
        {card('active30', h().active30, 'stat-active30')}
        {card('lessonsCompleted', h().lessonsCompleted, 'stat-completions', headlineLabel(language(), 'lessonsCompleted', t('dashboard.headline.lessonsCompleted'), h()))}
        {card('coursesCompleted', h().coursesCompleted, 'stat-courses')}
        {card('certificates', h().certificates, 'stat-certificates')}
        {card('outcomesConfirmed', h().outcomesConfirmed, 'stat-outcomes', headlineLabel(language(), 'outcomesConfirmed', t('dashboard.headline.outcomesConfirmed'), h()))}
        {card('sessionsHeld', h().sessionsHeld, 'stat-sessions')}
        <div>
          <dt>{t('dashboard.headline.selfVsAssisted')}</dt>
          <dd class="small">
            {t('dashboard.headline.selfVsAssistedValue', { self: num(h().selfLearners), assisted: num(h().assistedLearners), selfLessons: num(h().selfCompletions), assistedLessons: num(h().assistedCompletions) })}
          </dd>
        </div>
      </dl>
    </section>
  );
}

export function Coverage(props: D) {
  const rows = () => props.data.coverage;
  return (
    <section aria-labelledby="dash-coverage">
      <h2 id="dash-coverage">{countedLabel(language(), t('dashboard.coverage.title'), props.data.coverageCounted)}</h2>
      <p class="definition">{t('dashboard.coverage.definition')}</p>
      <div class="table-scroll">
        <table data-testid="coverage-table">
          <thead>
            <tr>
              <th scope="col">{t('dashboard.coverage.group')}</th>
              <th scope="col" class="num">{t('dashboard.coverage.adults')}</th>
              <th scope="col" class="num">{t('dashboard.coverage.reached')}</th>
              <th scope="col" class="num">{t('dashboard.coverage.completed')}</th>
              <th scope="col" class="num">{t('dashboard.coverage.householdsFiveSkills')}</th>
              <th scope="col" class="num">{t('dashboard.coverage.thisMonth')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={rows()}>
              {(r) => (
                <tr>
                  <th scope="row">
                    {groupName(r.name)}
                    <Show when={r.figuresAreSample}> <small>({t('dashboard.coverage.sample')})</small></Show>
                  </th>
                  <td class="num">{num(r.adultPopulation)}</td>
                  <td class="num">{num(r.reached)} <small>{pct(r.reachedShare)}</small></td>
                  <td class="num">{num(r.completed)} <small>{pct(r.completedShare)}</small></td>
                  <td class="num">
                    {num(r.householdsFiveSkills)} / {num(r.households)} <small>{pct(r.householdShare)}</small>
                  </td>
                  <td class="num">{num(r.completedThisMonth)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <BarChart
        caption={t('dashboard.coverage.chart')}
        series={[{ label: t('dashboard.coverage.reachedShare') }, { label: t('dashboard.coverage.completedShare') }]}
        rows={rows()
          .filter((r) => r.groupId !== null)
          .map((r) => ({ label: groupName(r.name), values: [share100(r.reachedShare), share100(r.completedShare)] }))}
      />
    </section>
  );
}

const share100 = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 10);

/** A ranking: shares and growth in points with their unit in the column head; a group of fewer than five people is said in words, not mixed in as "<5". */
function RankTable(props: { caption: string; valueLabel: string; rows: RankingRow[]; testId: string }) {
  return (
    <div class="table-scroll">
      <table data-testid={props.testId}>
        <caption>{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col" class="num">{t('dashboard.ranking.rank')}</th>
            <th scope="col">{t('dashboard.coverage.group')}</th>
            <th scope="col" class="num">{props.valueLabel}</th>
          </tr>
        </thead>
        <tbody>
          <For each={props.rows}>
            {(r) => (
              <tr>
                <td class="num">{r.rank}</td>
                <th scope="row">{r.name}</th>
                <td class="num">{r.value === null ? <small>{t('dashboard.ranking.fewPeople')}</small> : points(r.value)}</td>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  );
}

export function Ranking(props: D) {
  return (
    <section aria-labelledby="dash-ranking">
      <h2 id="dash-ranking">{countedLabel(language(), t('dashboard.ranking.title'), props.data.ranking.counted)}</h2>
      <div class="two-col">
        <RankTable caption={t('dashboard.ranking.byCoverage')} valueLabel={t('dashboard.ranking.share')} rows={props.data.ranking.byCoverage} testId="ranking-coverage" />
        <RankTable caption={t('dashboard.ranking.byGrowth', { from: date(props.data.range.monthFrom) })} valueLabel={t('dashboard.ranking.points')} rows={props.data.ranking.byGrowth} testId="ranking-growth" />
      </div>
    </section>
  );
}

export function Courses(props: D) {
  const title = (c: Dashboard['courses'][number]) => c.title?.[language()] ?? c.courseId;
  return (
    <section aria-labelledby="dash-courses">
      <h2 id="dash-courses">{t('dashboard.courses.title')}</h2>
      <BarChart
        caption={t('dashboard.courses.chart')}
        series={[{ label: t('dashboard.courses.starts') }, { label: t('dashboard.courses.completions') }]}
        rows={props.data.courses.map((c) => ({ label: title(c), values: [c.starts, c.completions] }))}
      />
      <p class="definition">{t('dashboard.courses.rateNote')}</p>
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.courses.course')}</th>
              <th scope="col">{t('dashboard.courses.skill')}</th>
              <th scope="col" class="num">{t('dashboard.courses.rate')}</th>
              <th scope="col" class="num">{t('dashboard.courses.lessons')}</th>
              <th scope="col" class="num">{t('dashboard.courses.score')}</th>
            </tr>
          </thead>
          <tbody>
            <For each={props.data.courses}>
              {(c) => (
                <tr>
                  <th scope="row">{title(c)}</th>
                  <td>{skillOrDash(c.skill)}</td>
                  <td class="num">{pct(c.completionRate)}</td>
                  <td class="num">{num(c.lessonCompletions)}</td>
                  <td class="num">{num(c.averageScore)}</td>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
      <BarChart
        caption={t('dashboard.courses.skill')}
        series={[{ label: t('dashboard.courses.starts') }, { label: t('dashboard.courses.completions') }]}
        rows={props.data.skills.map((s) => ({ label: skillOrDash(s.skill), values: [s.starts, s.completions] }))}
      />
    </section>
  );
}

export function Demographics(props: D) {
  const band = (b: string) => t(`dashboard.demographics.bands.${b}`);
  return (
    <section aria-labelledby="dash-demo">
      <h2 id="dash-demo">{t('dashboard.demographics.title')}</h2>
      <p class="small">{props.data.demographicsAsOf ? t('dashboard.demographics.asOf', { date: props.data.demographicsAsOf }) : t('dashboard.demographics.none')}</p>
      <BarChart
        caption={t('dashboard.demographics.chart')}
        series={(['female', 'male', 'unknown'] as const).map((g) => ({ label: t(`dashboard.demographics.genders.${g}`) }))}
        rows={props.data.demographics.map((d) => ({ label: band(d.band), values: [d.reached.female, d.reached.male, d.reached.unknown] }))}
      />
      <div class="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.demographics.band')}</th>
              <For each={[...GENDER_KEYS, 'total' as const]}>
                {(g) => <th scope="col" class="num">{`${t('dashboard.demographics.completed')}: ${t(`dashboard.demographics.genders.${g}`)}`}</th>}
              </For>
            </tr>
          </thead>
          <tbody>
            <For each={AGE_BANDS.map((b) => props.data.demographics.find((d) => d.band === b)!)}>
              {(d) => (
                <tr>
                  <th scope="row">{band(d.band)}</th>
                  <For each={[...GENDER_KEYS, 'total' as const]}>{(g) => <td class="num">{num(d.completed[g])}</td>}</For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function Trend(props: D) {
  return (
    <section aria-labelledby="dash-trend">
      <h2 id="dash-trend">{t('dashboard.trend.title')}</h2>
      <BarChart
        caption={t('dashboard.trend.chart')}
        testId="trend-chart"
        series={[{ label: t('dashboard.trend.lessons') }, { label: t('dashboard.trend.courses') }, { label: t('dashboard.trend.newLearners') }]}
        rows={props.data.trend.map((w) => ({ label: date(w.week), values: [w.lessonCompletions, w.courseCompletions, w.newLearners] }))}
      />
    </section>
  );
}

export function Freshness(props: D) {
  const f = () => props.data.freshness;
  return (
    <section aria-labelledby="dash-fresh">
      <h2 id="dash-fresh">{t('dashboard.freshness.title')}</h2>
      <p>{t('dashboard.freshness.devices', { d1: num(f().devices.within1Day), d7: num(f().devices.within7Days), d30: num(f().devices.within30Days), older: num(f().devices.older) })}</p>
      <Show when={f().guides.length > 0} fallback={<p>{t('dashboard.freshness.noGuides')}</p>}>
        <div class="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('dashboard.freshness.guide')}</th>
                <th scope="col">{t('dashboard.freshness.team')}</th>
                <th scope="col">{t('dashboard.freshness.lastSync')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={f().guides}>
                {(g) => (
                  <tr>
                    <th scope="row">{g.guide}</th>
                    <td>{g.team ? t(`dashboard.freshness.teams.${g.team}`) : '—'}</td>
                    <td>{g.lastSyncAt ? dateTime(g.lastSyncAt) : t('dashboard.freshness.never')}</td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        </div>
      </Show>
    </section>
  );
}
