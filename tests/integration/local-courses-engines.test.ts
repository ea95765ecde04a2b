// A local course (course.yaml `localities`) in a city deployment
// (server/city/deployment.ts), in-process on a real SQLite folder and a real
// throw-away PostgreSQL 15 cluster: a completion of it counts in the locality
// it is written for; anywhere else (another locality, the city's own app) it
// is refused like a course the catalogue lacks, and stores nothing.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createCityDeployment, type CityDeployment } from '../../server/city/deployment.ts';
import { silentLogger } from '../../server/logger.ts';
import { createCatalog, loadCatalog } from '../../server/resident/catalog.ts';
import { newSecret, uuidv7 } from '../../shared/ids.ts';
import { ENGINES } from '../support/engines.ts';
import { testCities } from '../support/city.ts';
import { completion, ORIGIN, TEST_HASHER, TEST_PASSWORD_COST } from './helpers.ts';

const cities = testCities();
const NOW = Date.parse('2025-06-01T03:00:00Z');

// A fixture, not a real course: no real locality's channels or hotline.
const course = (id: string, lessons: string[], localities?: string[]) => ({
  id,
  skill: 'public-services',
  title: { vi: `Khoá ${id}`, en: `Course ${id}` },
  lessons: lessons.map((l) => ({ id: l })),
  ...(localities ? { localities } : {}),
});
const CATALOG = createCatalog({ courses: [course('city-wide', ['first']), course('fixture-local', ['hotline'], ['kien-an'])] });

describe.each(ENGINES)('a local course in a city on %s', (kind) => {
  let city: CityDeployment;
  let close: () => Promise<void>;

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    city.app.request(`${ORIGIN}${path}`, { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  /** Registers a resident at `base` and syncs one completion of each lesson given; the answers per record. */
  async function syncAt(base: string, lessons: Array<[string, string]>) {
    const learner = { id: uuidv7(), secret: newSecret() };
    expect((await post(`${base}/api/v1/learners`, learner)).status).toBe(201);
    const records = lessons.map(([courseId, lessonId]) => completion(learner.id, { courseId, lessonId }));
    const res = await post(`${base}/api/v1/sync`, { deviceId: records[0]!.deviceId, events: records }, { authorization: `Bearer ${learner.id}.${learner.secret}` });
    expect(res.status).toBe(200);
    const { results } = (await res.json()) as { results: Array<{ status: string; error?: { code: string } }> };
    return results.map((r) => r.status + (r.error ? `:${r.error.code}` : ''));
  }
  const completedIn = async (slug: string) =>
    (await (await city.stores.engineOf(slug)).all<{ course_id: string }>(sql`SELECT course_id FROM events WHERE type = 'lesson.completed' ORDER BY course_id`)).map((r) => r.course_id);

  beforeAll(async () => {
    const opened = await cities.open(kind);
    close = opened.close;
    city = createCityDeployment({
      engine: opened.city,
      on: opened.on,
      dataDir: opened.on.kind === 'sqlite' ? opened.on.dataDir : cities.tempDir(),
      drawKey: () => Buffer.alloc(32, 5),
      logger: silentLogger,
      config: { filesDir: cities.tempDir(), passwordCost: TEST_PASSWORD_COST, plausibility: { maxLearnersPerDevice: 1_000 } },
      catalog: CATALOG,
      passwords: TEST_HASHER,
      now: () => NOW,
    });
    await city.registry.add({ slug: 'kien-an', name: 'Phường Kiến An', kind: 'ward' }, NOW);
    await city.registry.add({ slug: 'le-chan', name: 'Phường Lê Chân', kind: 'ward' }, NOW);
  }, 60_000);
  afterAll(async () => {
    await city?.close();
    await close?.();
  });

  it('counts a completion of the local course in its locality', async () => {
    expect(await syncAt('/l/kien-an', [['fixture-local', 'hotline'], ['city-wide', 'first']])).toEqual(['accepted', 'accepted']);
    expect(await completedIn('kien-an')).toEqual(['city-wide', 'fixture-local']);
  }, 30_000);

  it('refuses it in another locality like an unknown course, and still takes the city-wide one', async () => {
    expect(await syncAt('/l/le-chan', [['fixture-local', 'hotline'], ['city-wide', 'first']])).toEqual(['rejected:unknown_lesson', 'accepted']);
    expect(await completedIn('le-chan')).toEqual(['city-wide']);
  }, 30_000);

  it("refuses it in the city's own app, which has no locality", async () => {
    expect(await syncAt('', [['fixture-local', 'hotline'], ['city-wide', 'first']])).toEqual(['rejected:unknown_lesson', 'accepted']);
  }, 30_000);
});

describe('the catalogue read from a content build', () => {
  it('keeps a course’s localities, so a local course stays local after a restart', () => {
    const dist = cities.tempDir();
    mkdirSync(join(dist, 'content'));
    const built = { version: 'x', courses: [course('city-wide', ['first']), course('fixture-local', ['hotline'], ['kien-an'])].map((c) => ({ ...c, order: 1 })) };
    writeFileSync(join(dist, 'content', 'index.json'), JSON.stringify(built));
    const catalog = loadCatalog(dist);
    expect(catalog.forLocality('kien-an').courses.map((c) => c.id)).toEqual(['city-wide', 'fixture-local']);
    expect(catalog.forLocality('le-chan').courses.map((c) => c.id)).toEqual(['city-wide']);
    expect(catalog.forLocality(undefined).courses.map((c) => c.id)).toEqual(['city-wide']);
  });
});
