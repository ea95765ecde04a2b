// What a certificate says about its holder and about what it certifies: one
// rule for the certificate on the phone (printed, shared as a picture) and
// for the public /verify page, so the two always agree. The name appears only
// when the learner agreed to share their profile with the ward — the only
// case in which the ward holds it — and is marked as self-declared (nobody
// checked it); otherwise both say "name not shared".
//
// A certificate certifies self-study on a phone, completed on the issue
// date, or learning confirmed in person by a team of the ward on a date
// (server/resident/certificate-basis.ts decides); both sides say it in the
// same words.
export const CERTIFICATE_BASES = ['self-study', 'in-person'] as const;
export type CertificateBasis = (typeof CERTIFICATE_BASES)[number];

/** What the server says a certificate certifies: for "in-person", the guide's team (a team key) and the day. */
export interface CertificateBasisDetail {
  kind: CertificateBasis;
  team: string | null;
  date: string | null;
}

/** The basis of a certificate: the server's word, else (not confirmed yet, or an older answer) self-study. */
export const certificateBasis = (certificate: { basis?: CertificateBasisDetail | null }): CertificateBasis => certificate.basis?.kind ?? 'self-study';

/** The name a certificate shows, or null for "not shared". */
export function certificateHolderName(displayName: string | null | undefined, sharedWithWard: boolean): string | null {
  const name = displayName?.trim();
  return sharedWithWard && name ? name : null;
}
