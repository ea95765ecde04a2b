// The movement's indicators on a plan: target against actual for a period
// (per residential group and for the ward), and the targets the ward sets.
// The Culture-Social Office (reviewer) and admins only. Bad input is 400, a
// target for a residential group the ward profile lacks 422; a refused
// request writes nothing; a save goes to the audit log.
import { Hono } from 'hono';
import { indicatorTargetsSchema } from '../../shared/indicators/api.ts';
import { PLAN_ID_PATTERN } from '../../shared/plans/constants.ts';
import { parseReportPeriod, reportPeriodQuerySchema } from '../../shared/plans/report.ts';
import type { Plan } from '../../shared/plans/schema.ts';
import { requireStaff } from '../auth/staff-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { residentialGroups } from '../db/schema/index.ts';
import { apiError } from '../http/errors.ts';
import { parseWith, readBody } from '../http/json-body.ts';
import type { IndicatorReader } from '../indicators/report.ts';
import type { IndicatorTargetStore } from '../indicators/targets.ts';
import type { PlanStore } from '../plans/store.ts';

export function indicatorRoutes(ctx: AppContext, plans: PlanStore, targets: IndicatorTargetStore, read: IndicatorReader) {
  const office = requireStaff(ctx, ['reviewer', 'admin']);
  const planOf = async (raw: string): Promise<Plan> => {
    const plan = PLAN_ID_PATTERN.test(raw) ? await plans.get(raw) : undefined;
    if (!plan) throw apiError(404, 'not_found', 'No such plan');
    return plan;
  };
  /** The current year in Vietnam (UTC+7): targets are mostly yearly. */
  const thisYear = () => new Date(ctx.now() + 7 * 3_600_000).toISOString().slice(0, 4);

  return new Hono<AppEnv>()
    .get('/:id/indicators', office, async (c) => {
      const plan = await planOf(c.req.param('id'));
      const { period: key } = parseWith(reportPeriodQuerySchema, c.req.query());
      const p = parseReportPeriod(key ?? thisYear())!;
      return c.json(await read({ id: plan.id, numberSymbol: plan.numberSymbol, title: plan.title }, { key: p.key, from: p.from, to: p.to }, await targets.read(plan.id), ctx.now()));
    })
    .put('/:id/indicators/targets', office, async (c) => {
      const plan = await planOf(c.req.param('id'));
      const input = await readBody(c, indicatorTargetsSchema);
      const known = new Set((await ctx.engine.db.select({ id: residentialGroups.id }).from(residentialGroups)).map((g) => g.id));
      const unknown = Object.keys(input.groups).filter((g) => !known.has(g));
      if (unknown.length) throw apiError(422, 'unknown_group', `No residential group ${unknown.slice(0, 3).join(', ')} in the ward profile`);
      // Groups with no target are not kept.
      const groups = Object.fromEntries(Object.entries(input.groups).filter(([, t]) => Object.keys(t).length > 0));
      const me = c.get('staff');
      await targets.save(plan.id, { ...input, groups }, me.username, ctx.now());
      await ctx.audit.record(me, 'plan.indicator_targets_saved', { type: 'plan', id: plan.id }, { rule: input.basicSkillsRule, ward: Object.keys(input.ward).length, groups: Object.keys(groups).length });
      const saved = await targets.read(plan.id);
      return c.json({ targets: saved.targets, targetsUpdated: saved.updated! });
    });
}
