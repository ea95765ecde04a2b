// A city seeded fast for the city bench: each locality is added to the city's
// list and its store made by the app's own code (registry.add, stores.engineOf
// runs the same migrations a served locality gets), then its learners and
// their events are written straight into its own schema or file by multi-row
// INSERTs of the app's table definitions (the rows POST /api/v1/sync would
// store, without its per-request work), and its rollups then catch up from
// the stored events exactly as they do after a sync (stats/catch-up.ts).
import { events, learners } from '../../server/db/schema/index.ts';
import type { Engine } from '../../server/db/engine/engine.ts';
import type { LocalityRegistry } from '../../server/localities/registry.ts';
import type { LocalityStores } from '../../server/localities/stores.ts';
import { createStatsRollup } from '../../server/stats/rollup.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { BENCH_CATALOG } from './dashboard.ts';
import { learnerEvents } from './ward-events.ts';

export const EVENTS_PER_LEARNER = 20;
/** Rows per INSERT: 11 columns × 2,000 stays under PostgreSQL's 65,535 parameters. */
const ROWS_PER_INSERT = 2_000;
/** Localities seeded at once (each holds one pooled connection at a time). */
const AT_ONCE = 4;

export const localitySlug = (i: number) => `phuong-${String(i + 1).padStart(3, '0')}`;

export interface SeedTimes {
  learners: number;
  events: number;
  /** Wall clock of the whole seed, inserts and catch-up. */
  wallSeconds: number;
  /** The localities' catch-up times added up (they ran AT_ONCE at a time). */
  rollupSeconds: number;
}

async function seedLocality(engine: Engine, learnerCount: number, index: number, now: number) {
  const rollup = createStatsRollup(engine, BENCH_CATALOG, () => now);
  await rollup.ensureFresh(); // the rollups' state, empty, before any event
  let stored = 0;
  for (let from = 0; from < learnerCount; from += ROWS_PER_INSERT / EVENTS_PER_LEARNER) {
    const n = Math.min(ROWS_PER_INSERT / EVENTS_PER_LEARNER, learnerCount - from);
    const people = Array.from({ length: n }, (_, k) => ({ id: uuidv7(), k: from + k }));
    const rows = people.flatMap(({ id, k }) =>
      learnerEvents(id, `city-${index}-${k}`, EVENTS_PER_LEARNER, 1 + ((k * 13 + index) % 180), k).map((e) => {
        const t = Date.parse(e.occurredAt);
        const lesson = 'lessonId' in e ? e : undefined;
        return {
          id: e.id, type: e.type, learnerId: id, deviceId: e.deviceId, courseId: lesson?.courseId ?? null, lessonId: lesson?.lessonId ?? null,
          occurredAt: t, receivedAt: now, effectiveAt: Math.min(t, now), payload: JSON.stringify(e),
          score: e.type === 'lesson.completed' ? e.score : null,
        };
      }),
    );
    await engine.transaction(async (tx) => {
      await tx.db.insert(learners).values(people.map(({ id }, k) => ({ id, secretHash: 'bench-no-secret', createdAt: now - ((k * 7919) % 180) * 86_400_000 })));
      for (let i = 0; i < rows.length; i += ROWS_PER_INSERT) await tx.db.insert(events).values(rows.slice(i, i + ROWS_PER_INSERT));
    });
    stored += rows.length;
  }
  const inserted = performance.now();
  await rollup.catchUp();
  return { events: stored, rollupSeconds: (performance.now() - inserted) / 1000 };
}

/** Adds `localities` localities sharing `totalLearners` learners and seeds each; wall-clock seconds per phase. */
export async function seedCity(registry: LocalityRegistry, stores: LocalityStores, localities: number, totalLearners: number, now = Date.now()): Promise<SeedTimes> {
  for (let i = 0; i < localities; i++) await registry.add({ slug: localitySlug(i), name: `Phường ${i + 1}`, kind: 'ward' }, now);
  const per = Math.ceil(totalLearners / localities);
  let next = 0;
  const totals = { learners: 0, events: 0, rollupSeconds: 0 };
  const started = performance.now();
  await Promise.all(
    Array.from({ length: Math.min(AT_ONCE, localities) }, async () => {
      for (let i = next++; i < localities; i = next++) {
        const n = Math.min(per, totalLearners - i * per);
        if (n <= 0) continue;
        const r = await seedLocality(await stores.engineOf(localitySlug(i)), n, i, now);
        totals.learners += n;
        totals.events += r.events;
        totals.rollupSeconds += r.rollupSeconds;
      }
    }),
  );
  return { ...totals, wallSeconds: (performance.now() - started) / 1000 };
}
