// The city's view over three localities (server/city/overview.ts), their
// residents registered and synced through the city's addresses, on a real
// SQLite folder and a real throw-away PostgreSQL 15 cluster: each locality's
// figures are its own dashboard's, the "<5" rule holds across localities
// (and protects the published total), and the ranking puts the localities
// whose share can be shown first.
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { createCityOverview } from '../../server/city/overview.ts';
import type { LocalityStores } from '../../server/localities/stores.ts';
import { newSecret, uuidv7 } from '../../shared/ids.ts';
import { completion } from './helpers.ts';
import { CATALOG } from './resident-support.ts';
import { ENGINES } from '../support/engines.ts';
import { testCityDeployments, type TestCity } from '../support/city-deployment.ts';

const cities = testCityDeployments();
const NOW = Date.parse('2025-06-01T03:00:00Z');

describe.each(ENGINES)('the city view on %s', (kind) => {
  let stores: LocalityStores;
  let running: TestCity;
  let overview: ReturnType<typeof createCityOverview>;

  beforeAll(async () => {
    running = await cities.start(kind, { now: () => NOW });
    const { registry } = running.deployment;
    await registry.add({ slug: 'kien-an', name: 'Phường Kiến An', kind: 'ward' }, 1);
    await registry.add({ slug: 'an-lao', name: 'Xã An Lão', kind: 'commune' }, 2);
    await registry.add({ slug: 'bach-long-vi', name: 'Đặc khu Bạch Long Vĩ', kind: 'special-zone' }, 3);
    stores = running.deployment.stores;
    const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
      running.deployment.app.request(`http://localhost${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
    // Residents who each finished one lesson: 6 in Kiến An, 2 in Bạch Long Vĩ, 7 in An Lão.
    for (const [slug, n] of [['kien-an', 6], ['bach-long-vi', 2], ['an-lao', 7]] as const) {
      for (let i = 0; i < n; i++) {
        const learner = { id: uuidv7(), secret: newSecret() };
        expect((await post(`/l/${slug}/api/v1/learners`, learner)).status).toBe(201);
        const record = completion(learner.id);
        const res = await post(`/l/${slug}/api/v1/sync`, { deviceId: record.deviceId, events: [record] }, { authorization: `Bearer ${learner.id}.${learner.secret}` });
        expect(res.status).toBe(200);
      }
    }
    // Adults entered for one group in Kiến An (200) and An Lão (100); none in Bạch Long Vĩ.
    for (const [slug, adults] of [['kien-an', 200], ['an-lao', 100], ['bach-long-vi', null]] as const) {
      const engine = await stores.engineOf(slug);
      await engine.run(sql`UPDATE residential_groups SET adult_population = NULL`);
      if (adults) await engine.run(sql`UPDATE residential_groups SET adult_population = ${adults} WHERE id = (SELECT min(id) FROM residential_groups)`);
    }
    overview = running.deployment.overview;
  }, 120_000);
  afterAll(async () => {
    await running?.stop();
  });

  it("gives each locality its own dashboard's figures, with small counts and what would reveal them hidden", async () => {
    const view = await overview({ from: '2025-05-01', to: '2025-06-30' });
    expect(view.localities).toEqual([
      // Bạch Long Vĩ's 2 is "<5"; with the total of 15 published, the next smallest (Kiến An's 6) is hidden too.
      { slug: 'bach-long-vi', name: 'Đặc khu Bạch Long Vĩ', kind: 'special-zone', learners: '<5', newLearners: '<5', lessonsCompleted: 2, adults: null, counted: ['verified', 'self-reported'], coverage: null, growth: null },
      { slug: 'kien-an', name: 'Phường Kiến An', kind: 'ward', learners: '*', newLearners: '*', lessonsCompleted: 6, adults: 200, counted: ['verified', 'self-reported'], coverage: null, growth: null },
      { slug: 'an-lao', name: 'Xã An Lão', kind: 'commune', learners: 7, newLearners: 7, lessonsCompleted: 7, adults: 100, counted: ['verified', 'self-reported'], coverage: 0.07, growth: 0.07 },
    ]);
    expect(view.totals).toEqual({ localities: 3, learners: 15, newLearners: 15, lessonsCompleted: 15, adults: 300, coverage: 0.05 });
    expect(view.ranking).toEqual({ byCoverage: ['an-lao', 'bach-long-vi', 'kien-an'], byGrowth: ['an-lao', 'bach-long-vi', 'kien-an'] });
  }, 30_000);

  it("agrees with each locality's own dashboard", async () => {
    const view = await overview({ from: '2025-06-01', to: '2025-06-01' });
    const anLao = view.localities.find((l) => l.slug === 'an-lao')!;
    const own = await (await import('../../server/stats/dashboard.ts')).createDashboard(await stores.engineOf('an-lao'), CATALOG, () => NOW).headline({ from: '2025-06-01', to: '2025-06-01' });
    expect([anLao.learners, anLao.newLearners, anLao.lessonsCompleted]).toEqual([own.headline.learners, own.headline.newLearners, own.headline.lessonsCompleted]);
  }, 30_000);
});

describe.each(ENGINES)('a city with fewer than five learners in all, on %s', (kind) => {
  let running: TestCity;
  afterAll(async () => {
    await running?.stop();
  });

  it('shows its total as "<5" too, since every locality\'s count is hidden and the total would name them', async () => {
    running = await cities.start(kind, { now: () => NOW });
    const { registry, stores } = running.deployment;
    await registry.add({ slug: 'kien-an', name: 'Phường Kiến An', kind: 'ward' }, 1);
    await registry.add({ slug: 'an-lao', name: 'Xã An Lão', kind: 'commune' }, 2);
    for (let i = 0; i < 3; i++) {
      const learner = { id: uuidv7(), secret: newSecret() };
      const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
        running.deployment.app.request(`http://localhost${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
      expect((await post('/l/kien-an/api/v1/learners', learner)).status).toBe(201);
      const record = completion(learner.id);
      expect((await post('/l/kien-an/api/v1/sync', { deviceId: record.deviceId, events: [record] }, { authorization: `Bearer ${learner.id}.${learner.secret}` })).status).toBe(200);
    }
    const engine = await stores.engineOf('kien-an');
    await engine.run(sql`UPDATE residential_groups SET adult_population = 200 WHERE id = (SELECT min(id) FROM residential_groups)`);
    const view = await running.deployment.overview({ from: '2025-05-01', to: '2025-06-30' });
    expect(view.localities.map((l) => [l.slug, l.learners, l.coverage])).toEqual([
      ['kien-an', '<5', null],
      ['an-lao', 0, 0],
    ]);
    expect(view.totals).toMatchObject({ localities: 2, learners: '<5', newLearners: '<5', coverage: null });
  }, 120_000);
});
