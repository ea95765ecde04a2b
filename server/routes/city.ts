// The city's own routes, on the home app of a deployment that serves
// localities (localities/city-app.ts); a single ward mounts none of them.
// The home app's staff are the city's: its admins add localities, its
// reviewers and admins read the city's view (aggregates only). A locality's
// own staff start with the first admin the city admin makes with it.
import { Hono } from 'hono';
import { dashboardQuerySchema } from '../../shared/stats/api.ts';
import type { AddedLocality, CityOverview } from '../../shared/city/api.ts';
import { newLocalitySchema, type Locality } from '../../shared/localities/locality.ts';
import { createFirstAdmin } from '../accounts/bootstrap.ts';
import { requireStaff } from '../auth/staff-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';
import type { Engine } from '../db/engine/engine.ts';
import { apiError } from '../http/errors.ts';
import { cityReportRoutes } from './city-report.ts';
import { parseWith, readBody } from '../http/json-body.ts';
import { LocalityExistsError, type LocalityRegistry } from '../localities/registry.ts';
import type { DashboardQuery } from '../../shared/stats/api.ts';

export interface CityDeps {
  registry: LocalityRegistry;
  overview(query: DashboardQuery): Promise<CityOverview>;
  /** The locality's own store, made (migrated) on first use (localities/stores.ts engineOf). */
  openStore(slug: string): Promise<Engine>;
}

export function cityRoutes(ctx: AppContext, city: CityDeps) {
  const admin = requireStaff(ctx, ['admin']);
  const office = requireStaff(ctx, ['reviewer', 'admin']);
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
        const by = c.get('staff');
        const firstAdmin = await createFirstAdmin(store, { id: null, username: by.username, role: 'city' }, ctx.now, ctx.passwords);
        await ctx.audit.record(by, 'city.locality_added', { type: 'locality', id: added.slug }, { kind: added.kind, firstAdmin: firstAdmin.username });
        return c.json({ ...added, firstAdmin } satisfies AddedLocality, 201);
      })
      .get('/overview', office, async (c) => c.json(await city.overview(parseWith(dashboardQuerySchema, c.req.query()))))
      .route('/', cityReportRoutes(ctx, city))
  );
}
