// Guide-recorded lesson audio and the file store under it, run the same way
// on a SQLite file and on a throw-away PostgreSQL cluster: a recording kept
// once by the hash of its bytes however often it is sent, the record naming
// it taken through the record pipeline (refused before its upload or for
// another guide's file), reviewed, and read by the public only once
// approved; then files nobody names pruned after the grace period while a
// recording's file stays.
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../../shared/ids.ts';
import type { Engine } from '../../server/db/engine/engine.ts';
import { storedFiles, users } from '../../server/db/schema/index.ts';
import { createFileStore, type FileStore } from '../../server/files/file-store.ts';
import { GRACE_MS, pruneFiles } from '../../server/files/prune.ts';
import { createLessonAudioProjection } from '../../server/lesson-audio/projection.ts';
import { createLessonAudio, type LessonAudio } from '../../server/lesson-audio/store.ts';
import { createRecordPipeline, type RecordPipeline } from '../../server/records/pipeline.ts';
import { PLAIN_PDF, sha256 } from '../support/crafted-images.ts';
import { webmAudio } from '../support/crafted-audio.ts';
import { ENGINES, testEngines } from '../support/engines.ts';

const engines = testEngines();
const START = Date.parse('2026-11-20T03:00:00Z');
const DAY = 86_400_000;
const DEVICE = 'guide-phone-0001';
const COURSES = [{ id: 'cyber-safety', skill: 'safety', lessons: [{ id: 'otp' }, { id: 'scam-calls' }] }];
const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});

describe.each(ENGINES)('lesson audio and the file store on %s', (kind) => {
  let engine: Engine;
  let files: FileStore;
  let audio: LessonAudio;
  let pipeline: RecordPipeline;
  let dir: string;
  let now = START;
  const recording = webmAudio();
  const recorded = (by: string, bytes: Uint8Array, overrides: Record<string, unknown> = {}) => ({
    id: uuidv7(),
    type: 'audio.recorded',
    recordedBy: by,
    deviceId: DEVICE,
    occurredAt: new Date(now - 60_000).toISOString(),
    courseId: 'cyber-safety',
    lessonId: 'otp',
    step: 1,
    lang: 'vi',
    contentVersion: 'abc123',
    durationSec: 12,
    file: { sha256: sha256(bytes), type: 'audio/webm', bytes: bytes.length },
    ...overrides,
  });
  const send = (by: string, records: unknown[]) => pipeline.guide.ingest({ by: { id: by, deviceId: DEVICE }, records, receivedAt: now });

  beforeAll(async () => {
    engine = await engines.fresh(kind);
    dir = mkdtempSync(join(tmpdir(), 'hvs-files-'));
    dirs.push(dir);
    files = createFileStore(engine, dir, () => now);
    audio = createLessonAudio(engine, files, () => now);
    pipeline = createRecordPipeline(engine, [createLessonAudioProjection(audio, COURSES)]);
    const staff = (id: string, displayName: string, role: 'guide' | 'reviewer') => ({ id, username: id, displayName, role, passwordHash: 'x', createdAt: START, disabled: false });
    await engine.db.insert(users).values([staff('hoa', 'Hoa', 'guide'), staff('nam', 'Nam', 'guide'), staff('vhxh', 'Lan (VH-XH)', 'reviewer')]);
  }, 60_000);

  it('keeps a file once by the hash of its bytes, however often it is sent', async () => {
    const first = await audio.upload('hoa', recording, sha256(recording));
    expect(first.linked).toBe(true);
    expect(first.file).toMatchObject({ sha256: sha256(recording), type: 'audio/webm', bytes: recording.length });
    expect((await audio.upload('hoa', recording, sha256(recording))).linked).toBe(false);
    const again = await files.put(PLAIN_PDF, sha256(PLAIN_PDF));
    expect(again.created).toBe(true);
    expect((await files.put(PLAIN_PDF, sha256(PLAIN_PDF))).created).toBe(false);
    expect(await engine.db.select().from(storedFiles)).toHaveLength(2);
    expect(readdirSync(dir).sort()).toEqual([sha256(PLAIN_PDF), sha256(recording)].sort());
    expect(await files.find(sha256(recording))).toEqual({ sha256: sha256(recording), type: 'audio/webm', bytes: recording.length });
    expect((await files.read(sha256(recording)))!.body).toEqual(Buffer.from(recording));
    expect(await files.find('f'.repeat(64))).toBeUndefined();
  });

  it('records a recording through the pipeline once its guide uploaded it, and refuses the rest', async () => {
    const early = webmAudio(2);
    const [notUploaded, othersFile, unknownLesson, good] = await Promise.all([
      send('hoa', [recorded('hoa', early)]),
      send('nam', [recorded('nam', recording)]),
      send('hoa', [recorded('hoa', recording, { lessonId: 'nowhere' })]),
      send('hoa', [recorded('hoa', recording)]),
    ]);
    expect(notUploaded[0]).toMatchObject({ status: 'rejected', error: { code: 'unknown_file' } });
    expect(othersFile[0]).toMatchObject({ status: 'rejected', error: { code: 'unknown_file' } });
    expect(unknownLesson[0]).toMatchObject({ status: 'rejected', error: { code: 'unknown_lesson' } });
    expect(good[0]).toMatchObject({ status: 'accepted' });
    const [listed] = await audio.list('submitted');
    expect(listed).toMatchObject({ courseId: 'cyber-safety', lessonId: 'otp', step: 1, lang: 'vi', guide: 'Hoa', sha256: sha256(recording), status: 'submitted', reviewedBy: null });
    expect(await audio.list()).toHaveLength(1);
  });

  it('is read by the public only once a reviewer approved it', async () => {
    const [listed] = await audio.list();
    expect(await audio.isApproved(sha256(recording))).toBe(false);
    expect((await audio.approvedOf('cyber-safety')).recordings).toEqual([]);
    now += 1_000;
    const approved = await audio.review(listed.id, 'approved', 'vhxh');
    expect(approved).toMatchObject({ changed: true, recording: { status: 'approved', reviewedBy: 'vhxh', reviewedAt: now } });
    expect((await audio.review(listed.id, 'approved', 'vhxh'))!.changed).toBe(false);
    expect(await audio.review(uuidv7(), 'rejected', 'vhxh')).toBeUndefined();
    expect(await audio.isApproved(sha256(recording))).toBe(true);
    expect(await audio.approvedOf('cyber-safety')).toEqual({
      courseId: 'cyber-safety',
      recordings: [{ lessonId: 'otp', step: 1, lang: 'vi', sha256: sha256(recording), type: 'audio/webm', bytes: recording.length }],
    });
  });

  it('prunes a file nobody names after the grace period, and keeps the recording', async () => {
    expect(await pruneFiles(engine, dir, now + GRACE_MS - DAY)).toEqual({ unnamed: 0, strays: 0, bytes: 0 });
    const result = await pruneFiles(engine, dir, now + GRACE_MS + DAY);
    expect(result).toEqual({ unnamed: 1, strays: 0, bytes: PLAIN_PDF.length });
    expect((await engine.db.select({ sha256: storedFiles.sha256 }).from(storedFiles)).map((f) => f.sha256)).toEqual([sha256(recording)]);
    expect(readdirSync(dir)).toEqual([sha256(recording)]);
    expect(await files.find(sha256(PLAIN_PDF))).toBeUndefined();
  });
});
