// A city deployment listening on a loopback port, for the browser suite,
// until `npm start` serves a city: the home app with the city's routes and
// the built PWA (when built), each locality's own app at /l/<slug>/ over its
// store (createCityApp), on the engine of a city store from city.ts (a
// SQLite DATA_DIR, or a fresh database of the file's PostgreSQL cluster).
// Localities are added over HTTP by the city's admin, as an operator would,
// and residents register and sync through the localities' addresses.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { createUser } from '../../server/accounts/users.ts';
import { createApp } from '../../server/app.ts';
import { createCityOverview } from '../../server/city/overview.ts';
import type { Engine } from '../../server/db/engine/engine.ts';
import { createCityApp } from '../../server/localities/city-app.ts';
import { createLocalityRegistry } from '../../server/localities/registry.ts';
import { localityStores } from '../../server/localities/stores.ts';
import type { NewLocality } from '../../shared/localities/locality.ts';
import { newSecret, uuidv7 } from '../../shared/ids.ts';
import { completion, TEST_HASHER, TEST_PASSWORD_COST } from '../integration/helpers.ts';
import { CATALOG } from '../integration/resident-support.ts';
import type { OpenedCity } from './city.ts';
import { freePort, PROJECT_ROOT } from './server-process.ts';

export interface CityServer {
  url: string;
  /** The city's admin's session cookie ("name=value"). */
  adminCookie: string;
  addLocality(l: NewLocality): Promise<void>;
  /** `learners` residents of the locality, each with one lesson completed (on the catalogue's first day of the test data). */
  addLearners(slug: string, learners: number): Promise<void>;
  /** The adults of the locality's first residential group (none entered for the others), or none at all. */
  setAdults(slug: string, adults: number | null): Promise<void>;
  stop(): Promise<void>;
}

export async function startCityServer(opened: OpenedCity, tempDir: () => string, o: { now: number; cityName: string }): Promise<CityServer> {
  const registry = createLocalityRegistry(opened.city);
  const stores = localityStores(opened.on);
  const dist = join(PROJECT_ROOT, 'dist');
  const distDir = existsSync(join(dist, 'index.html')) ? dist : undefined;
  const appOver = (engine: Engine, city?: Parameters<typeof createApp>[0]['city']) =>
    createApp({ engine, city, catalog: CATALOG, now: () => o.now, drawKey: () => Buffer.alloc(32, 7), config: { filesDir: tempDir(), distDir, passwordCost: TEST_PASSWORD_COST, plausibility: { maxLearnersPerDevice: 10_000, maxRegistrationsPerAddress: 10_000 } } });
  let cityApp!: ReturnType<typeof createCityApp>;
  const overview = createCityOverview(registry, stores, CATALOG, () => o.now, async (slug) => (await cityApp.localityApp(slug)).settleFigures?.());
  cityApp = createCityApp({ home: appOver(opened.city, { registry, overview, openStore: (slug) => stores.engineOf(slug) }), registry, stores, appFor: (_slug, engine) => appOver(engine) });

  const port = await freePort();
  const server = serve({ fetch: cityApp.fetch, hostname: '127.0.0.1', port });
  const url = `http://127.0.0.1:${port}`;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${url}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin: url, ...headers }, body: JSON.stringify(body) });
  const ok = async (res: Response, what: string) => {
    if (!res.ok) throw new Error(`${what}: ${res.status} ${await res.text()}`);
  };

  await createUser(opened.city, { username: 'city.admin', password: 'mat khau cua thanh pho', role: 'admin', team: null }, o.now, TEST_HASHER);
  const login = await post('/api/v1/auth/login', { username: 'city.admin', password: 'mat khau cua thanh pho' });
  await ok(login, 'city admin login');
  const adminCookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
  const asAdmin = { cookie: adminCookie };
  // The city as its home profile names it: what the report's heading says.
  await ok(await fetch(`${url}/api/v1/ward`, { method: 'PUT', headers: { 'content-type': 'application/json', origin: url, ...asAdmin }, body: JSON.stringify({ name: o.cityName, channels: [] }) }), 'city name');

  return {
    url,
    adminCookie,
    async addLocality(l) {
      await ok(await post('/api/v1/city/localities', l, asAdmin), `add ${l.slug}`);
    },
    async addLearners(slug, learners) {
      for (let i = 0; i < learners; i++) {
        const learner = { id: uuidv7(), secret: newSecret() };
        await ok(await post(`/l/${slug}/api/v1/learners`, learner), 'register');
        const record = completion(learner.id);
        await ok(await post(`/l/${slug}/api/v1/sync`, { deviceId: record.deviceId, events: [record] }, { authorization: `Bearer ${learner.id}.${learner.secret}` }), 'sync');
      }
    },
    async setAdults(slug, adults) {
      const engine = await stores.engineOf(slug);
      await engine.run(sql`UPDATE residential_groups SET adult_population = NULL`);
      if (adults !== null) await engine.run(sql`UPDATE residential_groups SET adult_population = ${adults} WHERE id = (SELECT min(id) FROM residential_groups)`);
    },
    async stop() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      // A browser's kept-alive connections would hold the close open.
      (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      await closed;
      await stores.close();
      await opened.close();
    },
  };
}
