// The one city test server: server/city/deployment.ts createCityDeployment,
// as `DEPLOYMENT=city npm start` wires it, in the test's own process, on a
// city store of either engine (city.ts testCities), serving the built PWA of
// dist/ when it has been built. Integration tests call it in-process
// (`request`); browser tests `listen()` on a loopback port.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { createCityDeployment, type CityDeployment } from '../../server/city/deployment.ts';
import type { AppConfig } from '../../server/context.ts';
import type { Engine, EngineKind } from '../../server/db/engine/engine.ts';
import type { Catalog } from '../../server/resident/catalog.ts';
import { silentLogger } from '../../server/logger.ts';
import { CATALOG } from '../integration/resident-support.ts';
import { TEST_HASHER, TEST_PASSWORD_COST } from '../integration/helpers.ts';
import { testCities, type OpenedCity } from './city.ts';
import { freePort, PROJECT_ROOT } from './server-process.ts';

export interface TestCity {
  deployment: CityDeployment;
  /** The city's own store (its staff, its targets, its list of localities). */
  city: Engine;
  opened: OpenedCity;
  catalog: Catalog;
  /** The address requests go to: a loopback port once listening. */
  url: string;
  /** A request in-process, as the server would get it at `url`. */
  request(path: string, init?: RequestInit): Promise<Response>;
  stop(): Promise<void>;
}

export interface TestCityOptions {
  now?: () => number;
  /** The courses records are checked against; the test catalogue unless given (e.g. the built one). */
  catalog?: Catalog;
  /** Listen on a loopback port (the browser suite) and take it as the public origin. */
  listen?: boolean;
  config?: Partial<AppConfig>;
}

const DIST = join(PROJECT_ROOT, 'dist');
/** The built PWA, when `npx vite build` has run. */
export const builtDist = () => (existsSync(join(DIST, 'index.html')) ? DIST : undefined);

/** Call at the top of a test file (it registers the clean-up); then `start(kind)` in beforeAll. */
export function testCityDeployments() {
  const cities = testCities();
  return {
    tempDir: () => cities.tempDir(),
    async start(kind: EngineKind, o: TestCityOptions = {}): Promise<TestCity> {
      const opened = await cities.open(kind);
      const port = o.listen ? await freePort() : undefined;
      let url = port ? `http://127.0.0.1:${port}` : 'http://localhost';
      const catalog = o.catalog ?? CATALOG;
      const deployment = createCityDeployment({
        engine: opened.city,
        on: opened.on,
        dataDir: opened.on.kind === 'sqlite' ? opened.on.dataDir : cities.tempDir(),
        spotCheckKey: Buffer.alloc(32, 7),
        drawKey: () => Buffer.alloc(32, 7),
        now: o.now,
        catalog,
        passwords: TEST_HASHER,
        logger: silentLogger,
        config: {
          filesDir: cities.tempDir(),
          distDir: builtDist(),
          passwordCost: TEST_PASSWORD_COST,
          // Test phones register many learners in seconds; that is not suspicious here.
          plausibility: { maxLearnersPerDevice: 10_000, maxRegistrationsPerAddress: 10_000 },
          ...(port ? { publicOrigin: url } : {}),
          ...o.config,
        },
      });
      let server: ServerType | undefined;
      if (port) {
        server = await new Promise<ServerType>((resolve) => {
          const s = serve({ fetch: deployment.app.fetch, hostname: '127.0.0.1', port }, () => resolve(s));
        });
        url = `http://127.0.0.1:${port}`;
      }
      return {
        deployment,
        city: opened.city,
        opened,
        catalog,
        url,
        request: (path, init) => Promise.resolve(deployment.app.request(`${url}${path}`, init)),
        async stop() {
          if (server) {
            const closed = new Promise<void>((resolve) => server.close(() => resolve()));
            // A browser's kept-alive connections would hold the close open.
            (server as { closeAllConnections?: () => void }).closeAllConnections?.();
            await closed;
          }
          await deployment.close();
          await opened.close();
        },
      };
    },
  };
}
