// Evidence files of the units' outreach over real HTTP (the app served by
// @hono/node-server as in production) and real SQLite: the type comes from
// the bytes, location metadata never reaches the disk, a file is stored once
// however often it is sent, only staff of the unit (and the office) read it,
// and an activity names only files its unit uploaded first.
import { sql } from 'drizzle-orm';
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_STORED_FILE_BYTES } from '../../shared/files.ts';
import { answerClientErrors, createApiServer } from '../../server/http/client-error.ts';
import { hasLocation, jpegWithGps, PLAIN_JPEG, PLAIN_PDF, pngWithMetadata, sha256 } from '../support/crafted-images.ts';
import { registerLearner, setupTestApp, type TestApp } from './helpers.ts';
import { createGuide } from './guide-support.ts';
import { activityRecorded, staffMember, UNIT_DEVICE, type Member } from './unit-support.ts';

let t: TestApp;
let server: ServerType;
let base: string;
let ttsnc: Member;
let kthtdt: Member;
let reviewer: Member;
let admin: Member;

beforeEach(async () => {
  t = setupTestApp();
  server = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0, createServer: createApiServer });
  answerClientErrors(server);
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  [ttsnc, kthtdt, reviewer, admin] = await Promise.all([
    staffMember(t, 'lan-ttsnc', 'unit', 'ttsnc'),
    staffMember(t, 'minh-kthtdt', 'unit', 'kt-ht-dt'),
    staffMember(t, 'vhxh', 'reviewer'),
    staffMember(t, 'admin', 'admin'),
  ]);
});
afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

/** Cookie writes must come from the server's own origin (CSRF guard). */
const headersOf = (who?: { headers: Record<string, string> }) => (who ? { ...who.headers, origin: base } : {});
const upload = (who: Member | undefined, bytes: Uint8Array, hash = sha256(bytes)) =>
  fetch(`${base}/api/v1/unit-files/${hash}`, { method: 'PUT', headers: { ...headersOf(who), 'content-type': 'application/octet-stream' }, body: new Uint8Array(bytes) });
