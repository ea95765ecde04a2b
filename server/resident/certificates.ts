// Certificate issuance. A certificate is issued only from completions the
// server holds (never from what a phone claims), by the shared rule in
// shared/resident/certificates.ts against the built course catalog; once
// issued it keeps its code, so asking again returns the same certificate.
import { DIGITAL_CITIZEN, doneLessonsOf, earnedCertificates } from '../../shared/resident/certificates.ts';
import { CERTIFICATE_CODE_LENGTH, newCode } from '../../shared/resident/codes.ts';
import type { Certificate } from '../../shared/resident/api.ts';
import type { Sqlite } from '../db/open.ts';
import { apiError } from '../http/errors.ts';
import type { Catalog } from './catalog.ts';

interface Row {
  code: string;
  courseId: string;
  issuedAt: number;
}
const toCertificate = (r: Row): Certificate => ({ code: r.code, courseId: r.courseId, issuedAt: new Date(r.issuedAt).toISOString() });

export function createCertificates(sqlite: Sqlite, catalog: Catalog, now: () => number) {
  const completions = sqlite.prepare<[string], { courseId: string; lessonId: string }>(
    "SELECT DISTINCT course_id AS courseId, lesson_id AS lessonId FROM events WHERE learner_id = ? AND type = 'lesson.completed'",
  );
  const find = sqlite.prepare<[string, string], Row>('SELECT code, course_id AS courseId, issued_at AS issuedAt FROM certificates WHERE learner_id = ? AND course_id = ?');
  const list = sqlite.prepare<[string], Row>('SELECT code, course_id AS courseId, issued_at AS issuedAt FROM certificates WHERE learner_id = ? ORDER BY issued_at, code');
  const insert = sqlite.prepare<[string, string, string, number]>(
    'INSERT INTO certificates (code, learner_id, course_id, issued_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING',
  );
  const byCode = sqlite.prepare<[string], Row & { learnerId: string }>(
    'SELECT code, course_id AS courseId, issued_at AS issuedAt, learner_id AS learnerId FROM certificates WHERE code = ?',
  );

  const claim = sqlite.transaction((learnerId: string, courseId: string): { certificate: Certificate; isNew: boolean } => {
    const existing = find.get(learnerId, courseId);
    if (existing) return { certificate: toCertificate(existing), isNew: false };
    if (courseId !== DIGITAL_CITIZEN && !catalog.courses.some((c) => c.id === courseId)) {
      throw apiError(404, 'unknown_course', `There is no course "${courseId}"`);
    }
    const earned = earnedCertificates(catalog.courses, doneLessonsOf(completions.all(learnerId)));
    if (!earned.includes(courseId)) {
      throw apiError(422, 'not_earned', 'Not every lesson needed for this certificate has reached the server yet');
    }
    // 45 random bits: a collision is rare, but a retry costs nothing.
    for (;;) {
      const code = newCode(CERTIFICATE_CODE_LENGTH);
      if (insert.run(code, learnerId, courseId, now()).changes === 1) {
        return { certificate: toCertificate(find.get(learnerId, courseId)!), isNew: true };
      }
    }
  });

  return {
    claim,
    list: (learnerId: string) => list.all(learnerId).map(toCertificate),
    /** The certificate behind a normalized code, with its holder's id (for the verification page). */
    byCode: (code: string) => byCode.get(code) ?? null,
  };
}

export type Certificates = ReturnType<typeof createCertificates>;
