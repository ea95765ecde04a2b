// The one city test server: server/city/deployment.ts createCityDeployment,
// as `DEPLOYMENT=city npm start` wires it, in the test's own process, on a
// city store of either engine (city.ts testCities), serving the built PWA of
// dist/ when it has been built. Integration tests call it in-process
// (`request`); browser tests `listen()` on a loopback port.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { sql } from 'drizzle-orm';
import { createUser } from '../../server/accounts/users.ts';
import { createCityDeployment, type CityDeployment } from '../../server/city/deployment.ts';
import type { AppConfig } from '../../server/context.ts';
import type { Engine, EngineKind } from '../../server/db/engine/engine.ts';
import type { LocalityRegistry } from '../../server/localities/registry.ts';
import type { LocalityStores } from '../../server/localities/stores.ts';
import type { Catalog } from '../../server/resident/catalog.ts';
import { newSecret, uuidv7 } from '../../shared/ids.ts';
import type { NewLocality } from '../../shared/localities/locality.ts';
import { silentLogger } from '../../server/logger.ts';
import { CATALOG } from '../integration/resident-support.ts';
import { completion, TEST_HASHER, TEST_PASSWORD_COST } from '../integration/helpers.ts';
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
  registry: LocalityRegistry;
  stores: LocalityStores;
  /** A request in-process, as the server would get it at `url`. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** The session cookie ("name=value") of the city's admin "city.admin", made on first use. */
  adminCookie(): Promise<string>;
  /** The session cookie of a new city staff member "city.<role>" (a guide in the CNS team), logged in. */
  staffCookie(role: 'admin' | 'reviewer' | 'guide'): Promise<string>;
  /** A JSON request as the city's admin; throws unless it succeeds. */
  asAdmin(path: string, init?: RequestInit): Promise<Response>;
  /** Adds a locality as an operator would: the city's admin, over HTTP. */
  addLocality(l: NewLocality): Promise<void>;
  /** `learners` residents of the locality, each with one lesson completed, registered and synced through its address. */
  addLearners(slug: string, learners: number): Promise<void>;
  /** The adults of the locality's first residential group (none entered for the others), or none at all. */
  setAdults(slug: string, adults: number | null): Promise<void>;
  stop(): Promise<void>;
}

export const CITY_ADMIN = { username: 'city.admin', password: 'mat khau cua thanh pho' };

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
      const request = (path: string, init?: RequestInit) => Promise.resolve(deployment.app.request(`${url}${path}`, init));
      const json = (init: RequestInit = {}, headers: Record<string, string> = {}): RequestInit => ({ ...init, headers: { 'content-type': 'application/json', origin: url, ...headers, ...(init.headers as Record<string, string>) } });
      const ok = async (res: Response, what: string) => {
        if (!res.ok) throw new Error(`${what}: ${res.status} ${await res.text()}`);
        return res;
      };
      let cookie: Promise<string> | undefined;
      const adminCookie = () =>
        (cookie ??= (async () => {
          await createUser(opened.city, { ...CITY_ADMIN, role: 'admin', team: null }, (o.now ?? Date.now)(), TEST_HASHER);
          const login = await ok(await request('/api/v1/auth/login', json({ method: 'POST', body: JSON.stringify(CITY_ADMIN) })), 'city admin login');
          return (login.headers.get('set-cookie') ?? '').split(';')[0]!;
        })());
      const staffCookie = async (role: 'admin' | 'reviewer' | 'guide') => {
        const staff = { username: `city.${role}`, password: CITY_ADMIN.password };
        await createUser(opened.city, { ...staff, role, team: role === 'guide' ? 'cns' : null }, (o.now ?? Date.now)(), TEST_HASHER);
        const login = await ok(await request('/api/v1/auth/login', json({ method: 'POST', body: JSON.stringify(staff) })), `city ${role} login`);
        return (login.headers.get('set-cookie') ?? '').split(';')[0]!;
      };
      const asAdmin = async (path: string, init: RequestInit = {}) => ok(await request(path, json(init, { cookie: await adminCookie() })), `${init.method ?? 'GET'} ${path}`);
      return {
        deployment,
        city: opened.city,
        opened,
        catalog,
        url,
        registry: deployment.registry,
        stores: deployment.stores,
        request,
        adminCookie,
        staffCookie,
        asAdmin,
        async addLocality(l) {
          await asAdmin('/api/v1/city/localities', { method: 'POST', body: JSON.stringify(l) });
        },
        async addLearners(slug, learners) {
          for (let i = 0; i < learners; i++) {
            const learner = { id: uuidv7(), secret: newSecret() };
            await ok(await request(`/l/${slug}/api/v1/learners`, json({ method: 'POST', body: JSON.stringify(learner) })), 'register');
            const record = completion(learner.id);
            const sync = json({ method: 'POST', body: JSON.stringify({ deviceId: record.deviceId, events: [record] }) }, { authorization: `Bearer ${learner.id}.${learner.secret}` });
            await ok(await request(`/l/${slug}/api/v1/sync`, sync), 'sync');
          }
        },
        async setAdults(slug, adults) {
          const engine = await deployment.stores.engineOf(slug);
          await engine.run(sql`UPDATE residential_groups SET adult_population = NULL`);
          if (adults !== null) await engine.run(sql`UPDATE residential_groups SET adult_population = ${adults} WHERE id = (SELECT min(id) FROM residential_groups)`);
        },
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
