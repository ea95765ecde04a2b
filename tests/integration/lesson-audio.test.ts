// Guide-recorded lesson audio over real HTTP (the app served by
// @hono/node-server) and real SQLite: a recording is stored once however
// often it is sent, its type comes from its first bytes, the record naming it
// goes through the guide family's pipeline, and residents (anyone) read only
// what a reviewer approved; approving and rejecting are audited.
import { sql } from 'drizzle-orm';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids.ts';
import { MAX_AUDIO_BYTES } from '../../shared/lesson-audio/audio-types.ts';
import { answerClientErrors, createApiServer } from '../../server/http/client-error.ts';
import { createCatalog } from '../../server/resident/catalog.ts';
import { PLAIN_JPEG, sha256 } from '../support/crafted-images.ts';
import { mp4Audio, oggAudio, webmAudio } from '../support/crafted-audio.ts';
import { setupTestApp, type TestApp } from './helpers.ts';
import { createGuide, GUIDE_DEVICE, type Guide } from './guide-support.ts';
import { staffMember, type Member } from './unit-support.ts';

const catalog = createCatalog({ courses: [{ id: 'cyber-safety', skill: 'safety', title: { vi: 'An toàn', en: 'Safety' }, lessons: [{ id: 'otp' }, { id: 'scam-calls' }] }] });

let t: TestApp;
let server: ServerType;
let base: string;
let guide: Guide;
let reviewer: Member;

