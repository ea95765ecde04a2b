// Certificate issuance. A certificate is issued only from completions the
// server holds (never from what a phone claims), by the shared rule in
// shared/resident/certificates.ts against the built course catalog; once
// issued it keeps its code, so asking again returns the same certificate.
import { DIGITAL_CITIZEN, doneLessonsOf, earnedCertificates } from '../../shared/resident/certificates.ts';
import { CERTIFICATE_CODE_LENGTH, newCode } from '../../shared/resident/codes.ts';
import type { Certificate } from '../../shared/resident/api.ts';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { certificates, events } from '../db/schema/index.ts';
import { apiError } from '../http/errors.ts';
import type { Catalog } from './catalog.ts';

type Row = Pick<typeof certificates.$inferSelect, 'code' | 'courseId' | 'issuedAt'>;
const toCertificate = (r: Row): Certificate => ({ code: r.code, courseId: r.courseId, issuedAt: new Date(r.issuedAt).toISOString() });
const ROW = { code: certificates.code, courseId: certificates.courseId, issuedAt: certificates.issuedAt };

export function createCertificates(db: Db, catalog: Catalog, now: () => number) {
  const completions = (learnerId: string) =>
    db
      // Both are set on every completion.
      .selectDistinct({ courseId: sql<string>`${events.courseId}`, lessonId: sql<string>`${events.lessonId}` })
      .from(events)
      .where(and(eq(events.learnerId, learnerId), eq(events.type, 'lesson.completed')))
      .all();
  const find = (learnerId: string, courseId: string): Row | undefined =>
    db.select(ROW).from(certificates).where(and(eq(certificates.learnerId, learnerId), eq(certificates.courseId, courseId))).get();
  const insert = (row: typeof certificates.$inferInsert) => db.insert(certificates).values(row).onConflictDoNothing().run();

  const claim = (learnerId: string, courseId: string): { certificate: Certificate; isNew: boolean } =>
    db.transaction(() => {
      const existing = find(learnerId, courseId);
      if (existing) return { certificate: toCertificate(existing), isNew: false };
      if (courseId !== DIGITAL_CITIZEN && !catalog.courses.some((c) => c.id === courseId)) {
        throw apiError(404, 'unknown_course', `There is no course "${courseId}"`);
      }
      const earned = earnedCertificates(catalog.courses, doneLessonsOf(completions(learnerId)));
      if (!earned.includes(courseId)) {
        throw apiError(422, 'not_earned', 'Not every lesson needed for this certificate has reached the server yet');
      }
      // 45 random bits: a collision is rare, but a retry costs nothing.
      for (;;) {
        const code = newCode(CERTIFICATE_CODE_LENGTH);
        if (insert({ code, learnerId, courseId, issuedAt: now() }).changes === 1) {
          return { certificate: toCertificate(find(learnerId, courseId)!), isNew: true };
        }
      }
    });

  return {
    claim,
    list: (learnerId: string) =>
      db.select(ROW).from(certificates).where(eq(certificates.learnerId, learnerId)).orderBy(asc(certificates.issuedAt), asc(certificates.code)).all().map(toCertificate),
    /** The certificate behind a normalized code, with its holder's id (for the verification page). */
    byCode: (code: string) => db.select({ ...ROW, learnerId: certificates.learnerId }).from(certificates).where(eq(certificates.code, code)).get() ?? null,
  };
}

export type Certificates = ReturnType<typeof createCertificates>;
