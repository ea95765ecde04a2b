// The city's consolidated report (reviewers and admins of the city): one
// read of the city's view (city/overview.ts, the figures of GET
// /api/v1/city/overview) laid out once (shared/city/report-outline.ts) and
// served as a page to print (report.html) and as a Word file (report.docx).
// The issuing body is the city as its home profile names it.
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { cityReport, type CityReport } from '../../shared/city/report-outline.ts';
import { isoFromDay, dayOf } from '../../shared/stats/days.ts';
import { requireStaff } from '../auth/staff-auth.ts';
import { cityReportDocx } from '../city/report-docx.ts';
import { cityReportHtml } from '../city/report-html.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { parseWith } from '../http/json-body.ts';
import { resolveRange } from '../stats/range.ts';
import { eq } from 'drizzle-orm';
import { wardProfile } from '../db/schema/index.ts';
import { WARD } from '../ward/profile.ts';
import type { CityDeps } from './city.ts';

/** The period only: residential groups are each locality's own, so the city's report has none. */
const reportQuerySchema = z.strictObject({ from: z.iso.date().optional(), to: z.iso.date().optional() });

const fileName = (r: { from: string; to: string }, ext: string) => `bao-cao-tong-hop-${r.from}-${r.to}.${ext}`;

export function cityReportRoutes(ctx: AppContext, city: Pick<CityDeps, 'overview'>) {
  const office = requireStaff(ctx, ['reviewer', 'admin']);
  /** The city's name from its home profile; none while that is still the shipped sample (a sample ward's name would head the city's document). */
  const cityName = async () => {
    const row = await ctx.engine.db.select({ name: wardProfile.name, isSample: wardProfile.isSample }).from(wardProfile).where(eq(wardProfile.id, WARD)).get();
    return row && !row.isSample ? row.name : '';
  };
  async function report(c: Context<AppEnv>): Promise<{ report: CityReport; range: { from: string; to: string } }> {
    // The range is checked here, so a bad one is refused even before the city has a locality.
    const { range } = resolveRange(parseWith(reportQuerySchema, c.req.query()), ctx.now(), () => false);
    const view = await city.overview({ from: range.from, to: range.to });
    return { report: cityReport({ ...view, range }, await cityName(), isoFromDay(dayOf(ctx.now()))), range };
  }
  return new Hono<AppEnv>()
    .get('/report.html', office, async (c) => {
      const { report: r } = await report(c);
      const q = new URLSearchParams(c.req.query()).toString();
      c.header('Cache-Control', 'no-store');
      c.header('Content-Security-Policy', "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'");
      return c.html(cityReportHtml(r, `report.docx${q ? `?${q}` : ''}`));
    })
    .get('/report.docx', office, async (c) => {
      const { report: r, range } = await report(c);
      const file = await cityReportDocx(r);
      c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document');
      c.header('Content-Disposition', `attachment; filename="${fileName(range, 'docx')}"`);
      c.header('Cache-Control', 'no-store');
      return c.body(new Uint8Array(file));
    });
}
