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
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { certificates, events, integrityHolds } from '../db/schema/index.ts';
import { apiError } from '../http/errors.ts';
import type { Catalog } from './catalog.ts';
import { createCertificateBasis } from './certificate-basis.ts';
import type { CertificateBasisDetail } from '../../shared/resident/certificate-holder.ts';

type Row = Pick<typeof certificates.$inferSelect, 'code' | 'courseId' | 'issuedAt'>;
const ROW = { code: certificates.code, courseId: certificates.courseId, issuedAt: certificates.issuedAt };

/** What a learner's completions earn today, and so where each of their certificates stands. */
export function createCertificateStanding(db: Db, courses: readonly CatalogCourse[]) {
  // A learner's distinct completed lessons with how they stand: 'counted' (no
  // hold, or accepted), 'held' (waiting for a reviewer), 'dismissed'.
  const completions = db
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

  /** The certificates the learner's counted completions earn, and those they would earn once the held ones are accepted. */
  function earned(learnerId: string) {
    const rows = completions.all({ learner: learnerId });
    const counted = earnedCertificates(courses, doneLessonsOf(rows.filter((r) => r.state === 'counted')));
    const pending = earnedCertificates(courses, doneLessonsOf(rows.filter((r) => r.state !== 'dismissed')));
    return { counted: new Set(counted), pending: new Set(pending) };
  }
  const standingIn = (e: ReturnType<typeof earned>, courseId: string): CertificateStanding =>
    e.counted.has(courseId) ? 'valid' : e.pending.has(courseId) ? 'under-review' : 'withdrawn';
  return { earned, standingIn, standing: (learnerId: string, courseId: string) => standingIn(earned(learnerId), courseId) };
}

export function createCertificates(db: Db, catalog: Catalog, now: () => number) {
  const { earned, standingIn } = createCertificateStanding(db, catalog.courses);
  const basisOf = createCertificateBasis(db, catalog.courses);
  const toCertificate = (r: Row, standing: CertificateStanding, basis: CertificateBasisDetail): Certificate => ({ code: r.code, courseId: r.courseId, issuedAt: new Date(r.issuedAt).toISOString(), standing, basis });

  const find = (learnerId: string, courseId: string): Row | undefined =>
    db.select(ROW).from(certificates).where(and(eq(certificates.learnerId, learnerId), eq(certificates.courseId, courseId))).get();
  const insert = (row: typeof certificates.$inferInsert) => db.insert(certificates).values(row).onConflictDoNothing().run();

  const claim = (learnerId: string, courseId: string): { certificate: Certificate; isNew: boolean } =>
    db.transaction(() => {
      const existing = find(learnerId, courseId);
      const e = earned(learnerId);
      if (existing) return { certificate: toCertificate(existing, standingIn(e, courseId), basisOf(learnerId)(courseId)), isNew: false };
      if (courseId !== DIGITAL_CITIZEN && !catalog.courses.some((c) => c.id === courseId)) {
        throw apiError(404, 'unknown_course', `There is no course "${courseId}"`);
      }
      if (!e.counted.has(courseId)) {
        if (e.pending.has(courseId)) throw apiError(422, 'under_review', 'Some lessons needed for this certificate are being checked by the ward; it is issued once a reviewer accepts them');
        throw apiError(422, 'not_earned', 'Not every lesson needed for this certificate has reached the server yet');
      }
      // 45 random bits: a collision is rare, but a retry costs nothing.
      for (;;) {
        const code = newCode(CERTIFICATE_CODE_LENGTH);
        if (insert({ code, learnerId, courseId, issuedAt: now() }).changes === 1) {
          return { certificate: toCertificate(find(learnerId, courseId)!, 'valid', basisOf(learnerId)(courseId)), isNew: true };
        }
      }
    });

  return {
    claim,
    list: (learnerId: string) => {
      const rows = db.select(ROW).from(certificates).where(eq(certificates.learnerId, learnerId)).orderBy(asc(certificates.issuedAt), asc(certificates.code)).all();
      if (rows.length === 0) return [];
      const e = earned(learnerId);
      const basis = basisOf(learnerId);
      return rows.map((r) => toCertificate(r, standingIn(e, r.courseId), basis(r.courseId)));
    },
    /** The certificate behind a normalized code, with its holder's id and standing (for the verification page). */
    byCode: (code: string) => {
      const row = db.select({ ...ROW, learnerId: certificates.learnerId }).from(certificates).where(eq(certificates.code, code)).get();
      return row ? { ...row, standing: standingIn(earned(row.learnerId), row.courseId), basis: basisOf(row.learnerId)(row.courseId) } : null;
    },
  };
}

export type Certificates = ReturnType<typeof createCertificates>;
