// The report to the People's Committee on a plan, per period (month,
// quarter, six months, year): its figures and the officer's parts (JSON, for
// the print page), the parts saved, the Word file, the Excel annex, and
// issuing. The Culture-Social Office (reviewer) and admins only; a unit
// officer reads the tracker, not the report. Bad input is 400 and writes
// nothing; an issued report's text is 409; writes go to the audit log.
import { Hono } from 'hono';
import { PLAN_ID_PATTERN } from '../../shared/plans/constants.ts';
import { parseReportPeriod, planReportIssueSchema, planReportSaveSchema, reportPeriodQuerySchema, type PlanReport, type PlanReportAnswer, type PlanReportData, type PlanReportFigures, type ReportPeriod } from '../../shared/plans/report.ts';
import type { Plan } from '../../shared/plans/schema.ts';
import { requireStaff } from '../auth/staff-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { wardProfile } from '../db/schema/index.ts';
import { apiError } from '../http/errors.ts';
import { parseWith, readBody } from '../http/json-body.ts';
import { planReportAnnex } from '../plans/report-annex.ts';
import { readPlanReportData, type DifficultySource, type IndicatorSource, type MovementReader, type ReportSources } from '../plans/report-data.ts';
import { planReportDocx } from '../plans/report-docx.ts';
import { ReportIssuedError, type ReportStore } from '../plans/report-store.ts';
import type { PlanStore } from '../plans/store.ts';
import type { Units } from '../plans/units.ts';

export interface PlanReportDeps {
  plans: PlanStore;
  units: Units;
  reports: ReportStore;
  movement: MovementReader;
  /** The difficulties register (part III); its own feature provides it. */
  difficulties: DifficultySource;
  /** The movement's indicators against the plan's targets (part I). */
  indicators?: IndicatorSource;
}

/** The figures for a screen or the Word file: a year of a ward's outreach rows is megabytes, only the annex lists them. */
const withoutRows = ({ activities: _rows, ...figures }: PlanReportData): PlanReportFigures => figures;

export function planReportRoutes(ctx: AppContext, deps: PlanReportDeps) {
  const office = requireStaff(ctx, ['reviewer', 'admin']);
  const planOf = async (raw: string): Promise<Plan> => {
    const plan = PLAN_ID_PATTERN.test(raw) ? await deps.plans.get(raw) : undefined;
    if (!plan) throw apiError(404, 'not_found', 'No such plan');
    return plan;
  };
  const periodOf = (key: string): ReportPeriod => parseReportPeriod(key)!;
  /** The current month in Vietnam (UTC+7), e.g. "2026-12". */
  const thisMonth = () => new Date(ctx.now() + 7 * 3_600_000).toISOString().slice(0, 7);
  const wardName = async () => (await ctx.engine.db.select({ name: wardProfile.name }).from(wardProfile).get())?.name ?? '';
  const sources = async (): Promise<ReportSources> => ({
    engine: ctx.engine,
    units: await deps.units.list(),
    wardName: await wardName(),
    movement: deps.movement,
    difficulties: deps.difficulties,
    indicators: deps.indicators,
    now: ctx.now(),
  });
  /** The report as it stands, without the annex's rows: the figures kept at issue once issued, else read now (sums in SQL). */
  const report = async (plan: Plan, period: ReportPeriod): Promise<PlanReportAnswer> => {
    const stored = await deps.reports.read(plan.id, period);
    const data = stored.snapshot ? withoutRows(stored.snapshot) : await readPlanReportData(await sources(), plan, period);
    return { data, text: stored.text, updatedAt: stored.updatedAt, issued: stored.issued };
  };
  /** The report with every activity row of its period, for the Excel annex. */
  const withRows = async (plan: Plan, period: ReportPeriod): Promise<PlanReport> => {
    const stored = await deps.reports.read(plan.id, period);
    return { data: stored.snapshot ?? (await readPlanReportData(await sources(), plan, period, { rows: true })), text: stored.text, updatedAt: stored.updatedAt, issued: stored.issued };
  };
  const fromQuery = async <R,>(c: { req: { param: (k: 'id') => string; query: () => Record<string, string> } }, read: (plan: Plan, period: ReportPeriod) => Promise<R>): Promise<R> => {
    const plan = await planOf(c.req.param('id'));
    const { period } = parseWith(reportPeriodQuerySchema, c.req.query());
    return read(plan, periodOf(period ?? thisMonth()));
  };
  const fileName = (r: PlanReportAnswer, ext: string) => `bao-cao-ke-hoach_${r.data.period.key}.${ext}`;
  const issuedConflict = (error: unknown): never => {
    if (error instanceof ReportIssuedError) throw apiError(409, 'report_issued', error.message);
    throw error;
  };

  return new Hono<AppEnv>()
    .get('/:id/report', office, async (c) => c.json(await fromQuery(c, report)))
    .put('/:id/report/text', office, async (c) => {
      const plan = await planOf(c.req.param('id'));
      const { period: key, ...text } = await readBody(c, planReportSaveSchema);
      const period = periodOf(key);
      const me = c.get('staff');
      try {
        await deps.reports.saveText(plan.id, period, text, me.username, ctx.now());
      } catch (error) {
        issuedConflict(error);
      }
      await ctx.audit.record(me, 'plan.report_saved', { type: 'plan', id: plan.id }, { period: key });
      return c.json(await report(plan, period));
    })
    .post('/:id/report/issue', office, async (c) => {
      const plan = await planOf(c.req.param('id'));
      const { period: key, number, issuedOn } = await readBody(c, planReportIssueSchema);
      const period = periodOf(key);
      const me = c.get('staff');
      const from = await sources();
      try {
        // The figures are read inside the issuing transaction: what is kept is what the report showed when it was issued.
        await deps.reports.issue(plan.id, period, { number, issuedOn }, () => readPlanReportData(from, plan, period, { rows: true }), me.username, ctx.now());
      } catch (error) {
        issuedConflict(error);
      }
      await ctx.audit.record(me, 'plan.report_issued', { type: 'plan', id: plan.id }, { period: key, number, issuedOn });
      return c.json(await report(plan, period));
    })
    .get('/:id/report.docx', office, async (c) => {
      const r = await fromQuery(c, report);
      const file = await planReportDocx(r);
      c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      c.header('Content-Disposition', `attachment; filename="${fileName(r, 'docx')}"`);
      return c.body(new Uint8Array(file));
    })
    .get('/:id/report/annex.xlsx', office, async (c) => {
      const r = await fromQuery(c, withRows);
      c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      c.header('Content-Disposition', `attachment; filename="${fileName(r, 'xlsx').replace('bao-cao', 'phu-luc')}"`);
      return c.body(new Uint8Array(planReportAnnex(r)));
    });
}
