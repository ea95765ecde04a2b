// The dashboard's state: the chosen range and group, the figures for it, and
// what went wrong. Staff only; nothing is stored on the device.
import type { FigureKind } from '../../../shared/stats/figure-kinds.ts';
import { createSignal } from 'solid-js';
import type { Dashboard } from '../../../shared/stats/api.ts';
import type { Narrative, NarrativeText } from '../../../shared/stats/narrative.ts';
import { errorMessage, type ErrorKeys, type ErrorMessage } from '../net/error-message.ts';
import { dashboardApi, type RangeQuery } from './dashboard-api.ts';

const DASHBOARD_ERRORS: ErrorKeys = {
  offline: 'dashboard.problem.offline',
  failed: 'dashboard.problem.server',
  byStatus: { 400: 'dashboard.problem.badRange', 401: 'dashboard.problem.session', 403: 'dashboard.problem.forbidden' },
  other: 'offline',
};

/** An i18n key and its {{message}}. */
export type DashboardProblem = ErrorMessage | null;

export function createDashboardStore(api = dashboardApi) {
  const [data, setData] = createSignal<Dashboard | null>(null);
  const [report, setReport] = createSignal<Dashboard | null>(null);
  const [isBusy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<DashboardProblem>(null);
  const [query, setQuery] = createSignal<RangeQuery>({});
  const [narrative, setNarrative] = createSignal<Narrative | null>(null);

  async function run<T>(work: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setProblem(null);
    try {
      return await work();
    } catch (err) {
      setProblem(errorMessage(err, DASHBOARD_ERRORS));
      return undefined;
    } finally {
      setBusy(false);
    }
  }

  return {
    data,
    report,
    isBusy,
    problem,
    query,
    load: (q: RangeQuery) =>
      run(async () => {
        setQuery(q);
        setData(await api.dashboard(q));
      }),
    /** The printable report (reviewers and admins): same figures, from the report endpoint. */
    narrative,
    loadReport: () =>
      run(async () => {
        const [r, n] = await Promise.all([api.report(query()), api.narrative(query())]);
        setNarrative(n);
        setReport(r);
      }),
    /** Saves the officer's text with the report's own period; true when the server kept it. */
    saveNarrative: async (text: NarrativeText) => {
      const r = report();
      if (!r) return false;
      const saved = await run(() => api.saveNarrative(r.range, text));
      if (saved) setNarrative(saved);
      return saved !== undefined;
    },
    clearReport: () => setReport(null),
    /** An admin's choice of the kinds the official figures count; the view is read again so every figure follows. */
    chooseKinds: async (kinds: FigureKind[]) => {
      await run(async () => {
        await api.saveOfficialKinds(kinds);
        setData(await api.dashboard(query()));
      });
    },
  };
}
export type DashboardStore = ReturnType<typeof createDashboardStore>;
