// The city's own routes, on the home app of a deployment that serves
// localities (localities/city-app.ts); a single ward mounts none of them.
// The home app's staff are the city's: its admins add localities, its
// reviewers and admins read the city's view (aggregates only).
import { Hono } from 'hono';
import { dashboardQuerySchema } from '../../shared/stats/api.ts';
import type { CityOverview } from '../../shared/city/api.ts';
import { newLocalitySchema } from '../../shared/localities/locality.ts';
import { requireStaff } from '../auth/staff-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { cityReportRoutes } from './city-report.ts';
import { parseWith, readBody } from '../http/json-body.ts';
import { LocalityExistsError, type LocalityRegistry } from '../localities/registry.ts';
import type { DashboardQuery } from '../../shared/stats/api.ts';

export interface CityDeps {
  registry: LocalityRegistry;
  overview(query: DashboardQuery): Promise<CityOverview>;
}

export function cityRoutes(ctx: AppContext, city: CityDeps) {
  const admin = requireStaff(ctx, ['admin']);
  const office = requireStaff(ctx, ['reviewer', 'admin']);
  return (
    new Hono<AppEnv>()
      // Public: the residents' choice of locality and the posters' links name them.
      .get('/localities', async (c) => c.json({ localities: (await city.registry.list()).map(({ slug, name, kind }) => ({ slug, name, kind })) }))
      .post('/localities', admin, async (c) => {
        const locality = await readBody(c, newLocalitySchema);
        try {
          const added = await city.registry.add(locality, ctx.now());
          await ctx.audit.record(c.get('staff'), 'city.locality_added', { type: 'locality', id: added.slug }, { kind: added.kind });
          return c.json(added, 201);
        } catch (error) {
          if (error instanceof LocalityExistsError) throw apiError(409, 'locality_exists', error.message);
          throw error;
        }
      })
      .get('/overview', office, async (c) => c.json(await city.overview(parseWith(dashboardQuerySchema, c.req.query()))))
      .route('/', cityReportRoutes(ctx, city))
  );
}
