// One deployment serving two localities, over HTTP (the real app of each
// locality over its own store), on a real SQLite folder and a real throw-away
// PostgreSQL 15 cluster: a resident's registration and sync reach only their
// locality's store, exactly once; their credentials mean nothing in another
// locality; an unknown locality is a clear 404; the rest is the home app's.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../server/app.ts';
import type { Engine } from '../../server/db/engine/engine.ts';
import { createCityApp } from '../../server/localities/city-app.ts';
import { createLocalityRegistry } from '../../server/localities/registry.ts';
import { localityStores, type LocalityStores, type LocalityStoresOn } from '../../server/localities/stores.ts';
import { newSecret, uuidv7 } from '../../shared/ids.ts';
import { completion, TEST_PASSWORD_COST } from './helpers.ts';
import { CATALOG } from './resident-support.ts';
import { ENGINES } from '../support/engines.ts';
import { testCities } from '../support/city.ts';

const cities = testCities();

const appOver = (engine: Engine) =>
  createApp({ engine, catalog: CATALOG, drawKey: () => Buffer.alloc(32, 7), config: { filesDir: cities.tempDir(), passwordCost: TEST_PASSWORD_COST, plausibility: { maxLearnersPerDevice: 1_000 } }, now: () => Date.parse('2025-06-01T03:00:00Z') });

describe.each(ENGINES)('a city of two localities on %s', (kind) => {
  let city: Engine;
  let stores: LocalityStores;
  let close: () => Promise<void>;
  let served: ReturnType<typeof createCityApp>;
  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    served.request(`http://localhost${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const events = async (slug: string) => (await (await stores.engineOf(slug)).get<{ n: number }>(sql`SELECT count(*) AS n FROM events`))!.n;

  beforeAll(async () => {
    let on: LocalityStoresOn;
    ({ city, on, close } = await cities.open(kind));
    const registry = createLocalityRegistry(city);
    await registry.add({ slug: 'kien-an', name: 'Phường Kiến An', kind: 'ward' }, 1);
    await registry.add({ slug: 'an-lao', name: 'Xã An Lão', kind: 'commune' }, 2);
    stores = localityStores(on);
    served = createCityApp({ home: appOver(city), registry, stores, appFor: (_slug, engine) => appOver(engine) });
  }, 60_000);
  afterAll(async () => {
    await stores?.close();
    await close?.();
  });

  it("registers and syncs a resident in their locality's store only, exactly once", async () => {
    const learner = { id: uuidv7(), secret: newSecret() };
    expect((await post('/l/kien-an/api/v1/learners', learner)).status).toBe(201);
    const auth = { authorization: `Bearer ${learner.id}.${learner.secret}` };
    const record = completion(learner.id);
    const sync = async (slug: string) => post(`/l/${slug}/api/v1/sync`, { deviceId: record.deviceId, events: [record] }, auth);
    expect((await (await sync('kien-an')).json()).results).toEqual([{ id: record.id, status: 'accepted' }]);
    expect((await (await sync('kien-an')).json()).results).toEqual([{ id: record.id, status: 'duplicate' }]);
    // The same phone's credentials are nobody's in another locality.
    expect((await sync('an-lao')).status).toBe(401);
    expect([await events('kien-an'), await events('an-lao'), (await city.get<{ n: number }>(sql`SELECT count(*) AS n FROM events`))!.n]).toEqual([1, 0, 0]);
  }, 30_000);

  it('answers an unknown locality with a clear 404, and leaves other addresses to the home app', async () => {
    for (const path of ['/l/hai-an/api/v1/health', '/l/Kien-An/api/v1/health', '/l/' + 'x'.repeat(60) + '/api/v1/health']) {
      const res = await served.request(`http://localhost${path}`);
      expect(res.status, path).toBe(404);
      expect(await res.json()).toMatchObject({ error: { code: 'unknown_locality' } });
    }
    const [home, local] = await Promise.all([served.request('http://localhost/api/v1/health'), served.request('http://localhost/l/an-lao/api/v1/health')]);
    expect([home.status, local.status]).toEqual([200, 200]);
  });
});
