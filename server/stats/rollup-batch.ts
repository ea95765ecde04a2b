// The rollup work of a page of learner records (the catch-up's, or the
// rebuild's replay), done per learner, day, course and lesson instead of per
// event, and for the whole page at once: one multi-row statement per table
// (rollup-tables.ts), not one round trip per key. Per event that was about
// six upserts; merged, it is one row per distinct key. Every merged value is
// a sum or a minimum/maximum, so the result equals applying the events one by
// one in time order. Events that are not counts (profile, consent) are
// applied in their place in the page, as before.
import type { LearningEvent } from '../../shared/events.ts';
import { dayOf } from '../../shared/stats/days.ts';

/** A learning record as the counters need it: what the events table's own columns hold, no payload to parse. */
export type CountedRecord =
  | { id: string; type: 'lesson.started'; learnerId: string; courseId: string; lessonId: string }
  | { id: string; type: 'lesson.completed'; learnerId: string; courseId: string; lessonId: string; score: number }
  | { id: string; type: 'session.joined'; learnerId: string };

/** What a batch holds: counted records by their columns, anything else as the whole event. */
export type RollupRecord = CountedRecord | LearningEvent;

export interface BatchRollupOps {
  /** Learners active from `first` to `last` on `days` (not guide-registered). */
  activeOn(rows: Array<{ learnerId: string; first: number; last: number; days: Iterable<number> }>): Promise<void>;
  startCourses(rows: Array<{ learnerId: string; courseId: string; day: number }>): Promise<void>;
  daily(rows: Array<{ day: number; courseId: string; lessonId: string; starts: number; completions: number; scoreSum: number }>): Promise<void>;
  lessonsFirstDone(rows: Array<{ learnerId: string; courseId: string; lessonId: string; day: number }>): Promise<void>;
  checkCourses(pairs: Array<{ learnerId: string; courseId: string }>): Promise<void>;
  /** Everything that is not merged, applied in event order. */
  inOrder(event: LearningEvent, effectiveAt: number): Promise<void>;
}

interface Activity {
  first: number;
  last: number;
  days: Set<number>;
}

const keyOf = (...parts: Array<string | number>) => parts.join('\u0000');
const lowest = (map: Map<string, { at: number; parts: [string, string, string?] }>, key: string, parts: [string, string, string?], day: number) => {
  const seen = map.get(key);
  if (!seen) map.set(key, { at: day, parts });
  else if (day < seen.at) seen.at = day;
};

export function createBatchApply(ops: BatchRollupOps) {
  return async function applyBatch(applied: ReadonlyArray<{ event: RollupRecord; effectiveAt: number }>): Promise<void> {
    const activity = new Map<string, Activity>();
    const daily = new Map<string, { day: number; courseId: string; lessonId: string; starts: number; completions: number; scoreSum: number }>();
    const courseStarts = new Map<string, { at: number; parts: [string, string, string?] }>();
    const lessonsDone = new Map<string, { at: number; parts: [string, string, string?] }>();

    const touch = (learnerId: string, day: number) => {
      const a = activity.get(learnerId);
      if (!a) activity.set(learnerId, { first: day, last: day, days: new Set([day]) });
      else {
        a.first = Math.min(a.first, day);
        a.last = Math.max(a.last, day);
        a.days.add(day);
      }
    };
    const count = (day: number, courseId: string, lessonId: string, starts: number, completions: number, score: number) => {
      const key = keyOf(day, courseId, lessonId);
      const row = daily.get(key);
      if (!row) daily.set(key, { day, courseId, lessonId, starts, completions, scoreSum: score });
      else {
        row.starts += starts;
        row.completions += completions;
        row.scoreSum += score;
      }
    };

    for (const { event, effectiveAt } of applied) {
      const day = dayOf(effectiveAt);
      switch (event.type) {
        case 'lesson.started':
        case 'lesson.completed': {
          const { learnerId, courseId, lessonId } = event;
          touch(learnerId, day);
          lowest(courseStarts, keyOf(learnerId, courseId), [learnerId, courseId], day);
          if (event.type === 'lesson.started') count(day, courseId, lessonId, 1, 0, 0);
          else {
            count(day, courseId, lessonId, 0, 1, event.score);
            lowest(lessonsDone, keyOf(learnerId, courseId, lessonId), [learnerId, courseId, lessonId], day);
          }
          break;
        }
        case 'session.joined':
          touch(event.learnerId, day);
          break;
        default:
          await ops.inOrder(event, effectiveAt);
      }
    }

    await ops.activeOn([...activity].map(([learnerId, a]) => ({ learnerId, first: a.first, last: a.last, days: a.days })));
    await ops.startCourses([...courseStarts.values()].map(({ at, parts }) => ({ learnerId: parts[0], courseId: parts[1], day: at })));
    await ops.daily([...daily.values()]);
    await ops.lessonsFirstDone([...lessonsDone.values()].map(({ at, parts }) => ({ learnerId: parts[0], courseId: parts[1], lessonId: parts[2]!, day: at })));
    // Completion is judged once all of the page's lessons are in.
    const courses = new Map<string, { learnerId: string; courseId: string }>();
    for (const { parts } of lessonsDone.values()) courses.set(keyOf(parts[0], parts[1]), { learnerId: parts[0], courseId: parts[1] });
    await ops.checkCourses([...courses.values()]);
  };
}
