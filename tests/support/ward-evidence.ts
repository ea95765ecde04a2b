// A ward's evidence files for the tests that move a ward into a city: a
// story photo (taken with GPS, stored without) and a scan of a signed
// register, each uploaded by the TTSNC officer "ttsnc1" through the ward's API.
import { expect } from 'vitest';
import type { AppClient } from '../integration/helpers.ts';
import { staffMember } from '../integration/unit-support.ts';
import { jpegWithGps, PLAIN_PDF, sha256 } from './crafted-images.ts';

/** The stored names (SHA-256) of the photo and the scan. */
export async function uploadWardEvidence(ward: AppClient): Promise<{ photo: string; scan: string }> {
  const officer = await staffMember(ward, 'ttsnc1', 'unit', 'ttsnc');
  const put = async (path: string, bytes: Uint8Array) => {
    const res = await ward.request(`${path}/${sha256(bytes)}`, { method: 'PUT', headers: { ...officer.headers, 'content-type': 'application/octet-stream' }, body: new Uint8Array(bytes) });
    expect(res.status).toBe(201);
    return ((await res.json()) as { sha256: string }).sha256;
  };
  return { photo: await put('/api/v1/story-photos', jpegWithGps()), scan: await put('/api/v1/unit-files', PLAIN_PDF) };
}
