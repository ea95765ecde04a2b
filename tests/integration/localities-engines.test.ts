// A city's localities on a real SQLite folder and a real throw-away
// PostgreSQL 15 cluster: the city's list of them, and each locality's own
// store (a file, or a schema), made on first use, in which one locality's
// rows are invisible to another and to the city's own store.
import { asc } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newLocalitySchema } from '../../shared/localities/locality.ts';
import type { Engine } from '../../server/db/engine/engine.ts';
import { learners } from '../../server/db/schema/index.ts';
import { createLocalityRegistry, LocalityExistsError } from '../../server/localities/registry.ts';
import { localityStores, type LocalityStores, type LocalityStoresOn } from '../../server/localities/stores.ts';
import { ENGINES } from '../support/engines.ts';
import { testCities } from '../support/city.ts';

const cities = testCities();

const ids = async (engine: Engine) => (await engine.db.select({ id: learners.id }).from(learners).orderBy(asc(learners.id))).map((r) => r.id);

describe.each(ENGINES)('localities on %s', (kind) => {
  let city: Engine;
  let on: LocalityStoresOn;
  let stores: LocalityStores;
  let closeCity: () => Promise<void>;
  beforeAll(async () => {
    ({ city, on, close: closeCity } = await cities.open(kind));
    stores = localityStores(on);
  }, 60_000);
  afterAll(async () => {
    await stores?.close();
    await closeCity?.();
  });

  it('lists the localities the city added, in Vietnamese alphabetical order, and refuses a slug taken', async () => {
    const registry = createLocalityRegistry(city);
    await registry.add({ slug: 'kien-an', name: 'Phường Kiến An', kind: 'ward' }, Date.parse('2026-12-01T02:00:00Z'));
    await registry.add({ slug: 'bach-long-vi', name: 'Đặc khu Bạch Long Vĩ', kind: 'special-zone' }, Date.parse('2026-12-01T03:00:00Z'));
    await registry.add({ slug: 'an-lao', name: 'Xã An Lão', kind: 'commune' }, Date.parse('2026-12-01T04:00:00Z'));
    await expect(registry.add({ slug: 'kien-an', name: 'Phường khác', kind: 'ward' }, 0)).rejects.toBeInstanceOf(LocalityExistsError);
    expect(await registry.list()).toEqual([
      { slug: 'bach-long-vi', name: 'Đặc khu Bạch Long Vĩ', kind: 'special-zone', createdAt: '2026-12-01T03:00:00.000Z' },
      { slug: 'kien-an', name: 'Phường Kiến An', kind: 'ward', createdAt: '2026-12-01T02:00:00.000Z' },
      { slug: 'an-lao', name: 'Xã An Lão', kind: 'commune', createdAt: '2026-12-01T04:00:00.000Z' },
    ]);
    expect(await registry.find('kien-an')).toMatchObject({ name: 'Phường Kiến An' });
    expect(await registry.find('hai-an')).toBeUndefined();
    // What the city admin types is checked before it reaches the registry.
    for (const bad of [{ slug: 'Kiến An', name: 'Phường Kiến An', kind: 'ward' }, { slug: 'kien-an', name: 'K', kind: 'ward' }, { slug: 'kien-an', name: 'Phường Kiến An', kind: 'district' }]) {
      expect(newLocalitySchema.safeParse(bad).success).toBe(false);
    }
  });

  it("keeps each locality's rows in its own store, made on first use and opened once", async () => {
    const kienAn = await stores.engineOf('kien-an');
    expect(await stores.engineOf('kien-an')).toBe(kienAn);
    const bachLongVi = await stores.engineOf('bach-long-vi');
    await kienAn.db.insert(learners).values({ id: 'KA-1', secretHash: 'h', createdAt: 1 });
    await bachLongVi.db.insert(learners).values([{ id: 'BLV-1', secretHash: 'h', createdAt: 1 }, { id: 'KA-1', secretHash: 'other', createdAt: 2 }]);
    expect(await ids(kienAn)).toEqual(['KA-1']);
    expect(await ids(bachLongVi)).toEqual(['BLV-1', 'KA-1']); // the same id in two localities is two people
    expect(await ids(city)).toEqual([]);
    expect(() => stores.engineOf('../kien-an')).toThrow();
  }, 30_000);

  it('finds a locality’s rows again in the next process', async () => {
    await stores.close();
    stores = localityStores(on);
    expect(await ids(await stores.engineOf('kien-an'))).toEqual(['KA-1']);
  }, 30_000);
});
