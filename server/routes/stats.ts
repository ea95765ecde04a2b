// Ward statistics. Guides, reviewers and admins read the same aggregates
// (small counts already suppressed, no names of residents); exports and the
// printable report are for reviewers and admins. Learner credentials and
// anonymous callers get 401, other roles 403.
import { Hono } from 'hono';
import { z } from 'zod';
import { statsQuerySchema } from '../../shared/api.ts';
import { dashboardQuerySchema } from '../../shared/stats/api.ts';
import { officialKindsSaveSchema } from '../../shared/stats/schemas.ts';
import { FIGURE_KINDS } from '../../shared/stats/figure-kinds.ts';
import { requireStaff } from '../auth/staff-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { parseWith, readBody } from '../http/json-body.ts';
import { narrativeSaveSchema } from '../../shared/stats/narrative.ts';
import { createNarratives } from '../stats/narrative.ts';
import { reportDocx } from '../stats/report-docx.ts';
import { createDashboard, type DashboardCatalog } from '../stats/dashboard.ts';
import { tablesToCsv, tablesToXlsx } from '../stats/export-files.ts';
import { dashboardTables } from '../stats/tables.ts';
import { createStatsQueries } from '../stats/summary.ts';
import { createSelfCheckSummary } from '../self-check/summary.ts';

const exportQuerySchema = dashboardQuerySchema.extend({ lang: z.enum(['vi', 'en']).default('vi') });

export function statsRoutes(ctx: AppContext, catalog: DashboardCatalog) {
  const summarize = createStatsQueries(ctx.db);
  const dashboard = createDashboard(ctx.db, catalog, ctx.now);
  const readers = requireStaff(ctx, ['guide', 'reviewer', 'admin']);
  const office = requireStaff(ctx, ['reviewer', 'admin']);
  const admin = requireStaff(ctx, ['admin']);
  const query = (raw: Record<string, string>) => parseWith(dashboardQuerySchema, raw);
  const narratives = createNarratives(ctx.db);
  const selfCheck = createSelfCheckSummary(ctx.db);
  const fileName = (from: string, to: string, ext: string) => `bao-cao-hoc-vu-so_${from}_${to}.${ext}`;

  return new Hono<AppEnv>()
    .get('/summary', readers, (c) => {
      const { from, to } = parseWith(statsQuerySchema, c.req.query());
      if (from && to && from > to) throw apiError(400, 'invalid_request', 'from must not be after to');
      return c.json(summarize(from, to));
    })
    .get('/dashboard', readers, (c) => c.json(dashboard.all(query(c.req.query()))))
    .get('/headline', readers, (c) => c.json(dashboard.headline(query(c.req.query()))))
    .get('/coverage', readers, (c) => c.json(dashboard.coverage(query(c.req.query()))))
    .get('/ranking', readers, (c) => c.json(dashboard.ranking(query(c.req.query()))))
    .get('/courses', readers, (c) => c.json(dashboard.courses(query(c.req.query()))))
    .get('/demographics', readers, (c) => c.json(dashboard.demographics(query(c.req.query()))))
    .get('/trend', readers, (c) => c.json(dashboard.trend(query(c.req.query()))))
    // Which kinds of figure the ward's official figures use (admin); the dashboard shows the choice.
    .put('/official-kinds', admin, async (c) => {
      const { kinds } = await readBody(c, officialKindsSaveSchema);
      dashboard.saveOfficialKinds(kinds, c.get('staff').username, ctx.now());
      await ctx.audit.record(c.get('staff'), 'stats.official_kinds_set', { type: 'ward' }, { kinds: kinds.join(',') });
      return c.json({ kinds: FIGURE_KINDS.filter((k) => kinds.includes(k)) });
    })
    // The skills self-check, first against latest attempts, aggregates only (server/self-check).
    .get('/self-check', readers, (c) => {
      parseWith(z.strictObject({}), c.req.query());
      return c.json(selfCheck());
    })
    .get('/freshness', readers, (c) => {
      parseWith(z.strictObject({}), c.req.query());
      return c.json(dashboard.freshness());
    })
    // The printable report: the same figures, fetched by the report view.
    .get('/report', office, (c) => c.json(dashboard.all(query(c.req.query()))))
    // The officer's text of the report for a period, saved with it (reviewer, admin).
    .get('/report/narrative', office, (c) => c.json(narratives.read(dashboard.range(query(c.req.query())).range)))
    .put('/report/narrative', office, async (c) => {
      const { from, to, group, ...text } = await readBody(c, narrativeSaveSchema);
      const r = dashboard.range({ from, to, group }).range;
      const staff = c.get('staff');
      const saved = narratives.save(r, text, staff.username, ctx.now());
      // The report's own words are part of what the office signs: who changed them, for which period.
      await ctx.audit.record(staff, 'report.narrative_saved', { type: 'report', id: `${r.from}..${r.to}` }, { groupId: r.group ?? null });
      return c.json(saved);
    })
    // The same report as a Word file, to edit and sign in the office.
    .get('/report.docx', office, async (c) => {
      const d = dashboard.all(query(c.req.query()));
      const file = await reportDocx(d, narratives.read(d.range));
      c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      c.header('Content-Disposition', `attachment; filename="${fileName(d.range.from, d.range.to, 'docx')}"`);
      return c.body(new Uint8Array(file));
    })
    .get('/export.csv', office, (c) => {
      const { lang, ...q } = parseWith(exportQuerySchema, c.req.query());
      const d = dashboard.all(q);
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="${fileName(d.range.from, d.range.to, 'csv')}"`);
      return c.body(tablesToCsv(dashboardTables(d, lang)));
    })
    .get('/export.xlsx', office, async (c) => {
      const { lang, ...q } = parseWith(exportQuerySchema, c.req.query());
      const d = dashboard.all(q);
      const file = await tablesToXlsx(dashboardTables(d, lang), { title: `${d.meta.wardName} ${d.range.from} – ${d.range.to}`, creator: d.meta.wardName });
      c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      c.header('Content-Disposition', `attachment; filename="${fileName(d.range.from, d.range.to, 'xlsx')}"`);
      return c.body(new Uint8Array(file));
    });
}
