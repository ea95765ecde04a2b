// Merges lesson progress pulled from the server (a recovered learner's
// completions) into what this phone already has. Pure, so it is
// property-tested: nothing local is lost, no lesson appears twice, and a
// lesson done anywhere shows as done with the best score seen.

export interface LocalProgress {
  learnerId: string;
  courseId: string;
  lessonId: string;
  status: 'started' | 'completed';
  /** Best quiz score so far, 0–100; null until the lesson is completed. */
  score: number | null;
  /** ISO time of the latest completion; null until completed. */
  completedAt: string | null;
  startedAt: string;
}

export interface ServerCompletion {
  courseId: string;
  lessonId: string;
  score: number;
  occurredAt: string;
}

const key = (courseId: string, lessonId: string) => `${courseId}/${lessonId}`;
const later = (a: string | null, b: string | null) => (a === null ? b : b === null ? a : a >= b ? a : b);
const earlier = (a: string, b: string) => (a <= b ? a : b);

/** One row per lesson of `learnerId`: local rows, upgraded by any server completion of the same lesson. */
export function mergeProgress(learnerId: string, local: readonly LocalProgress[], server: readonly ServerCompletion[]): LocalProgress[] {
  const rows = new Map<string, LocalProgress>();
  for (const r of local) {
    if (r.learnerId !== learnerId) continue;
    const k = key(r.courseId, r.lessonId);
    const prev = rows.get(k);
    rows.set(k, prev ? combine(prev, r) : { ...r });
  }
  for (const c of server) {
    const k = key(c.courseId, c.lessonId);
    const incoming: LocalProgress = {
      learnerId,
      courseId: c.courseId,
      lessonId: c.lessonId,
      status: 'completed',
      score: c.score,
      completedAt: c.occurredAt,
      startedAt: c.occurredAt,
    };
    const prev = rows.get(k);
    rows.set(k, prev ? combine(prev, incoming) : incoming);
  }
  return [...rows.values()].sort((a, b) => (key(a.courseId, a.lessonId) < key(b.courseId, b.lessonId) ? -1 : 1));
}

function combine(a: LocalProgress, b: LocalProgress): LocalProgress {
  const status = a.status === 'completed' || b.status === 'completed' ? 'completed' : 'started';
  const scores = [a.score, b.score].filter((s): s is number => s !== null);
  return {
    ...a,
    status,
    score: scores.length ? Math.max(...scores) : null,
    completedAt: later(a.completedAt, b.completedAt),
    startedAt: earlier(a.startedAt, b.startedAt),
  };
}
