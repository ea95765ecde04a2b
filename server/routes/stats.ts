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
  const summarize = createStatsQueries(ctx.engine);
  const dashboard = createDashboard(ctx.engine, catalog, ctx.now);
  const readers = requireStaff(ctx, ['guide', 'reviewer', 'admin']);
  const office = requireStaff(ctx, ['reviewer', 'admin']);
  const admin = requireStaff(ctx, ['admin']);
  const query = (raw: Record<string, string>) => parseWith(dashboardQuerySchema, raw);
  const narratives = createNarratives(ctx.engine);
  const selfCheck = createSelfCheckSummary(ctx.engine);
  const fileName = (from: string, to: string, ext: string) => `bao-cao-hoc-vu-so_${from}_${to}.${ext}`;

  return new Hono<AppEnv>()
    .get('/summary', readers, async (c) => {
      const { from, to } = parseWith(statsQuerySchema, c.req.query());
      if (from && to && from > to) throw apiError(400, 'invalid_request', 'from must not be after to');
      return c.json(await summarize(from, to));
    })
    .get('/dashboard', readers, async (c) => c.json(await dashboard.all(query(c.req.query()))))
    .get('/headline', readers, async (c) => c.json(await dashboard.headline(query(c.req.query()))))
    .get('/coverage', readers, async (c) => c.json(await dashboard.coverage(query(c.req.query()))))
    .get('/ranking', readers, async (c) => c.json(await dashboard.ranking(query(c.req.query()))))
    .get('/courses', readers, async (c) => c.json(await dashboard.courses(query(c.req.query()))))
    .get('/demographics', readers, async (c) => c.json(await dashboard.demographics(query(c.req.query()))))
    .get('/trend', readers, async (c) => c.json(await dashboard.trend(query(c.req.query()))))
    // Which kinds of figure the ward's official figures use (admin); the dashboard shows the choice.
    .put('/official-kinds', admin, async (c) => {
      const { kinds } = await readBody(c, officialKindsSaveSchema);
      await dashboard.saveOfficialKinds(kinds, c.get('staff').username, ctx.now());
      await ctx.audit.record(c.get('staff'), 'stats.official_kinds_set', { type: 'ward' }, { kinds: kinds.join(',') });
      return c.json({ kinds: FIGURE_KINDS.filter((k) => kinds.includes(k)) });
    })
    // The skills self-check, first against latest attempts, aggregates only (server/self-check).
    .get('/self-check', readers, async (c) => {
      parseWith(z.strictObject({}), c.req.query());
      return c.json(await selfCheck());
    })
    .get('/freshness', readers, async (c) => {
      parseWith(z.strictObject({}), c.req.query());
      return c.json(await dashboard.freshness());
    })
    // The printable report: the same figures, fetched by the report view.
    .get('/report', office, async (c) => c.json(await dashboard.all(query(c.req.query()))))
    // The officer's text of the report for a period, saved with it (reviewer, admin).
    .get('/report/narrative', office, async (c) => c.json(await narratives.read((await dashboard.range(query(c.req.query()))).range)))
    .put('/report/narrative', office, async (c) => {
      const { from, to, group, ...text } = await readBody(c, narrativeSaveSchema);
      const r = (await dashboard.range({ from, to, group })).range;
      const staff = c.get('staff');
      const saved = await narratives.save(r, text, staff.username, ctx.now());
      // The report's own words are part of what the office signs: who changed them, for which period.
      await ctx.audit.record(staff, 'report.narrative_saved', { type: 'report', id: `${r.from}..${r.to}` }, { groupId: r.group ?? null });
      return c.json(saved);
    })
    // The same report as a Word file, to edit and sign in the office.
    .get('/report.docx', office, async (c) => {
      const d = await dashboard.all(query(c.req.query()));
      const file = await reportDocx(d, await narratives.read(d.range));
      c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      c.header('Content-Disposition', `attachment; filename="${fileName(d.range.from, d.range.to, 'docx')}"`);
      return c.body(new Uint8Array(file));
    })
    .get('/export.csv', office, async (c) => {
      const { lang, ...q } = parseWith(exportQuerySchema, c.req.query());
      const d = await dashboard.all(q);
      c.header('Content-Type', 'text/csv; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="${fileName(d.range.from, d.range.to, 'csv')}"`);
      return c.body(tablesToCsv(dashboardTables(d, lang)));
    })
    .get('/export.xlsx', office, async (c) => {
      const { lang, ...q } = parseWith(exportQuerySchema, c.req.query());
      const d = await dashboard.all(q);
      const file = await tablesToXlsx(dashboardTables(d, lang), { title: `${d.meta.wardName} ${d.range.from} – ${d.range.to}`, creator: d.meta.wardName });
      c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      c.header('Content-Disposition', `attachment; filename="${fileName(d.range.from, d.range.to, 'xlsx')}"`);
      return c.body(new Uint8Array(file));
    });
}
