// Target against actual, per residential group and for the ward: the
// indicators page's answer and the report's part I table come from here.
// Counts of residents follow the "<5" rule in the group cells (and, as a
// breakdown of a ward figure that is shown, the hidden-cell rule too); the
// ward's own cell is the whole ward's figure, shown as the report's part I.4
// shows the movement's. Whether a target is met is judged on the true figure
// but not said when the figure is hidden.
import { eq } from 'drizzle-orm';
import { INDICATORS, type IndicatorDefinition } from '../../shared/indicators/definitions.ts';
import type { IndicatorCell, IndicatorReport, IndicatorTargetSet, Target } from '../../shared/indicators/api.ts';
import type { Count } from '../../shared/stats/api.ts';
import type { Engine } from '../db/engine/engine.ts';
import { residentialGroups, wardFigureSettings } from '../db/schema/index.ts';
import { GROUP_FIGURES, GROUPS_IN_WARD_ORDER } from '../ward/profile.ts';
import { protect } from '../stats/suppress.ts';
import { countedOf } from '../stats/coverage.ts';
import { officialKindsOf } from '../stats/figure-kinds.ts';
import { learnerKindsOf } from '../stats/learner-kinds.ts';
import { createIndicatorActuals, type Tally } from './actuals.ts';
import type { StoredTargets } from './targets.ts';

type Group = IndicatorReport['groups'][number];

/** The figure a percentage target is a share of, for one group or the ward. */
function baseOf(d: IndicatorDefinition, groups: readonly Group[], one?: Group): number | null {
  const of = (g: Group) => (d.base === 'adults' ? g.adultPopulation : d.base === 'households' ? g.households : d.base === 'groups' ? 1 : null);
  if (d.base === null) return null;
  if (one) return of(one);
  const parts = groups.map(of);
  // The ward's base is known only when every group's is.
  return parts.length > 0 && parts.every((p) => p !== null) ? parts.reduce<number>((a, p) => a + p!, 0) : null;
}

export function cellOf(target: Target | undefined, actual: number, shown: Count, base: number | null): IndicatorCell {
  const visible = typeof shown === 'number';
  const share = visible && base ? Math.round((actual / base) * 10_000) / 10_000 : null;
  let met: boolean | null = null;
  if (target && visible) met = target.unit === 'count' ? actual >= target.value : share !== null ? share * 100 >= target.value : null;
  return { target: target ?? null, actual: shown, base, share, met };
}

export function createIndicatorReport(engine: Engine) {
  const actuals = createIndicatorActuals(engine);
  /** The kinds the ward chose for its official figures (server/stats/figure-kinds.ts). */
  const official = async () => officialKindsOf((await engine.db.select({ kinds: wardFigureSettings.officialKinds }).from(wardFigureSettings).where(eq(wardFigureSettings.id, 1)).get())?.kinds);

  return async (plan: IndicatorReport['plan'], period: IndicatorReport['period'], stored: StoredTargets, now: number): Promise<IndicatorReport> => {
    const groups = await engine.db.select(GROUP_FIGURES).from(residentialGroups).orderBy(...GROUPS_IN_WARD_ORDER);
    const list: Group[] = groups.map((g) => ({ id: g.id, name: g.name, adultPopulation: g.adultPopulation, households: g.households }));
    const ids = list.map((g) => g.id);
    // The indicators of residents' learning count the kinds the ward chose for its official figures.
    const learners = learnerKindsOf((await official()).kinds);
    const figures = await actuals({ from: period.from, to: period.to, basicSkillsRule: stored.targets.basicSkillsRule, learners }, ids);
    const t: IndicatorTargetSet = stored.targets;
    const rows = INDICATORS.map((d) => {
      const tally: Tally = figures[d.id];
      const raw = list.map((g) => tally.byGroup.get(g.id) ?? 0);
      // The ward figure minus the groups' is the rest (no group given): a hidden cell must not be worked out from it.
      const rest = [...tally.byGroup.entries()].filter(([k]) => k === null || !ids.includes(k)).reduce((a, [, n]) => a + n, 0);
      const shown: Count[] = d.residents ? protect([...raw, rest]).slice(0, raw.length) : raw;
      return {
        id: d.id,
        ward: cellOf(t.ward[d.id], tally.ward, tally.ward, baseOf(d, list)),
        groups: list.map((g, i) => cellOf(t.groups[g.id]?.[d.id], raw[i], shown[i], baseOf(d, list, g))),
      };
    });
    return { plan, period, targets: t, targetsUpdated: stored.updated, groups: list, rows, counted: countedOf(learners), generatedAt: new Date(now).toISOString() };
  };
}
export type IndicatorReader = ReturnType<typeof createIndicatorReport>;

/** The report's part I source: the ward's cells of the indicators for a plan and period. */
export function wardIndicators(read: IndicatorReader, targets: { read: (planId: string) => Promise<StoredTargets> }, now: () => number) {
  return async (plan: { id: string; numberSymbol: string; title: string }, period: { key: string; from: string; to: string }) => {
    const r = await read({ id: plan.id, numberSymbol: plan.numberSymbol, title: plan.title }, { key: period.key, from: period.from, to: period.to }, await targets.read(plan.id), now());
    return { basicSkillsRule: r.targets.basicSkillsRule, rows: r.rows.map((x) => ({ id: x.id, ...x.ward })) };
  };
}
