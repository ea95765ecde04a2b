import { createSignal, For, onMount, Show } from 'solid-js';
import type { StaffUser } from '../../../shared/api.ts';
import { language, t } from '../i18n/index.ts';
import { dashboardApi } from './dashboard-api.ts';
import { createDashboardStore } from './dashboard-store.ts';
import { date } from './format.ts';
import { PrintReport } from './print-report.tsx';
import { AnomalyPanel } from './integrity/anomaly-panel.tsx';
import { SpotCheckPanel } from './integrity/spot-check-panel.tsx';
import { KindsSection } from './kinds-section.tsx';
import { SelfCheckSection } from './self-check-section.tsx';
import { Courses, Coverage, Demographics, Freshness, Headline, Ranking, Trend } from './sections.tsx';
import './strings.ts';
import '../styles/dashboard.css';

/** The ward dashboard for guides, reviewers and admins (exports and the printable report: reviewers and admins). */
export default function DashboardView(props: { user: StaffUser }) {
  const store = createDashboardStore();
  const [from, setFrom] = createSignal('');
  const [to, setTo] = createSignal('');
  const [group, setGroup] = createSignal('');
  const isOffice = () => props.user.role !== 'guide';
  const groupName = (d: { coverage: Array<{ groupId: string | null; name: string | null }> }) => (id: string | null) =>
    id === null ? t('integrity.noGroup') : (d.coverage.find((r) => r.groupId === id)?.name ?? id);
  const query = () => ({ from: from() || undefined, to: to() || undefined, group: group() || undefined });

  onMount(async () => {
    await store.load({});
    const r = store.data()?.range;
    if (r) {
      setFrom(r.from);
      setTo(r.to);
    }
  });

  return (
    <Show when={!store.report()} fallback={<PrintReport data={store.report()!} narrative={store.narrative() ?? undefined} onSave={store.saveNarrative} problem={store.problem()} onClose={store.clearReport} />}>
      <div class="dashboard" data-testid="dashboard">
        <h2 class="dashboard-title">{t('dashboard.title')}</h2>
        <Show when={store.data()?.meta.isDemo}>
          <p class="banner demo" role="note" data-testid="demo-banner">{t('dashboard.demo')}</p>
        </Show>
        <Show when={store.data()?.meta.isSampleProfile}>
          <p class="banner" role="note">{t('dashboard.sampleProfile')}</p>
        </Show>
        <form
          class="dash-range no-print"
          onSubmit={(e) => {
            e.preventDefault();
            void store.load(query());
          }}
        >
          <fieldset>
            <legend>{t('dashboard.range.legend')}</legend>
            <label>
              {t('dashboard.range.from')}
              <input type="date" name="from" data-testid="range-from" value={from()} onInput={(e) => setFrom(e.currentTarget.value)} />
            </label>
            <label>
              {t('dashboard.range.to')}
              <input type="date" name="to" data-testid="range-to" value={to()} onInput={(e) => setTo(e.currentTarget.value)} />
            </label>
            <label>
              {t('dashboard.range.group')}
              <select value={group()} onChange={(e) => setGroup(e.currentTarget.value)}>
                <option value="">{t('dashboard.range.allGroups')}</option>
                <For each={(store.data()?.coverage ?? []).filter((r) => r.groupId !== null)}>{(r) => <option value={r.groupId!}>{r.name}</option>}</For>
              </select>
            </label>
            <button type="submit" class="button" data-testid="range-show" disabled={store.isBusy()}>
              {t('dashboard.range.show')}
            </button>
          </fieldset>
        </form>
        <Show when={store.problem()}>
          {(p) => (
            <p class="notice" role="alert">
              {t(p().key, p().params)}
            </p>
          )}
        </Show>
        <Show when={isOffice()}>
          <div class="dash-actions no-print">
            <a class="button secondary" href={dashboardApi.exportUrl('csv', store.query(), language())} download="" data-testid="export-csv">
              {t('dashboard.actions.csv')}
            </a>
            <a class="button secondary" href={dashboardApi.exportUrl('xlsx', store.query(), language())} download="" data-testid="export-xlsx">
              {t('dashboard.actions.xlsx')}
            </a>
            <button type="button" class="button secondary" data-testid="open-report" onClick={() => void store.loadReport()}>
              {t('dashboard.actions.print')}
            </button>
            <a class="button secondary" href="/ward/plan-report" data-testid="open-plan-report">
              {t('dashboard.actions.planReport')}
            </a>
          </div>
        </Show>
        <Show when={store.data()}>
          {(d) => (
            <div aria-busy={store.isBusy()}>
              <p class="period" data-testid="dash-period">
                {t('dashboard.period', { from: date(d().range.from), to: date(d().range.to) })}
              </p>
              <p class="definition">{t('dashboard.suppressedNote')}</p>
              <p class="definition">{t('dashboard.hiddenNote')}</p>
              <Headline data={d()} />
              <KindsSection data={d()} canChoose={props.user.role === 'admin'} onChoose={store.chooseKinds} />
              <Coverage data={d()} />
              <Ranking data={d()} />
              <Courses data={d()} />
              <SelfCheckSection />
              <Demographics data={d()} />
              <Trend data={d()} />
              <Freshness data={d()} />
              <Show when={isOffice()}>
                <AnomalyPanel groupName={groupName(d())} />
                <SpotCheckPanel from={d().range.from} to={d().range.to} groupName={groupName(d())} />
              </Show>
            </div>
          )}
        </Show>
      </div>
    </Show>
  );
}
