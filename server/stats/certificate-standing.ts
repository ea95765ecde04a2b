// Where an issued certificate stands today, read on the engine for the
// headline's "certificates issued" (valid today, as /verify says). The same
// rule as server/resident/certificates.ts (createCertificateStanding): the
// learner's distinct completed lessons, each counted (no hold, or accepted),
// held or dismissed, against the shared rule of shared/resident/certificates.ts.
// The resident module keeps its own reader until it moves to the engine; then
// this one can give way to it.
import { and, eq, sql } from 'drizzle-orm';
import { doneLessonsOf, earnedCertificates, type CatalogCourse } from '../../shared/resident/certificates.ts';
import type { Engine } from '../db/engine/engine.ts';
import { events, integrityHolds } from '../db/schema/index.ts';

export type CertificateStandingOf = (learnerId: string, courseId: string) => Promise<'valid' | 'under-review' | 'withdrawn'>;

export function certificateStanding(engine: Engine, courses: readonly CatalogCourse[]): CertificateStandingOf {
  const completions = engine.db
    .selectDistinct({
      // Both are set on every completion.
      courseId: sql<string>`${events.courseId}`,
      lessonId: sql<string>`${events.lessonId}`,
      state: sql<'counted' | 'held' | 'dismissed'>`CASE WHEN ${integrityHolds.status} IS NULL OR ${integrityHolds.status} = 'accepted' THEN 'counted' ELSE ${integrityHolds.status} END`,
    })
    .from(events)
    .leftJoin(integrityHolds, eq(integrityHolds.eventId, events.id))
    .where(and(eq(events.learnerId, sql.placeholder('learner')), eq(events.type, 'lesson.completed')))
    .prepare();
  return async (learnerId, courseId) => {
    const rows = await completions.all({ learner: learnerId });
    if (earnedCertificates(courses, doneLessonsOf(rows.filter((r) => r.state === 'counted'))).includes(courseId)) return 'valid';
    return earnedCertificates(courses, doneLessonsOf(rows.filter((r) => r.state !== 'dismissed'))).includes(courseId) ? 'under-review' : 'withdrawn';
  };
}
