// A city deployment served over HTTP for the browser suite, in the test's
// own process, until `npm start` can serve one: the city's home app (its
// staff, its routes and the built PWA of dist/) and each locality's own app
// at /l/<slug>/, over a city store on either engine (tests/support/city.ts;
// TEST_ENGINE=postgres for PostgreSQL), as server/main.ts wires a single ward.
import { serve, type ServerType } from '@hono/node-server';
import { join } from 'node:path';
import { createApp } from '../../server/app.ts';
import { createCityOverview } from '../../server/city/overview.ts';
import type { Engine } from '../../server/db/engine/engine.ts';
import { createCityApp } from '../../server/localities/city-app.ts';
import { createLocalityRegistry, type LocalityRegistry } from '../../server/localities/registry.ts';
import { localityStores, type LocalityStores } from '../../server/localities/stores.ts';
import { loadCatalog } from '../../server/resident/catalog.ts';
import { testCities } from './city.ts';
import { TEST_ENGINE } from './server-database.ts';
import { freePort, PROJECT_ROOT } from './server-process.ts';

export interface RunningCity {
  url: string;
  /** The city's own store (its staff, its targets). */
  city: Engine;
  registry: LocalityRegistry;
  stores: LocalityStores;
  catalog: ReturnType<typeof loadCatalog>;
  stop(): Promise<void>;
}

/** Call at the top of a test file (it registers the stores' clean-up); then `start()` in beforeAll. */
export function cityServers() {
  const cities = testCities();
  return {
    async start(): Promise<RunningCity> {
      const distDir = join(PROJECT_ROOT, 'dist');
      const catalog = loadCatalog(distDir);
      const opened = await cities.open(TEST_ENGINE);
      const registry = createLocalityRegistry(opened.city);
      const stores = localityStores(opened.on);
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const appOver = (engine: Engine, city?: Parameters<typeof createApp>[0]['city']) =>
        createApp({ engine, city, catalog, drawKey: () => Buffer.alloc(32, 7), config: { publicOrigin: url, distDir, filesDir: cities.tempDir() } });
      let cityApp!: ReturnType<typeof createCityApp>;
      const overview = createCityOverview(registry, stores, catalog, Date.now, async (slug) => (await cityApp.localityApp(slug)).settleFigures?.());
      cityApp = createCityApp({ home: appOver(opened.city, { registry, overview, openStore: (slug) => stores.engineOf(slug) }), registry, stores, appFor: (_slug, engine) => appOver(engine) });
      const server: ServerType = await new Promise((resolve) => {
        const s = serve({ fetch: cityApp.fetch, hostname: '127.0.0.1', port }, () => resolve(s));
      });
      return {
        url,
        city: opened.city,
        registry,
        stores,
        catalog,
        async stop() {
          const closed = new Promise<void>((resolve) => server.close(() => resolve()));
          if ('closeAllConnections' in server) server.closeAllConnections(); // the browser's kept-alive connections
          await closed;
          await stores.close();
          await opened.close();
        },
      };
    },
  };
}
