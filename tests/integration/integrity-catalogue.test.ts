// Completions and starts for lessons or courses the catalogue lacks are
// refused outright: nothing stored, nothing counted (server/integrity/catalog-check.ts).
import { sql } from 'drizzle-orm';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { completion, registerLearner, setupTestApp, started, type TestApp } from './helpers.ts';
import { CATALOG, syncEvents } from './resident-support.ts';
import { assistedCompletion, assistedRegistered, createGuide, guideSyncResults } from './guide-support.ts';

let t: TestApp;
beforeEach(() => {
  t = setupTestApp({ catalog: CATALOG });
});
afterEach(() => t.close());

const completions = async (t: TestApp) => (await t.engine.get(sql`SELECT COALESCE(SUM(completions), 0) AS n FROM stats_daily`) as { n: number }).n;

describe('catalogue check', () => {
  it('refuses a resident completion or start of an unknown course or lesson, and keeps the rest', async () => {
    const l = await registerLearner(t);
    const bad = [
      completion(l.id, { courseId: 'no-such-course', lessonId: 'strong-passwords' }),
      completion(l.id, { courseId: 'cyber-safety', lessonId: 'no-such-lesson' }),
      started(l.id, { courseId: 'cyber-safety', lessonId: 'made-up' }),
    ];
    const good = completion(l.id);
    const results = await syncEvents(t, l.auth, [...bad, good]);
    expect(results.slice(0, 3).map((r) => [r.status, r.error?.code])).toEqual([
      ['rejected', 'unknown_lesson'],
      ['rejected', 'unknown_lesson'],
      ['rejected', 'unknown_lesson'],
    ]);
    expect(results[3].status).toBe('accepted');
    expect(await t.count('events')).toBe(1);
    await t.settle();
    expect(await completions(t)).toBe(1);
  });

  it('refuses a guide-recorded completion of an unknown lesson', async () => {
    const g = await createGuide(t, 'guide', ['tdp-1']);
    const a = assistedRegistered(g);
    const results = await guideSyncResults(t, g, [a, assistedCompletion(g, a.learnerId, { lessonId: 'invented' }), assistedCompletion(g, a.learnerId)]);
    expect(results.map((r: { status: string }) => r.status)).toEqual(['accepted', 'rejected', 'accepted']);
    expect(results[1].error?.code).toBe('unknown_lesson');
    expect(await completions(t)).toBe(1);
  });

  it('accepts exactly the catalogue pairs among generated course and lesson ids; a refusal changes nothing', async () => {
    const l = await registerLearner(t);
    const known = CATALOG.courses.flatMap((c) => c.lessons.map((x) => [c.id, x.id] as const));
    const slug = fc.oneof(fc.constantFrom(...known.flatMap((p) => p)), fc.stringMatching(/^[a-z0-9]{1,8}(-[a-z0-9]{1,8})?$/));
    await fc.assert(
      fc.asyncProperty(slug, slug, async (courseId, lessonId) => {
        const before = await t.snapshot();
        const [r] = await syncEvents(t, l.auth, [completion(l.id, { courseId, lessonId })]);
        const inCatalogue = known.some(([c, x]) => c === courseId && x === lessonId);
        expect(r.status).toBe(inCatalogue ? 'accepted' : 'rejected');
        if (!inCatalogue) {
          expect(r.error?.code).toBe('unknown_lesson');
          expect(await t.snapshot()).toBe(before);
        }
      }),
      { numRuns: 60, seed: 19 },
    );
  });

  it('judges nothing when the server has no catalogue (no content build)', async () => {
    const bare = setupTestApp();
    try {
      const l = await registerLearner(bare);
      const results = await syncEvents(bare, l.auth, [completion(l.id, { courseId: 'anything' })]);
      expect(results[0].status).toBe('accepted');
    } finally {
      await bare.close();
    }
  });
});
