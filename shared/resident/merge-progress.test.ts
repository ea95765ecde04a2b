import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mergeProgress, type LocalProgress, type ServerCompletion } from './merge-progress.ts';

const ME = '0196f1a2-1111-7000-8000-000000000001';
const lesson = fc.record({ courseId: fc.constantFrom('a', 'b'), lessonId: fc.constantFrom('1', '2', '3') });
const time = fc.integer({ min: 1_700_000_000_000, max: 1_800_000_000_000 }).map((ms) => new Date(ms).toISOString());
const local: fc.Arbitrary<LocalProgress> = fc
  .tuple(lesson, fc.boolean(), fc.integer({ min: 0, max: 100 }), time, time)
  .map(([l, done, score, a, b]) => ({ learnerId: ME, ...l, status: done ? 'completed' : 'started', score: done ? score : null, completedAt: done ? b : null, startedAt: a }));
const server: fc.Arbitrary<ServerCompletion> = fc.tuple(lesson, fc.integer({ min: 0, max: 100 }), time).map(([l, score, occurredAt]) => ({ ...l, score, occurredAt }));
const k = (r: { courseId: string; lessonId: string }) => `${r.courseId}/${r.lessonId}`;

describe('mergeProgress', () => {
  it('loses nothing, duplicates nothing, and keeps the best of both sides', () => {
    fc.assert(
      fc.property(fc.array(local, { maxLength: 8 }), fc.array(server, { maxLength: 8 }), (l, s) => {
        const merged = mergeProgress(ME, l, s);
        // No lesson twice.
        expect(new Set(merged.map(k)).size).toBe(merged.length);
        // Every lesson from either side is there.
        expect(new Set(merged.map(k))).toEqual(new Set([...l.map(k), ...s.map(k)]));
        for (const row of merged) {
          const fromServer = s.filter((c) => k(c) === k(row));
          const fromLocal = l.filter((r) => k(r) === k(row));
          // Completed anywhere → completed; never downgraded.
          const done = fromServer.length > 0 || fromLocal.some((r) => r.status === 'completed');
          expect(row.status).toBe(done ? 'completed' : 'started');
          const scores = [...fromServer.map((c) => c.score), ...fromLocal.map((r) => r.score).filter((x): x is number => x !== null)];
          expect(row.score).toBe(scores.length ? Math.max(...scores) : null);
          expect(row.learnerId).toBe(ME);
        }
      }),
    );
  });

  it('is idempotent: merging the same server data again changes nothing', () => {
    fc.assert(
      fc.property(fc.array(local, { maxLength: 8 }), fc.array(server, { maxLength: 8 }), (l, s) => {
        const once = mergeProgress(ME, l, s);
        expect(mergeProgress(ME, once, s)).toEqual(once);
      }),
    );
  });

  it('ignores rows of other learners on the phone', () => {
    const other = { learnerId: 'someone-else', courseId: 'a', lessonId: '1', status: 'completed' as const, score: 100, completedAt: 'x', startedAt: 'x' };
    expect(mergeProgress(ME, [other], [])).toEqual([]);
  });
});
