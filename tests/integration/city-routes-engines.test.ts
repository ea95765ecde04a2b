// The city's own routes over HTTP (server/routes/city.ts), on the home app of
// a deployment serving localities, on a real SQLite folder and a real
// throw-away PostgreSQL 15 cluster: the city admin adds a locality, anyone
// lists them, the city's reviewers read the view, and every other caller is
// refused; a single ward's app has none of these routes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../server/accounts/users.ts';
import { createApp } from '../../server/app.ts';
import type { LocalityStores } from '../../server/localities/stores.ts';
import type { StaffRole } from '../../shared/api.ts';
import { ORIGIN, TEST_HASHER } from './helpers.ts';
import { CATALOG } from './resident-support.ts';
import { ENGINES } from '../support/engines.ts';
import { testCityDeployments, type TestCity } from '../support/city-deployment.ts';

const cities = testCityDeployments();
const NOW = Date.parse('2026-12-07T02:00:00Z');
const PASSWORD = 'mat khau cua thanh pho';

describe.each(ENGINES)("the city's routes on %s", (kind) => {
  let stores: LocalityStores;
  let running: TestCity;
  const cookies: Partial<Record<StaffRole, string>> = {};
  const call = (path: string, init: RequestInit & { as?: StaffRole } = {}) =>
    running.deployment.app.request(`${ORIGIN}${path}`, { ...init, headers: { 'content-type': 'application/json', origin: ORIGIN, ...(init.as ? { cookie: cookies[init.as]! } : {}), ...(init.headers as Record<string, string>) } });

  beforeAll(async () => {
    running = await cities.start(kind, { now: () => NOW });
    stores = running.deployment.stores;
    const opened = running.opened;
    for (const role of ['admin', 'reviewer', 'guide'] as const) {
      await createUser(opened.city, { username: `city.${role}`, password: PASSWORD, role, team: role === 'guide' ? 'cns' : null }, NOW, TEST_HASHER);
      const login = await call('/api/v1/auth/login', { method: 'POST', body: JSON.stringify({ username: `city.${role}`, password: PASSWORD }) });
      expect(login.status).toBe(200);
      cookies[role] = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    }
  }, 60_000);
  afterAll(async () => {
    await running?.stop();
  });

  it('lets the city admin add localities, anyone list them, and refuses everyone else', async () => {
    const kienAn = JSON.stringify({ slug: 'kien-an', name: 'Phường Kiến An', kind: 'ward' });
    expect((await call('/api/v1/city/localities', { method: 'POST', body: kienAn })).status).toBe(401);
    expect((await call('/api/v1/city/localities', { method: 'POST', body: kienAn, as: 'reviewer' })).status).toBe(403);
    const added = await call('/api/v1/city/localities', { method: 'POST', body: kienAn, as: 'admin' });
    expect(added.status).toBe(201);
    expect(await added.json()).toEqual({ slug: 'kien-an', name: 'Phường Kiến An', kind: 'ward', createdAt: new Date(NOW).toISOString(), firstAdmin: { username: 'admin', password: expect.any(String) } });
    const again = await call('/api/v1/city/localities', { method: 'POST', body: kienAn, as: 'admin' });
    expect([again.status, ((await again.json()) as { error: { code: string } }).error.code]).toEqual([409, 'locality_exists']);
    const bad = await call('/api/v1/city/localities', { method: 'POST', body: JSON.stringify({ slug: 'Kiến An', name: 'x', kind: 'district' }), as: 'admin' });
    expect(bad.status).toBe(400);
    expect(await (await call('/api/v1/city/localities')).json()).toEqual({ localities: [{ slug: 'kien-an', name: 'Phường Kiến An', kind: 'ward' }] });
    // The new locality answers at its address at once.
    expect((await call('/l/kien-an/api/v1/health')).status).toBe(200);
  }, 30_000);

  it("shows the city's view to its reviewers and admins only", async () => {
    expect((await call('/api/v1/city/overview')).status).toBe(401);
    expect((await call('/api/v1/city/overview', { as: 'guide' })).status).toBe(403);
    const view = await call('/api/v1/city/overview?from=2026-12-01&to=2026-12-07', { as: 'reviewer' });
    expect(view.status).toBe(200);
    expect(await view.json()).toMatchObject({ localities: [{ slug: 'kien-an', learners: 0 }], totals: { localities: 1, learners: 0 } });
    expect((await call('/api/v1/city/overview?from=2026-12-09&to=2026-12-01', { as: 'admin' })).status).toBe(400);
  }, 30_000);

  it('has no city routes in a single ward', async () => {
    const ward = createApp({ engine: await stores.engineOf('kien-an'), catalog: CATALOG, drawKey: () => Buffer.alloc(32, 9), config: { filesDir: cities.tempDir() } });
    expect((await ward.request(`${ORIGIN}/api/v1/city/localities`)).status).toBe(404);
  });

  it("names a new locality's ward profile after the locality, not the shipped sample", async () => {
    const added = await call('/api/v1/city/localities', { method: 'POST', body: JSON.stringify({ slug: 'dong-hai', name: 'Phường Đông Hải', kind: 'ward' }), as: 'admin' });
    expect(added.status).toBe(201);
    // What residents' certificates and the verify page name as the issuing locality.
    const profile = (await (await call('/l/dong-hai/api/v1/ward')).json()) as { name: string; isSample: boolean };
    expect(profile.name).toBe('Phường Đông Hải');
    // Its groups and channels are still the sample's, so the profile stays marked as the sample.
    expect(profile.isSample).toBe(true);
  }, 30_000);
});
