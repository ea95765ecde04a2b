// Evidence files nobody names are removed after the grace period
// (server/files/prune.ts), over the real upload route and real SQLite: what
// an activity names now, or named in any record ever stored, stays; an upload
// no record ever named goes, row and bytes; so do files a crash left without
// a row. A file uploaded again restarts its grace.
import { sql } from 'drizzle-orm';
import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GRACE_MS, pruneFiles } from '../../server/files/prune.ts';
import { jpegWithGps, PLAIN_PDF, pngWithMetadata, sha256 } from '../support/crafted-images.ts';
import { login, setupTestApp, type TestApp } from './helpers.ts';
import { activityRecorded, staffMember, unitSync, type Member } from './unit-support.ts';

let t: TestApp;
let officer: Member;
beforeEach(async () => {
  t = setupTestApp();
  officer = await staffMember(t, 'lan-ttsnc', 'unit', 'ttsnc');
});
afterEach(() => t.close());

const DAY = 24 * 60 * 60 * 1000;
const filesDir = () => join(t.dir, 'files');
const upload = (bytes: Uint8Array) =>
  t.request(`/api/v1/unit-files/${sha256(bytes)}`, { method: 'PUT', headers: { ...officer.headers, 'content-type': 'application/octet-stream' }, body: new Uint8Array(bytes) });
const stored = async () => (await t.engine.all(sql`SELECT sha256 FROM stored_files ORDER BY sha256`) as { sha256: string }[]).map((r) => r.sha256);
const ref = (bytes: Uint8Array, name: string, type: string) => ({ sha256: sha256(bytes), type, bytes: bytes.length, name });

describe('files nobody names', () => {
  it('go after the grace period, row and bytes; named ones stay, and so do those a record ever named', async () => {
    const banner = jpegWithGps();
    const poster = pngWithMetadata();
    const unused = PLAIN_PDF;
    for (const file of [banner, poster, unused]) expect((await upload(file)).status).toBe(201);
    const kept = activityRecorded(officer, 'ttsnc', { formCode: '2.3', subFormId: 'banner', files: [ref(banner, 'bang-ron.jpg', 'image/jpeg')] });
    const later = activityRecorded(officer, 'ttsnc', { formCode: '2.3', subFormId: 'banner', title: 'Áp phích', files: [ref(poster, 'ap-phich.png', 'image/png')] });
    await unitSync(t, officer, [kept, later]);
    // The poster's activity is corrected to name no file: its first version still does.
    const { id: _id, type: _type, files: _files, ...fields } = later as Record<string, unknown>;
    await unitSync(t, officer, [{ ...fields, id: crypto.randomUUID(), type: 'activity.corrected', reason: 'Bỏ ảnh', files: [] }]);
    expect(await t.count('unit_activity_files')).toBe(1);
    expect(await stored()).toHaveLength(3);
    const unusedHash = sha256(unused);

    // Within the grace period nothing goes: the record naming a file may still be on a phone.
    expect(await pruneFiles(t.engine, filesDir(), t.clock.now + GRACE_MS - DAY)).toEqual({ unnamed: 0, strays: 0, bytes: 0 });
    expect(await stored()).toHaveLength(3);

    const after = t.clock.now + GRACE_MS + DAY;
    const result = await pruneFiles(t.engine, filesDir(), after);
    expect(result).toMatchObject({ unnamed: 1, strays: 0 });
    expect(result.bytes).toBe(unused.length);
    expect(await stored()).not.toContain(unusedHash);
    expect(await stored()).toHaveLength(2);
    expect(existsSync(join(filesDir(), unusedHash))).toBe(false);
    expect(await t.count('unit_files')).toBe(2);
    // Sent again that day, it is stored again, and its grace starts again.
    t.clock.now = after;
    officer = { ...officer, headers: { ...officer.headers, cookie: await login(t, 'lan-ttsnc', 'correct horse battery') } };
    expect((await upload(unused)).status).toBe(201);
    expect((await pruneFiles(t.engine, filesDir(), after)).unnamed).toBe(0);
    expect(await stored()).toContain(unusedHash);
  });

  it('removes files a crash left without a row, once they are a day old, and never one being written', async () => {
    const dir = filesDir();
    const orphan = 'a'.repeat(64);
    const temp = '.upload-0123456789abcdef';
    const fresh = 'b'.repeat(64);
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    for (const name of [orphan, temp, fresh]) writeFileSync(join(dir, name), 'x');
    const twoDaysAgo = new Date(Date.now() - 2 * DAY);
    utimesSync(join(dir, orphan), twoDaysAgo, twoDaysAgo);
    utimesSync(join(dir, temp), twoDaysAgo, twoDaysAgo);
    expect(await pruneFiles(t.engine, dir, Date.now())).toEqual({ unnamed: 0, strays: 2, bytes: 2 });
    expect(readdirSync(dir)).toEqual([fresh]);
  });
});
