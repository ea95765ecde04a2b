// The ward's plans: every office role and unit officers read them (the
// officer's phone needs the forms and content items to record against);
// only admins create, edit and import. Editing the shipped sample makes it
// the ward's own. Bad input is 400, a plan naming an unknown unit 422, and a
// refused request writes nothing.
import { Hono } from 'hono';
import { planImportSchema, planInputSchema } from '../../shared/plans/schema.ts';
import { PLAN_ID_PATTERN } from '../../shared/plans/constants.ts';
import { requireStaff } from '../auth/staff-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { apiError, formatZodError } from '../http/errors.ts';
import { parseWith, readBody, readJson } from '../http/json-body.ts';
import { planIssuesOf, type PlanIssue } from '../../shared/plans/refusal.ts';
import { PlanFileErrors, readPlanFile } from '../plans/import.ts';
import { UnknownUnitError, type PlanStore } from '../plans/store.ts';
import type { Units } from '../plans/units.ts';
import { createTracker, MAX_PERIOD_DAYS, periodOf } from '../units/tracker.ts';
import { dayFromIso } from '../../shared/stats/days.ts';
import { vietnamToday } from '../../shared/plans/periods.ts';
import { trackerQuerySchema } from '../../shared/units/api.ts';

export function planRoutes(ctx: AppContext, store: PlanStore, units: Units) {
  const admin = requireStaff(ctx, ['admin']);
  const readers = requireStaff(ctx, ['reviewer', 'admin', 'unit']);
  const tracker = createTracker(ctx.engine);
  const planOf = async (raw: string) => {
    const plan = PLAN_ID_PATTERN.test(raw) ? await store.get(raw) : undefined;
    if (!plan) throw apiError(404, 'not_found', 'No such plan');
    return plan;
  };
  // A refused plan names each problem part by part (shared/plans/refusal.ts), for the editor to say in its words.
  const unknownUnit = (error: unknown) => {
    if (error instanceof UnknownUnitError) {
      const issues: PlanIssue[] = error.issues.map((i) => ({ path: i.path, problem: 'noUnit', value: i.unitId }));
      throw apiError(422, 'unknown_unit', error.message, {}, { issues });
    }
    throw error;
  };
  const readPlan = async (c: Parameters<typeof readJson>[0]) => {
    const parsed = planInputSchema.safeParse(await readJson(c));
    if (!parsed.success) throw apiError(400, 'invalid_request', formatZodError(parsed.error), {}, { issues: planIssuesOf(parsed.error) });
    return parsed.data;
  };

  return new Hono<AppEnv>()
    .get('/', readers, async (c) => c.json({ plans: await store.list() }))
    .get('/:id', readers, async (c) => c.json(await planOf(c.req.param('id'))))
    // The office sees every unit; a unit officer only their own unit's row and tasks. Deadlines are judged on today's Vietnam day.
    .get('/:id/tracker', readers, async (c) => {
      const plan = await planOf(c.req.param('id'));
      const span = parseWith(trackerQuerySchema, c.req.query());
      if (span.from && span.to && span.from > span.to) throw apiError(400, 'invalid_request', 'from must not be after to');
      const me = c.get('staff');
      const own = me.role === 'unit' ? await units.unitOf(me.id) : undefined;
      if (me.role === 'unit' && !own) throw apiError(403, 'no_unit', 'Your account is not bound to a unit; ask an admin');
      const all = await units.list();
      const shown = own ? all.filter((u) => u.id === own) : all;
      const today = vietnamToday(ctx.now());
      // Deadlines are counted window by window: a span of centuries would be millions of them.
      const period = periodOf(plan, span, today);
      if (dayFromIso(period.to) - dayFromIso(period.from) + 1 > MAX_PERIOD_DAYS) throw apiError(400, 'invalid_request', 'The period may be at most five years');
      return c.json(await tracker(plan, shown, span, today, own !== undefined));
    })
    .post('/', admin, async (c) => {
      const input = await readPlan(c);
      let plan;
      try {
        plan = await store.create(input);
      } catch (error) {
        return unknownUnit(error);
      }
      await ctx.audit.record(c.get('staff'), 'plan.created', { type: 'plan', id: plan.id }, { numberSymbol: plan.numberSymbol });
      return c.json(plan, 201);
    })
    .put('/:id', admin, async (c) => {
      const id = (await planOf(c.req.param('id'))).id;
      const input = await readPlan(c);
      let plan;
      try {
        plan = await store.replace(id, input);
      } catch (error) {
        return unknownUnit(error);
      }
      if (!plan) throw apiError(404, 'not_found', 'No such plan');
      await ctx.audit.record(c.get('staff'), 'plan.updated', { type: 'plan', id }, { numberSymbol: plan.numberSymbol });
      return c.json(plan);
    })
    // A YAML file: every problem with its line, or the plan added (or replacing one).
    .post('/import', admin, async (c) => {
      const { fileName, text, dryRun, replaces } = await readBody(c, planImportSchema);
      if (replaces !== undefined) await planOf(replaces);
      let input;
      try {
        input = await readPlanFile(store, fileName, text);
      } catch (error) {
        if (error instanceof PlanFileErrors) return c.json({ error: { code: 'invalid_plan_file', message: error.message, errors: error.errors } }, 422);
        throw error;
      }
      if (dryRun) return c.json({ dryRun: true, plan: null });
      const plan = replaces ? (await store.replace(replaces, input))! : await store.create(input);
      await ctx.audit.record(c.get('staff'), 'plan.imported', { type: 'plan', id: plan.id }, { file: fileName, replaced: replaces !== undefined });
      return c.json({ dryRun: false, plan }, replaces ? 200 : 201);
    });
}
