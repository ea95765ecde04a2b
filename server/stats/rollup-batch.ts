// The rollup work of one learner sync request, done per learner, day, course
// and lesson instead of per event. A phone's batch of 100 events is mostly one
// learner working through lessons over a few days: per event that was about
// six upserts (and the triggers behind them); merged, it is one upsert per
// distinct key. Every merged value is a sum or a minimum/maximum, so the
// result equals applying the events one by one in time order, which is what
// rebuild() does. Events that are not counts (profile, consent) are applied
// in their place in the batch, as before.
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
  activeOn(learnerId: string, first: number, last: number, days: Iterable<number>, isAssisted: boolean): Promise<void>;
  startCourse(learnerId: string, courseId: string, day: number): Promise<void>;
  daily(day: number, courseId: string, lessonId: string, starts: number, completions: number, scoreSum: number): Promise<void>;
  lessonDone(learnerId: string, courseId: string, lessonId: string, day: number): Promise<void>;
  checkCourse(learnerId: string, courseId: string): Promise<void>;
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

    for (const [learnerId, a] of activity) await ops.activeOn(learnerId, a.first, a.last, a.days, false);
    for (const { at, parts } of courseStarts.values()) await ops.startCourse(parts[0], parts[1], at);
    for (const r of daily.values()) await ops.daily(r.day, r.courseId, r.lessonId, r.starts, r.completions, r.scoreSum);
    for (const { at, parts } of lessonsDone.values()) await ops.lessonDone(parts[0], parts[1], parts[2]!, at);
    // Completion is judged once all of the batch's lessons are in.
    const courses = new Set<string>();
    for (const { parts } of lessonsDone.values()) {
      const key = keyOf(parts[0], parts[1]);
      if (courses.has(key)) continue;
      courses.add(key);
      await ops.checkCourse(parts[0], parts[1]);
    }
  };
}
