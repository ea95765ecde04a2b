// Certificate issuance. A certificate is issued only from completions the
// server holds (never from what a phone claims), by the shared rule in
// shared/resident/certificates.ts against the built course catalog, and only
// from completions that count: one a plausibility rule holds (server/integrity)
// counts once a reviewer accepts it, a dismissed one never. Once issued a
// certificate keeps its code, so asking again returns the same certificate;
// its standing is worked out again at every read, so a learner flagged after
// the certificate was issued has it shown "under review" on the phone and on
// /verify alike, until the reviewer's decision makes it valid or withdrawn.
import { DIGITAL_CITIZEN, doneLessonsOf, earnedCertificates, type CatalogCourse } from '../../shared/resident/certificates.ts';
import { CERTIFICATE_CODE_LENGTH, newCode } from '../../shared/resident/codes.ts';
import type { Certificate, CertificateStanding } from '../../shared/resident/api.ts';
import { changed } from '../db/engine/engine.ts';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Engine } from '../db/engine/engine.ts';
import { certificates, events, integrityHolds } from '../db/schema/index.ts';
import { apiError } from '../http/errors.ts';
import type { Catalog } from './catalog.ts';
import { createCertificateBasis } from './certificate-basis.ts';
import type { CertificateBasisDetail } from '../../shared/resident/certificate-holder.ts';

type Row = Pick<typeof certificates.$inferSelect, 'code' | 'courseId' | 'issuedAt'>;
const ROW = { code: certificates.code, courseId: certificates.courseId, issuedAt: certificates.issuedAt };
type CompletionState = { courseId: string; lessonId: string; state: 'counted' | 'held' | 'dismissed' };
type Earned = { counted: Set<string>; pending: Set<string> };

/** A learner's distinct completed lessons with how they stand: 'counted' (no hold, or accepted), 'held' (waiting for a reviewer), 'dismissed'. */
const COMPLETION_STATE = {
  // Both are set on every completion.
  courseId: sql<string>`${events.courseId}`,
  lessonId: sql<string>`${events.lessonId}`,
  state: sql<CompletionState['state']>`CASE WHEN ${integrityHolds.status} IS NULL OR ${integrityHolds.status} = 'accepted' THEN 'counted' ELSE ${integrityHolds.status} END`,
};
const HOLD_OF_EVENT = eq(integrityHolds.eventId, events.id);
const LEARNERS_COMPLETIONS = and(eq(events.learnerId, sql.placeholder('learner')), eq(events.type, 'lesson.completed'));

/** The certificates counted completions earn, and those they would earn once the held ones are accepted. */
function earnedFrom(courses: readonly CatalogCourse[], rows: readonly CompletionState[]): Earned {
  const counted = earnedCertificates(courses, doneLessonsOf(rows.filter((r) => r.state === 'counted')));
  const pending = earnedCertificates(courses, doneLessonsOf(rows.filter((r) => r.state !== 'dismissed')));
  return { counted: new Set(counted), pending: new Set(pending) };
}
const standingIn = (e: Earned, courseId: string): CertificateStanding => (e.counted.has(courseId) ? 'valid' : e.pending.has(courseId) ? 'under-review' : 'withdrawn');

/** What a learner's completions earn today, and so where each of their certificates stands. */
export function createCertificateStanding(engine: Engine, courses: readonly CatalogCourse[]) {
  const statement = engine.db.selectDistinct(COMPLETION_STATE).from(events).leftJoin(integrityHolds, HOLD_OF_EVENT).where(LEARNERS_COMPLETIONS).prepare();
  const earned = async (learnerId: string): Promise<Earned> => earnedFrom(courses, await statement.all({ learner: learnerId }));
  return { earned, standingIn, standing: async (learnerId: string, courseId: string): Promise<CertificateStanding> => standingIn(await earned(learnerId), courseId) };
}

export function createCertificates(engine: Engine, catalog: Catalog, now: () => number) {
  const { earned } = createCertificateStanding(engine, catalog.courses);
  const basisOf = createCertificateBasis(engine, catalog.courses);
  const toCertificate = (r: Row, standing: CertificateStanding, basis: CertificateBasisDetail): Certificate => ({ code: r.code, courseId: r.courseId, issuedAt: new Date(r.issuedAt).toISOString(), standing, basis });

  const find = (learnerId: string, courseId: string): Promise<Row | undefined> =>
    engine.db.select(ROW).from(certificates).where(and(eq(certificates.learnerId, learnerId), eq(certificates.courseId, courseId))).get();
  const insert = (row: typeof certificates.$inferInsert) => changed(engine.db.insert(certificates).values(row).onConflictDoNothing());

  const claim = (learnerId: string, courseId: string): Promise<{ certificate: Certificate; isNew: boolean }> =>
    engine.transaction(async () => {
      const existing = await find(learnerId, courseId);
      const e = await earned(learnerId);
      if (existing) return { certificate: toCertificate(existing, standingIn(e, courseId), (await basisOf(learnerId))(courseId)), isNew: false };
      if (courseId !== DIGITAL_CITIZEN && !catalog.courses.some((c) => c.id === courseId)) {
        throw apiError(404, 'unknown_course', `There is no course "${courseId}"`);
      }
      if (!e.counted.has(courseId)) {
        if (e.pending.has(courseId)) throw apiError(422, 'under_review', 'Some lessons needed for this certificate are being checked by the ward; it is issued once a reviewer accepts them');
        throw apiError(422, 'not_earned', 'Not every lesson needed for this certificate has reached the server yet');
      }
      // 45 random bits: a collision with another code is rare, but a retry costs nothing.
      for (;;) {
        const code = newCode(CERTIFICATE_CODE_LENGTH);
        const isNew = (await insert({ code, learnerId, courseId, issuedAt: now() })) === 1;
        // Not inserted: another code, or (PostgreSQL, where claims of one learner run side by side) the
        // same learner's other request issued this certificate first and committed: that one is the answer.
        const issued = isNew ? undefined : await find(learnerId, courseId);
        if (isNew || issued) return { certificate: toCertificate(issued ?? (await find(learnerId, courseId))!, 'valid', (await basisOf(learnerId))(courseId)), isNew };
      }
    });

  return {
    claim,
    list: async (learnerId: string): Promise<Certificate[]> => {
      const rows = await engine.db.select(ROW).from(certificates).where(eq(certificates.learnerId, learnerId)).orderBy(asc(certificates.issuedAt), asc(certificates.code));
      if (rows.length === 0) return [];
      const e = await earned(learnerId);
      const basis = await basisOf(learnerId);
      return rows.map((r) => toCertificate(r, standingIn(e, r.courseId), basis(r.courseId)));
    },
    /** The certificate behind a normalized code, with its holder's id and standing (for the verification page). */
    byCode: async (code: string) => {
      const row = await engine.db.select({ ...ROW, learnerId: certificates.learnerId }).from(certificates).where(eq(certificates.code, code)).get();
      return row ? { ...row, standing: standingIn(await earned(row.learnerId), row.courseId), basis: (await basisOf(row.learnerId))(row.courseId) } : null;
    },
  };
}

export type Certificates = ReturnType<typeof createCertificates>;
