// A city's localities keep their records apart, and so their waits: a sync
// still storing records in one locality never holds up the dashboard's
// catch-up in another (on PostgreSQL the catch-up waits for the syncs
// running in its own schema only: one advisory lock per schema, not one for
// the whole database, which made every locality's reads and catch-ups of a
// busy city take turns). On a SQLite folder each locality is a file of its own.
import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { Engine } from '../../server/db/engine/engine.ts';
import { learners } from '../../server/db/schema/index.ts';
import { createLocalityRegistry } from '../../server/localities/registry.ts';
import { localityStores } from '../../server/localities/stores.ts';
import { createRecordPipeline } from '../../server/records/pipeline.ts';
import { createStatsRollup, type StatsCatalog } from '../../server/stats/rollup.ts';
import { ENGINES } from '../support/engines.ts';
import { testCities } from '../support/city.ts';

const cities = testCities();
const NOW = Date.parse('2026-11-20T03:00:00Z');
const CATALOG: StatsCatalog = { courses: [{ id: 'c-track', skill: 'device-basics', lessons: [{ id: 'l1' }, { id: 'l2' }] }] };
const uuid = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;

async function locality(engine: Engine, learnerId: string) {
  await engine.db.insert(learners).values({ id: learnerId, secretHash: 'h', createdAt: NOW - 86_400_000 });
  const rollup = createStatsRollup(engine, CATALOG, () => NOW);
  await rollup.ensureFresh();
  const pipeline = createRecordPipeline(engine, [rollup.projection]);
  const request = (n: number) => {
    const deviceId = `phone-${learnerId.slice(-4)}`;
    const record = { id: uuid(n), type: 'lesson.completed', learnerId, deviceId, occurredAt: new Date(NOW - 3_600_000).toISOString(), courseId: 'c-track', lessonId: 'l1', contentVersion: 'v1', score: 80, durationSec: 600 };
    return { by: { id: learnerId, deviceId }, records: [record], receivedAt: NOW };
  };
  return { engine, rollup, pipeline, request };
}

const lessons = async (engine: Engine) => (await engine.get<{ n: number }>(sql`SELECT count(*) AS n FROM stats_learner_lessons`))!.n;

describe.each(ENGINES)('two localities of a city on %s', (kind) => {
  it("catch up while the other's sync is still storing records", async () => {
    const { city, on, close } = await cities.open(kind);
    try {
      const registry = createLocalityRegistry(city);
      for (const slug of ['kien-an', 'an-lao']) await registry.add({ slug, name: slug, kind: 'ward' }, NOW);
      const stores = localityStores(on);
      const a = await locality(await stores.engineOf('kien-an'), uuid(1));
      const b = await locality(await stores.engineOf('an-lao'), uuid(2));
      expect((await b.pipeline.learner.ingest(b.request(10))).map((r) => r.status)).toEqual(['accepted']);
      // Kiến An's sync has stored its record and is still open...
      let commitA!: () => void;
      let storedA!: () => void;
      const aStored = new Promise<void>((resolve) => (storedA = resolve));
      const syncA = a.engine.transaction(async (tx) => {
        await a.pipeline.learner.writeInTransaction(tx, a.request(20));
        storedA();
        await new Promise<void>((resolve) => (commitA = resolve));
      });
      await aStored;
      try {
        // ...while An Lão's dashboard catches up: it does not wait for Kiến An.
        const outcome = await Promise.race([b.rollup.catchUp().then(() => 'caught up'), new Promise((resolve) => setTimeout(() => resolve('still waiting'), 3_000))]);
        expect(outcome).toBe('caught up');
        expect(await lessons(b.engine)).toBe(1);
      } finally {
        commitA();
        await syncA;
      }
      await a.rollup.catchUp();
      expect(await lessons(a.engine)).toBe(1);
      await stores.close();
    } finally {
      await close();
    }
  }, 60_000);
});
