// What a certificate says about its holder and about what it certifies: one
// rule for the certificate on the phone (printed, shared as a picture) and
// for the public /verify page, so the two always agree. The name appears only
// when the learner agreed to share their profile with the ward — the only
// case in which the ward holds it — and is marked as self-declared (nobody
// checked it); otherwise both say "name not shared".
//
// Every certificate today certifies self-study on a phone, completed on the
// issue date. A certificate confirmed in person by a ward team will be a
// second basis, with its own words on both sides.
export type CertificateBasis = 'self-study';

/** The basis of a certificate; one kind for now. */
export const certificateBasis = (_certificate: { courseId: string }): CertificateBasis => 'self-study';

/** The name a certificate shows, or null for "not shared". */
export function certificateHolderName(displayName: string | null | undefined, sharedWithWard: boolean): string | null {
  const name = displayName?.trim();
  return sharedWithWard && name ? name : null;
}