beforeEach(async () => {
  t = setupTestApp({ catalog });
  server = serve({ fetch: t.app.fetch, hostname: '127.0.0.1', port: 0, createServer: createApiServer });
  answerClientErrors(server);
  await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', () => resolve())));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  [guide, reviewer] = await Promise.all([createGuide(t, 'hoa', ['tdp-1']), staffMember(t, 'vhxh', 'reviewer')]);
});
afterEach(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

const headersOf = (who?: { headers: Record<string, string> }) => (who ? { ...who.headers, origin: base } : {});
const upload = (who: { headers: Record<string, string> } | undefined, bytes: Uint8Array, hash = sha256(bytes)) =>
  fetch(`${base}/api/v1/lesson-audio/files/${hash}`, { method: 'PUT', headers: { ...headersOf(who), 'content-type': 'application/octet-stream' }, body: new Uint8Array(bytes) });
const post = (who: Member, path: string) => fetch(`${base}${path}`, { method: 'POST', headers: { ...headersOf(who), 'content-type': 'application/json' }, body: '{}' });
const recorded = (bytes: Uint8Array, overrides: Record<string, unknown> = {}) => ({
  id: uuidv7(),
  type: 'audio.recorded',
  recordedBy: guide.id,
  deviceId: GUIDE_DEVICE,
  occurredAt: '2025-06-01T09:00:00+07:00',
  courseId: 'cyber-safety',
  lessonId: 'otp',
  step: 1,
  lang: 'vi',
  contentVersion: 'abc123',
  durationSec: 12,
  file: { sha256: sha256(bytes), type: 'audio/webm', bytes: bytes.length },
  ...overrides,
});
const sync = async (events: unknown[]) => {
  const res = await fetch(`${base}/api/v1/guide/sync`, { method: 'POST', headers: { ...headersOf(guide), 'content-type': 'application/json' }, body: JSON.stringify({ deviceId: GUIDE_DEVICE, events }) });
  expect(res.status).toBe(200);
  return ((await res.json()) as { results: Array<{ status: string; error?: { code: string } }> }).results;
};
const publicList = async () => (await (await fetch(`${base}/api/v1/lesson-audio/courses/cyber-safety`)).json()) as { recordings: Array<{ lessonId: string; step: number; sha256: string }> };

describe('lesson recordings', () => {
  it('are stored once however often the phone sends them, and the record after the file is accepted once', async () => {
    const audio = webmAudio();
    const first = await upload(guide, audio);
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ sha256: sha256(audio), sentSha256: sha256(audio), type: 'audio/webm', bytes: audio.length });
    const again = await Promise.all([upload(guide, audio), upload(guide, audio)]);
    expect(again.map((r) => r.status)).toEqual([200, 200]);
    expect(await t.count('stored_files')).toBe(1);

    const record = recorded(audio);
    expect((await sync([record]))[0].status).toBe('accepted');
    expect((await sync([record]))[0].status).toBe('duplicate');
    expect(await t.count('lesson_audio')).toBe(1);
    // Ogg and MP4 (an iPhone's recorder) are taken too.
    expect((await upload(guide, oggAudio())).status).toBe(201);
    expect(((await (await upload(guide, mp4Audio())).json()) as { type: string }).type).toBe('audio/mp4');
  });

  it('refuse what is not audio, a wrong hash, an oversized file, and changes nothing', async () => {
    const photo = await upload(guide, PLAIN_JPEG);
    expect(photo.status).toBe(415);
    expect(await photo.json()).toMatchObject({ error: { code: 'unsupported_type' } });
    const text = new TextEncoder().encode('1A45DFA3 is not the header, these are letters');
    expect((await upload(guide, text)).status).toBe(415);
    // Begins like WebM but names no WebM or Matroska doc type.
    const fake = webmAudio().map((b, i) => (i >= 16 && i < 20 ? 0x20 : b));
    expect((await upload(guide, fake)).status).toBe(400);
    expect((await upload(guide, webmAudio(2), sha256(webmAudio(3)))).status).toBe(400);
    const huge = new Uint8Array(MAX_AUDIO_BYTES + 1);
    huge.set(webmAudio().subarray(0, 40));
    const tooLarge = await upload(guide, huge);
    expect(tooLarge.status).toBe(413);
    expect(await tooLarge.json()).toMatchObject({ error: { code: 'file_too_large' } });
    expect((await upload(guide, new Uint8Array(0), sha256(new Uint8Array(0)))).status).toBe(400);
    expect(await t.count('stored_files')).toBe(0);
    // Only guides upload.
    expect((await upload(reviewer, webmAudio())).status).toBe(403);
    expect((await upload(undefined, webmAudio())).status).toBe(401);
  });

  it('a record naming a file the guide did not upload, or a lesson the catalogue lacks, is refused', async () => {
    const audio = webmAudio();
    expect((await sync([recorded(audio)]))[0].error?.code).toBe('unknown_file');
    const other = await createGuide(t, 'binh', ['tdp-2']);
    expect((await upload(other, audio)).status).toBe(201);
    expect((await sync([recorded(audio)]))[0].error?.code).toBe('unknown_file');
    expect((await upload(guide, audio)).status).toBe(201);
    expect((await sync([recorded(audio, { lessonId: 'no-such-lesson' })]))[0].error?.code).toBe('unknown_lesson');
    expect((await sync([recorded(audio, { step: 61 })]))[0].status).toBe('rejected');
    expect(await t.count('lesson_audio')).toBe(0);
  });

  it('are public only once approved; the reviewer listens to any, and the decision is audited', async () => {
    const audio = webmAudio();
    await upload(guide, audio);
    const record = recorded(audio);
    await sync([record]);
    const hash = sha256(audio);

    // Submitted: nobody outside the office hears it.
    expect((await fetch(`${base}/api/v1/lesson-audio/files/${hash}`)).status).toBe(404);
    expect((await fetch(`${base}/api/v1/lesson-audio/files/${hash}`, { headers: guide.headers })).status).toBe(404);
    expect((await publicList()).recordings).toEqual([]);
    const list = await fetch(`${base}/api/v1/lesson-audio/recordings?status=submitted`, { headers: reviewer.headers });
    expect(((await list.json()) as { recordings: Array<{ id: string; guide: string }> }).recordings).toEqual([expect.objectContaining({ id: record.id, guide: 'HOA', status: 'submitted', step: 1 })]);
    const listen = await fetch(`${base}/api/v1/lesson-audio/recordings/${record.id}/audio`, { headers: reviewer.headers });
    expect(listen.status).toBe(200);
    expect(listen.headers.get('content-type')).toBe('audio/webm');
    expect(new Uint8Array(await listen.arrayBuffer())).toEqual(audio);
    expect((await fetch(`${base}/api/v1/lesson-audio/recordings/${record.id}/audio`, { headers: guide.headers })).status).toBe(403);
    expect((await fetch(`${base}/api/v1/lesson-audio/recordings?status=maybe`, { headers: reviewer.headers })).status).toBe(400);

    const approved = await post(reviewer, `/api/v1/lesson-audio/recordings/${record.id}/approve`);
    expect(approved.status).toBe(200);
    expect(await approved.json()).toMatchObject({ status: 'approved', reviewedBy: expect.any(String) });
    // A repeated tap changes nothing and writes no second entry.
    expect((await post(reviewer, `/api/v1/lesson-audio/recordings/${record.id}/approve`)).status).toBe(200);

    const served = await fetch(`${base}/api/v1/lesson-audio/files/${hash}`);
    expect(served.status).toBe(200);
    expect(served.headers.get('x-content-type-options')).toBe('nosniff');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(audio);
    expect((await publicList()).recordings).toEqual([{ lessonId: 'otp', step: 1, lang: 'vi', sha256: hash, type: 'audio/webm', bytes: audio.length }]);

    // Withdrawn: public no more.
    expect((await post(reviewer, `/api/v1/lesson-audio/recordings/${record.id}/reject`)).status).toBe(200);
    expect((await fetch(`${base}/api/v1/lesson-audio/files/${hash}`)).status).toBe(404);
    expect((await publicList()).recordings).toEqual([]);

    const actions = await t.engine.all(sql`SELECT action FROM audit_log WHERE action LIKE 'lesson_audio.%' OR action = 'guide.audio_recorded' ORDER BY id`);
    expect(actions).toEqual([{ action: 'guide.audio_recorded' }, { action: 'lesson_audio.approved' }, { action: 'lesson_audio.rejected' }]);
    expect((await post(reviewer, `/api/v1/lesson-audio/recordings/${uuidv7()}/approve`)).status).toBe(404);
    expect((await post(reviewer, `/api/v1/lesson-audio/recordings/nonsense/approve`)).status).toBe(404);
  });

  it('a newer approved recording of the same screen replaces the older one for residents', async () => {
    const [a, b] = [webmAudio(4), webmAudio(5)];
    await upload(guide, a);
    await upload(guide, b);
    const [ra, rb] = [recorded(a), recorded(b)];
    await sync([ra, rb]);
    await post(reviewer, `/api/v1/lesson-audio/recordings/${ra.id}/approve`);
    t.clock.now += 1000;
    await post(reviewer, `/api/v1/lesson-audio/recordings/${rb.id}/approve`);
    expect((await publicList()).recordings.map((r) => r.sha256)).toEqual([sha256(b)]);
    expect((await fetch(`${base}/api/v1/lesson-audio/courses/NOT%20A%20SLUG`)).status).toBe(400);
  });
});
