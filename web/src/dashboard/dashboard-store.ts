// The dashboard's state: the chosen range and group, the figures for it, and
// what went wrong. Staff only; nothing is stored on the device.
import { createSignal } from 'solid-js';
import type { Dashboard } from '../../../shared/stats/api.ts';
import { HttpError } from '../net/api.ts';
import { dashboardApi, type RangeQuery } from './dashboard-api.ts';

export type DashboardProblem = { kind: 'badRange' | 'forbidden' | 'offline' | 'server' | 'session'; message?: string } | null;

export function createDashboardStore(api = dashboardApi) {
  const [data, setData] = createSignal<Dashboard | null>(null);
  const [report, setReport] = createSignal<Dashboard | null>(null);
  const [isBusy, setBusy] = createSignal(false);
  const [problem, setProblem] = createSignal<DashboardProblem>(null);
  const [query, setQuery] = createSignal<RangeQuery>({});

  async function run<T>(work: () => Promise<T>): Promise<T | undefined> {
    setBusy(true);
    setProblem(null);
    try {
      return await work();
    } catch (err) {
      if (err instanceof HttpError) {
        if (err.status === 400) setProblem({ kind: 'badRange', message: err.message });
        else if (err.status === 401) setProblem({ kind: 'session' });
        else if (err.status === 403) setProblem({ kind: 'forbidden' });
        else setProblem({ kind: 'server' });
      } else setProblem({ kind: 'offline' });
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
    loadReport: () => run(async () => setReport(await api.report(query()))),
    clearReport: () => setReport(null),
  };
}
export type DashboardStore = ReturnType<typeof createDashboardStore>;
