// Synthetic activity for trying and measuring the dashboard: learners join
// over the last `days` days, about 60% give consent and a profile (birth
// year, gender, residential group), each works through a few courses with
// realistic drop-off. Everything goes through the real record pipeline and
// its projections (profiles, rollups),
// so the rollups are exactly what live sync would have built. The database
// is marked (demo_marker) so every screen says the figures are synthetic.
import { count, eq, sql } from 'drizzle-orm';
import { placeholders } from '../db/placeholders.ts';
import { prepared, type Engine } from '../db/engine/engine.ts';
import { demoMarker, learners } from '../db/schema/index.ts';
import { createRecordPipeline } from '../records/pipeline.ts';
import { createProfiles } from '../resident/profiles.ts';
import { createWardProfile } from '../ward/profile.ts';
import { createStatsRollup, type StatsCatalog } from './rollup.ts';
import { excluded } from './sql.ts';
import { uuidv7 } from '../../shared/ids.ts';
import { seededRandom } from '../../shared/seeded-random.ts';
import { CONSENT_PURPOSE } from '../../shared/privacy.ts';

export interface DemoOptions {
  learners: number;
  days?: number;
  now?: number;
  /** Deterministic runs: the same seed gives the same data. */
  seed?: number;
  /** Most courses one learner takes (1..n, uniform); 4 by default. */
  maxCourses?: number;
}

const DAY = 86_400_000;

export async function hasRealData(engine: Engine): Promise<boolean> {
  const [{ n }] = await engine.db.select({ n: count() }).from(learners);
  const [demo] = await engine.db.select({ id: demoMarker.id }).from(demoMarker).where(eq(demoMarker.id, 1));
  return n > 0 && !demo;
}

/** On either engine (the SQLite file, or a PostgreSQL database for trying a city's set-up). */
export async function seedDemo(engine: Engine, catalog: StatsCatalog, options: DemoOptions): Promise<{ learners: number; events: number }> {
  const rnd = seededRandom(options.seed ?? 57);
  const now = options.now ?? Date.now();
  const days = options.days ?? 120;
  const ward = createWardProfile(engine, () => now);
  const groups = (await ward.admin()).groups.map((g) => g.id);
  const rollup = createStatsRollup(engine, catalog, () => now);
  await rollup.ensureFresh();
  const records = createRecordPipeline(engine, [{ name: 'resident', learner: createProfiles(engine, ward.hasGroup).hooks }, rollup.projection]);
  const addLearner = prepared((b) => b.insert(learners).values(placeholders<typeof learners.$inferInsert>(['id', 'secretHash', 'createdAt'])));
  const courses = catalog.courses.filter((c) => c.lessons.length > 0);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
  const iso = (ms: number) => new Date(ms).toISOString();
  let events = 0;

  const batch = (from: number, to: number) => engine.transaction(async (tx) => {
    for (let i = from; i < to; i++) {
      const id = uuidv7();
      const deviceId = `demo-${id.slice(-12)}`;
      // More learners join later in the period (the movement grows).
      const start = now - Math.floor(days * (1 - Math.sqrt(rnd()))) * DAY - Math.floor(rnd() * 10 * 3_600_000);
      await tx.runPrepared(addLearner, { id, secretHash: 'demo-no-secret', createdAt: start } satisfies typeof learners.$inferInsert);
      const list: Array<Record<string, unknown>> = [];
      let t = start;
      const env = () => ({ id: uuidv7(), learnerId: id, deviceId, occurredAt: iso((t += Math.floor(rnd() * 20 * 60_000))) });
      if (rnd() < 0.6) {
        list.push({ ...env(), type: 'consent.given', noticeVersion: 1, purpose: CONSENT_PURPOSE });
        const age = rnd() < 0.35 ? 60 + Math.floor(rnd() * 25) : 18 + Math.floor(rnd() * 42);
        const g = rnd();
        list.push({
          ...env(),
          type: 'profile.updated',
          profile: { displayName: null, birthYear: new Date(now).getUTCFullYear() - age, gender: g < 0.55 ? 'female' : g < 0.98 ? 'male' : 'other', residentialGroupId: rnd() < 0.9 ? pick(groups) : null, unit: null },
        });
      }
      const taken = 1 + Math.floor(rnd() * (options.maxCourses ?? 4));
      for (let c = 0; c < taken; c++) {
        const course = pick(courses);
        const persistence = rnd();
        for (const [n, lesson] of course.lessons.entries()) {
          if (n > 0 && rnd() > 0.75 + persistence * 0.25) break; // drop-off
          if (t > now) break;
          if (rnd() < 0.3) list.push({ ...env(), type: 'lesson.started', courseId: course.id, lessonId: lesson.id });
          list.push({ ...env(), type: 'lesson.completed', courseId: course.id, lessonId: lesson.id, contentVersion: 'demo', score: 40 + Math.floor(rnd() * 61), durationSec: 120 + Math.floor(rnd() * 600) });
          if (rnd() < 0.3) t += Math.floor(rnd() * 7) * DAY;
        }
      }
      const ok = list.filter((e) => Date.parse(e.occurredAt as string) <= now);
      await records.learner.writeInTransaction(tx, { by: { id, deviceId }, records: ok, receivedAt: Math.min(now, t + Math.floor(rnd() * DAY)) });
      events += ok.length;
    }
  });

  const CHUNK = 500;
  for (let from = 0; from < options.learners; from += CHUNK) {
    await batch(from, Math.min(options.learners, from + CHUNK));
    await rollup.catchUp();
  }
  await engine.db
    .insert(demoMarker)
    .values({ id: 1, learners: options.learners, seededAt: now })
    .onConflictDoUpdate({ target: demoMarker.id, set: { learners: sql`${demoMarker.learners} + ${excluded(demoMarker.learners)}`, seededAt: excluded(demoMarker.seededAt) } });
  return { learners: options.learners, events };
}
