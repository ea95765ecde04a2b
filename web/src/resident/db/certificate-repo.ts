// Certificates on the phone: earned as soon as the last lesson is done here
// ("waiting to be confirmed"), then confirmed with the code the server issued.
import type { Certificate } from '../../../../shared/resident/api.ts';
import type { CertificateRow, HvsDatabase } from './database.ts';

export function createCertificateRepo(db: HvsDatabase) {
  return {
    list: (learnerId: string) => db.certificates.where('learnerId').equals(learnerId).toArray(),
    /** Records newly earned certificates; ones already known keep their state. */
    markEarned: (learnerId: string, courseIds: readonly string[], now = new Date()) =>
      db.transaction('rw', db.certificates, async () => {
        for (const courseId of courseIds) {
          if (await db.certificates.get([learnerId, courseId])) continue;
          const row: CertificateRow = { learnerId, courseId, earnedAt: now.toISOString(), code: null, issuedAt: null };
          await db.certificates.add(row);
        }
      }),
    setIssued: async (learnerId: string, cert: Certificate) => {
      const existing = await db.certificates.get([learnerId, cert.courseId]);
      await db.certificates.put({ learnerId, courseId: cert.courseId, earnedAt: existing?.earnedAt ?? cert.issuedAt, code: cert.code, issuedAt: cert.issuedAt, standing: cert.standing, basis: cert.basis });
    },
    /** A certificate not issued yet because the ward is checking lessons behind it. */
    setUnderReview: (learnerId: string, courseId: string) => db.certificates.update([learnerId, courseId], { standing: 'under-review' }),
  };
}

export type CertificateRepo = ReturnType<typeof createCertificateRepo>;
