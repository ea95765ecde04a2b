// The guide phone's household records and lesson recordings: each local change comes with its
// outbox event, a learner is in one household at a time, and relinking to the
// same household queues nothing. A v1 database (made before households
// existed) opens as v2 with its queue intact.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { guideEventSchema } from '../../../shared/events.ts';
import { openGuideDatabase, type GuideDatabase } from './db.ts';
import { createGuideRepo } from './guide-repo.ts';
import { uploadPendingFiles } from '../unit/file-upload.ts';

const me = { guideId: 'guide-lan', deviceId: 'guide-phone-0001' };
const LEARNER = '0197a000-0000-7000-8000-00000000000a';
let db: GuideDatabase | undefined;
afterEach(async () => {
  db?.close();
  if (db) await Dexie.delete(db.name);
});

describe('guide repo: households', () => {
  it('creates a household and links a learner, each with a valid outbox event, moving the learner between households', async () => {
    db = openGuideDatabase(`t-${crypto.randomUUID()}`);
    const repo = createGuideRepo(db);
    // One second apart: the outbox is sent in the order things happened.
    const at = (s: number) => new Date(Date.UTC(2025, 5, 1, 2, 0, s));
    const a = await repo.createHousehold(me, { groupId: 'tdp-1', label: ' Số 12, ngõ 5 ' }, at(1));
    const b = await repo.createHousehold(me, { groupId: 'tdp-1', label: 'Số 14, ngõ 5' }, at(2));
    await repo.createHousehold(me, { groupId: 'tdp-2', label: 'Số 1, ngõ 9' }, at(3));
    expect(await repo.linkToHousehold(me, a, LEARNER, at(4))).toBe(true);
    expect(await repo.linkToHousehold(me, a, LEARNER, at(5))).toBe(false);
    expect(await repo.linkToHousehold(me, b, LEARNER, at(6))).toBe(true);

    expect((await repo.listHouseholds('tdp-1')).map((h) => [h.label, h.members])).toEqual([
      ['Số 12, ngõ 5', []],
      ['Số 14, ngõ 5', [LEARNER]],
    ]);
    const events = (await repo.outbox.listPending()).map((r) => r.event);
    expect(events.map((e) => e.type)).toEqual(['household.created', 'household.created', 'household.created', 'household.linked', 'household.linked']);
    for (const e of events) expect(guideEventSchema.safeParse(e).success).toBe(true);
    expect(events[3]).toMatchObject({ householdId: a.id, learnerId: LEARNER, recordedBy: 'guide-lan' });
  });

  it('links to a household made on another phone without creating it again', async () => {
    db = openGuideDatabase(`t-${crypto.randomUUID()}`);
    const repo = createGuideRepo(db);
    const remote = { id: '0197a000-0000-7000-8000-0000000000ff', groupId: 'tdp-1', label: 'Số 2' };
    await repo.linkToHousehold(me, remote, LEARNER);
    expect((await repo.outbox.listPending()).map((r) => r.event.type)).toEqual(['household.linked']);
    expect((await repo.listHouseholds('tdp-1'))[0]).toMatchObject({ ...remote, members: [LEARNER] });
  });

  it('upgrades a version 1 database, keeping its queued events', async () => {
    const name = `t-${crypto.randomUUID()}`;
    const v1 = new Dexie(name);
    v1.version(1).stores({ meta: 'key', outbox: 'id, createdAt, state', sessions: 'id, code, startsAt', assisted: 'learnerId, sessionId, groupId', records: 'id, learnerId, sessionId' });
    await v1.table('outbox').add({ id: 'e1', event: { type: 'session.closed' }, createdAt: 1, attempts: 0, state: 'pending', lastError: null });
    v1.close();
    db = openGuideDatabase(name);
    const repo = createGuideRepo(db);
    expect(await repo.countPending()).toBe(1);
    await repo.createHousehold(me, { groupId: 'tdp-1', label: 'Số 4' });
    expect(await repo.countPending()).toBe(2);
  });
});

describe('guide repo: lesson recordings', () => {
  it('keeps the recording and its record in one go; the file is uploaded before the record, once, and its bytes then leave the phone', async () => {
    db = openGuideDatabase(`t-${crypto.randomUUID()}`);
    const repo = createGuideRepo(db);
    const blob = new Blob([new Uint8Array([0x1a, 0x45, 0xdf, 0xa3, 1, 2, 3])], { type: 'audio/webm' });
    const sha256 = 'a'.repeat(64);
    const take = { courseId: 'cyber-safety', lessonId: 'otp', step: 2, lang: 'vi' as const, contentVersion: 'abc123', durationSec: 14, sha256, type: 'audio/webm' as const, blob };
    await repo.recordAudio(me, take, new Date(Date.UTC(2025, 5, 1, 2, 0, 1)));
    // Kept again (the same bytes): one file, two records.
    await repo.recordAudio(me, take, new Date(Date.UTC(2025, 5, 1, 2, 0, 2)));
    const events = (await repo.outbox.listPending()).map((r) => r.event);
    expect(events.map((e) => e.type)).toEqual(['audio.recorded', 'audio.recorded']);
    for (const e of events) expect(guideEventSchema.safeParse(e).success).toBe(true);
    expect(events[0]).toMatchObject({ courseId: 'cyber-safety', lessonId: 'otp', step: 2, lang: 'vi', file: { sha256, type: 'audio/webm', bytes: 7 } });
    expect((await repo.audioOf('cyber-safety', 'otp')).map((a) => a.screen)).toEqual(['cyber-safety/otp/2/vi']);

    const sent: string[] = [];
    await uploadPendingFiles(repo, { putFile: async (hash) => void sent.push(hash) });
    await uploadPendingFiles(repo, { putFile: async (hash) => void sent.push(hash) });
    expect(sent).toEqual([sha256]);
    const [stored] = await repo.audioOf('cyber-safety', 'otp');
    expect(stored.state).toBe('uploaded');
    expect(stored.blob).toBeUndefined();
  });
});
