// The city's own routes, on the home app of a deployment that serves
// localities (localities/city-app.ts); a single ward mounts none of them.
// The home app's staff are the city's: its admins add localities and set the
// city's targets, its reviewers and admins read the city's view (aggregates
// only): the overview against the targets, the trend, their exports and the
// consolidated report. A locality's own staff start with the first admin the
// city admin makes with it.
import { Hono } from 'hono';
import { z } from 'zod';
import { dashboardQuerySchema } from '../../shared/stats/api.ts';
import type { AddedLocality, CityOverview } from '../../shared/city/api.ts';
import { cityTargetsSchema } from '../../shared/city/targets.ts';
import type { CityTrends } from '../../shared/city/trends.ts';
import { newLocalitySchema, type Locality } from '../../shared/localities/locality.ts';
import { createFirstAdmin } from '../accounts/bootstrap.ts';
import { requireStaff } from '../auth/staff-auth.ts';
import { cityTables } from '../city/tables.ts';
import { createCityTargets } from '../city/targets.ts';
import { cityView } from '../city/view.ts';
import type { AppContext, AppEnv } from '../context.ts';
import type { Engine } from '../db/engine/engine.ts';
import { apiError } from '../http/errors.ts';
import { cityReportRoutes } from './city-report.ts';
import { parseWith, readBody } from '../http/json-body.ts';
import { LocalityExistsError, type LocalityRegistry } from '../localities/registry.ts';
import { createWardProfile } from '../ward/profile.ts';
import { tablesToCsv, tablesToXlsx } from '../stats/export-files.ts';
import type { DashboardQuery } from '../../shared/stats/api.ts';

export interface CityDeps {
  registry: LocalityRegistry;
  /** The overview, and the trend beside it (city/overview.ts createCityOverview makes both). */
  overview: ((query: DashboardQuery) => Promise<CityOverview>) & { trends(query: DashboardQuery): Promise<CityTrends> };
  /** The locality's own store, made (migrated) on first use (localities/stores.ts engineOf). */
  openStore(slug: string): Promise<Engine>;
}

const exportQuerySchema = dashboardQuerySchema.extend({ lang: z.enum(['vi', 'en']).default('vi') });

export function cityRoutes(ctx: AppContext, city: CityDeps) {
  const admin = requireStaff(ctx, ['admin']);
  const office = requireStaff(ctx, ['reviewer', 'admin']);
  const targets = createCityTargets(ctx.engine);
  const viewOf = async (query: DashboardQuery) => cityView(await city.overview(query), await targets.read());
  const exported = async (raw: Record<string, string>) => {
    const { lang, ...query } = parseWith(exportQuerySchema, raw);
    const view = await viewOf(query);
    return { view, tables: cityTables(view, await city.overview.trends(query), lang), name: `thanh-pho_${view.range.from}_${view.range.to}` };
  };
  return (
    new Hono<AppEnv>()
      // Public: the residents' choice of locality and the posters' links name them.
      .get('/localities', async (c) => c.json({ localities: (await city.registry.list()).map(({ slug, name, kind }) => ({ slug, name, kind })) }))
      // The locality's store is made (migrated) first: a store no list names is never served. The name is
      // then claimed, so of two requests at once only one goes on to make the first admin, whose password is
      // in this answer only (never logged; the audit entries name the account, not its password).
      .post('/localities', admin, async (c) => {
        const locality = await readBody(c, newLocalitySchema);
        if (await city.registry.find(locality.slug)) throw apiError(409, 'locality_exists', `A locality "${locality.slug}" already exists`);
        const store = await city.openStore(locality.slug);
        let added: Locality;
        try {
          added = await city.registry.add(locality, ctx.now());
        } catch (error) {
          if (error instanceof LocalityExistsError) throw apiError(409, 'locality_exists', error.message);
          throw error;
        }
        // Only the request that claimed the slug names the store: its residents' certificates name the locality, not the sample.
        await createWardProfile(store, ctx.now).rename(added.name);
        const by = c.get('staff');
        const firstAdmin = await createFirstAdmin(store, { id: null, username: by.username, role: 'city' }, ctx.now, ctx.passwords);
        await ctx.audit.record(by, 'city.locality_added', { type: 'locality', id: added.slug }, { kind: added.kind, firstAdmin: firstAdmin.username });
        return c.json({ ...added, firstAdmin } satisfies AddedLocality, 201);
      })
      .get('/overview', office, async (c) => c.json(await viewOf(parseWith(dashboardQuerySchema, c.req.query()))))
      .get('/trends', office, async (c) => c.json(await city.overview.trends(parseWith(dashboardQuerySchema, c.req.query()))))
      .get('/targets', office, async (c) => c.json(await targets.read()))
      .put('/targets', admin, async (c) => {
        const next = await readBody(c, cityTargetsSchema);
        const known = new Set((await city.registry.list()).map((l) => l.slug));
        const unknown = Object.keys(next.localities).filter((slug) => !known.has(slug));
        if (unknown.length > 0) throw apiError(400, 'unknown_locality', `No locality "${unknown[0]}" in this city; add it first`);
        await targets.save(next, c.get('staff').username, ctx.now());
        await ctx.audit.record(c.get('staff'), 'city.targets_saved', { type: 'city_targets', id: null }, { localities: Object.keys(next.localities).length, city: next.city !== null });
        return c.json(await targets.read());
      })
      .get('/overview.csv', office, async (c) => {
        const { tables, name } = await exported(c.req.query());
        c.header('Content-Type', 'text/csv; charset=utf-8');
        c.header('Content-Disposition', `attachment; filename="${name}.csv"`);
        return c.body(tablesToCsv(tables));
      })
      .get('/overview.xlsx', office, async (c) => {
        const { tables, name, view } = await exported(c.req.query());
        const file = await tablesToXlsx(tables, { title: `${view.range.from} – ${view.range.to}`, creator: 'Học vụ số' });
        c.header('Content-Type', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
        c.header('Content-Disposition', `attachment; filename="${name}.xlsx"`);
        return c.body(new Uint8Array(file));
      })
      .route('/', cityReportRoutes(ctx, city))
  );
}