const read = (headers: Record<string, string>, hash: string) => fetch(`${base}/api/v1/unit-files/${hash}`, { headers });
const sync = async (who: Member, events: unknown[]) => {
  const res = await fetch(`${base}/api/v1/units/sync`, { method: 'POST', headers: { ...headersOf(who), 'content-type': 'application/json' }, body: JSON.stringify({ deviceId: UNIT_DEVICE, events }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: Array<{ status: string; error?: { code: string } }> }).results;
};
const filesDir = () => join(t.dir, 'files');
const storedNames = () => {
  try {
    return readdirSync(filesDir());
  } catch {
    return [];
  }
};

describe('evidence files', () => {
  it('are stored once, without their GPS data, however often the phone sends them', async () => {
    const photo = jpegWithGps();
    const first = await upload(ttsnc, photo);
    expect(first.status).toBe(201);
    const stored = (await first.json()) as { sha256: string; sentSha256: string; type: string; bytes: number };
    expect(stored).toEqual({ sha256: sha256(PLAIN_JPEG), sentSha256: sha256(photo), type: 'image/jpeg', bytes: PLAIN_JPEG.length });
    // The answer was lost: the phone sends it again, twice at once.
    const again = await Promise.all([upload(ttsnc, photo), upload(ttsnc, photo)]);
    expect(again.map((r) => r.status)).toEqual([200, 200]);
    for (const r of again) expect(((await r.json()) as { sha256: string }).sha256).toBe(stored.sha256);
    expect(await t.count('stored_files')).toBe(1);
    expect(storedNames()).toEqual([stored.sha256]);
    // Private to the server's user, like the database.
    expect(statSync(filesDir()).mode & 0o777).toBe(0o700);
    expect(statSync(join(filesDir(), stored.sha256)).mode & 0o777).toBe(0o600);

    const served = await read(reviewer.headers, stored.sha256);
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(served.headers.get('content-disposition')).toMatch(/^inline; filename="minh-chung-[0-9a-f]{12}\.jpg"$/);
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(served.headers.get('cache-control')).toMatch(/no-store|private/);
    const body = new Uint8Array(await served.arrayBuffer());
    expect(hasLocation(body)).toBe(false);
    expect(sha256(body)).toBe(stored.sha256);
    // One audit entry for the unit's new file, none for the resends.
    expect((await t.engine.get(sql`SELECT COUNT(*) AS n FROM audit_log WHERE action = 'unit.file_uploaded'`) as { n: number }).n).toBe(1);
  });

  it('are read only by the unit that uploaded them and the office', async () => {
    const res = await upload(ttsnc, PLAIN_PDF);
    expect(res.status).toBe(201);
    const { sha256: hash } = (await res.json()) as { sha256: string };
    const learner = await registerLearner(t);
    const guide = await createGuide(t, 'guide-to-1', ['tdp-1']);
    const statuses = {
      anonymous: (await read({}, hash)).status,
      resident: (await read(learner.auth, hash)).status,
      guide: (await read(guide.headers, hash)).status,
      otherUnit: (await read(kthtdt.headers, hash)).status,
      ownUnit: (await read(ttsnc.headers, hash)).status,
      reviewer: (await read(reviewer.headers, hash)).status,
      admin: (await read(admin.headers, hash)).status,
    };
    expect(statuses).toEqual({ anonymous: 401, resident: 401, guide: 403, otherUnit: 403, ownUnit: 200, reviewer: 200, admin: 200 });
    const pdf = await read(admin.headers, hash);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment; /);
    // Only unit officers upload.
    expect((await upload(reviewer, pngWithMetadata())).status).toBe(403);
    expect((await upload(undefined, pngWithMetadata())).status).toBe(401);
    expect(await t.count('stored_files')).toBe(1);
  });

  it('refuse a wrong type, a wrong hash or a body past the limit with a JSON error, storing nothing', async () => {
    const refusals = [
      [await upload(ttsnc, Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')), 415, 'unsupported_type'],
      [await upload(ttsnc, Buffer.from('GIF89a\x01\x00\x01\x00')), 415, 'unsupported_type'],
      [await upload(ttsnc, PLAIN_JPEG.subarray(0, 60)), 400, 'invalid_file'],
      [await upload(ttsnc, PLAIN_JPEG, sha256(PLAIN_PDF)), 400, 'hash_mismatch'],
      [await upload(ttsnc, PLAIN_JPEG, 'not-a-hash'), 400, 'invalid_request'],
      [await upload(ttsnc, new Uint8Array(0)), 400, 'empty_file'],
    ] as const;
    for (const [res, status, code] of refusals) {
      expect(res.status, code).toBe(status);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    }
    // Past the limit, announced or streamed: refused while reading, and the connection is not reused.
    const big = new Uint8Array(MAX_STORED_FILE_BYTES + 1);
    big.set(PLAIN_JPEG);
    const announced = await upload(ttsnc, big);
    expect(announced.status).toBe(413);
    expect(announced.headers.get('connection')).toBe('close');
    expect(((await announced.json()) as { error: { code: string } }).error.code).toBe('file_too_large');
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        for (let i = 0; i < 9; i++) controller.enqueue(new Uint8Array(MAX_STORED_FILE_BYTES / 8));
        controller.close();
      },
    });
    const streamed = await fetch(`${base}/api/v1/unit-files/${sha256(big)}`, { method: 'PUT', headers: { ...headersOf(ttsnc), 'content-type': 'application/octet-stream' }, body: stream, duplex: 'half' } as RequestInit);
    expect(streamed.status).toBe(413);
    expect(await t.count('stored_files')).toBe(0);
    expect(await t.count('unit_files')).toBe(0);
    expect(storedNames()).toEqual([]);
  });

  it('are named by activities only after their unit uploaded them; the list returns them', async () => {
    const photo = jpegWithGps();
    const ref = { sha256: sha256(photo), type: 'image/jpeg', bytes: photo.length, name: 'bang-ron.jpg' };
    const early = activityRecorded(ttsnc, 'ttsnc', { formCode: '2.3', subFormId: 'banner', title: 'Băng rôn đường Trần Phú', files: [ref] });
    expect((await sync(ttsnc, [early])).map((r) => `${r.status}:${r.error?.code}`)).toEqual(['rejected:unknown_file']);
    expect(await t.count('unit_activities')).toBe(0);

    expect((await upload(ttsnc, photo)).status).toBe(201);
    const banner = activityRecorded(ttsnc, 'ttsnc', { formCode: '2.3', subFormId: 'banner', title: 'Băng rôn đường Trần Phú', files: [ref] });
    expect((await sync(ttsnc, [banner])).map((r) => r.status)).toEqual(['accepted']);
    // Another unit cannot claim the file by its hash.
    const claim = activityRecorded(kthtdt, 'kt-ht-dt', { files: [ref] });
    expect((await sync(kthtdt, [claim])).map((r) => r.error?.code)).toEqual(['unknown_file']);

    const list = async () => (await (await fetch(`${base}/api/v1/units/ttsnc/activities`, { headers: reviewer.headers })).json()) as { activities: Array<{ title: string; files: unknown[] }> };
    const named = (await list()).activities.find((a) => a.title === 'Băng rôn đường Trần Phú')!;
    expect(named.files).toEqual([{ sha256: sha256(PLAIN_JPEG), type: 'image/jpeg', bytes: PLAIN_JPEG.length, name: 'bang-ron.jpg' }]);

    // A correction without a files list keeps them; an empty list removes them.
    const { id: _id, type: _type, files: _files, ...fields } = banner as Record<string, unknown>;
    const corrected = (extra: Record<string, unknown>) => ({ ...fields, ...extra, id: crypto.randomUUID(), type: 'activity.corrected', reason: 'Sửa tiêu đề' });
    expect((await sync(ttsnc, [corrected({ title: 'Băng rôn đường Trần Phú (2 chiếc)' })])).map((r) => r.status)).toEqual(['accepted']);
    expect((await list()).activities[0].files).toHaveLength(1);
    expect((await sync(ttsnc, [corrected({ files: [] })])).map((r) => r.status)).toEqual(['accepted']);
    expect((await list()).activities[0].files).toEqual([]);
  });
});
