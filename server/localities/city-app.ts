// One deployment serving many localities. A request for a locality carries
// its slug in the address, `/l/<slug>/…` (the poster's link and QR code; a
// resident never types it); it is served by that locality's own app, made on
// its first request over the locality's own store (stores.ts), exactly the
// app a single ward runs, so every query of it reaches that locality's data
// only. Everything else is served by the home app: the city's own, or the one
// ward of a single-ward deployment, unchanged.
import { Hono, type Context } from 'hono';
import { localitySlugSchema } from '../../shared/localities/locality.ts';
import type { Engine } from '../db/engine/engine.ts';
import { jsonError } from '../http/errors.ts';
import type { LocalityRegistry } from './registry.ts';
import type { LocalityStores } from './stores.ts';

/** The address prefix of a locality's app. */
export const LOCALITY_PREFIX = '/l';

/** Something that answers requests: a Hono app. */
export interface Served {
  fetch(request: Request, env?: unknown): Response | Promise<Response>;
  /** Brings the app's figures up to date with its stored records (app.ts). */
  settleFigures?(): Promise<void>;
}

export interface CityAppDeps {
  home: Served;
  registry: LocalityRegistry;
  stores: LocalityStores;
  /** The app of one locality over its engine (app.ts createApp with the locality's files, keys and catalog). */
  appFor(slug: string, engine: Engine): Served | Promise<Served>;
}

export function createCityApp({ home, registry, stores, appFor }: CityAppDeps) {
  const apps = new Map<string, Promise<Served>>();
  /** Slugs found in the registry: localities are added, never removed, so a hit is kept. */
  const known = new Set<string>();

  const appOf = (slug: string): Promise<Served> => {
    let app = apps.get(slug);
    if (!app) {
      app = stores.engineOf(slug).then((engine) => appFor(slug, engine));
      apps.set(slug, app);
      app.catch(() => apps.delete(slug)); // a failed start is tried again by the next request
    }
    return app;
  };

  async function toLocality(c: Context) {
    const slug = c.req.param('slug') ?? '';
    if (!localitySlugSchema.safeParse(slug).success || !(known.has(slug) || (await registry.find(slug)))) {
      return jsonError(c, 404, 'unknown_locality', `No locality "${slug.slice(0, 48)}" in this deployment; check the link or QR code`);
    }
    known.add(slug);
    // The locality's app sees the address without the prefix, as a single ward's server would.
    const url = new URL(c.req.url);
    url.pathname = url.pathname.slice(`${LOCALITY_PREFIX}/${slug}`.length) || '/';
    const raw = c.req.raw;
    const hasBody = raw.method !== 'GET' && raw.method !== 'HEAD';
    const request = new Request(url, { method: raw.method, headers: raw.headers, body: hasBody ? raw.body : undefined, signal: raw.signal, ...(hasBody ? { duplex: 'half' } : {}) } as RequestInit);
    return (await appOf(slug)).fetch(request, c.env);
  }

  const app = new Hono()
    .all(`${LOCALITY_PREFIX}/:slug`, toLocality)
    .all(`${LOCALITY_PREFIX}/:slug/*`, toLocality)
    .all('*', (c) => home.fetch(c.req.raw, c.env));
  return Object.assign(app, {
    /** A known locality's app (made on first use): the city's view settles its figures through it. */
    localityApp: appOf,
  });
}
