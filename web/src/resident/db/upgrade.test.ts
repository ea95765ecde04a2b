// A phone that learned on version 1 of the database must keep every lesson,
// every unsent event and its identity after the app updates to version 2.
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase } from './database.ts';
import { createIdentityRepo } from './identity-repo.ts';
import { createOutboxRepo } from './outbox-repo.ts';
import { createProgressRepo } from './progress-repo.ts';

const names: string[] = [];
afterEach(async () => {
  for (const name of names.splice(0)) await Dexie.delete(name);
});

/** Version 1 exactly as it shipped, filled the way the version-1 app filled it. */
async function shippedVersion1(name: string) {
  const v1 = new Dexie(name);
  v1.version(1).stores({ meta: 'key', progress: '[learnerId+courseId+lessonId], learnerId', outbox: 'id, createdAt, state' });
  const learnerId = '0196f1a2-1111-7000-8000-000000000001';
  const event = (id: string, lessonId: string) => ({
    id,
    type: 'lesson.completed',
    learnerId,
    deviceId: 'device-0001',
    occurredAt: '2025-05-01T07:00:00.000Z',
    courseId: 'public-services',
    lessonId,
    contentVersion: 'abc',
    score: 80,
    durationSec: 60,
  });
  await v1.table('meta').bulkPut([
    { key: 'learnerId', value: learnerId },
    { key: 'secret', value: 'S'.repeat(43) },
    { key: 'deviceId', value: 'device-0001' },
    { key: 'registered', value: true },
    { key: 'lastSyncedAt', value: '2025-05-01T07:05:00.000Z' },
  ]);
  await v1.table('progress').bulkPut([
    { learnerId, courseId: 'public-services', lessonId: 'what-is-vneid', status: 'completed', score: 100, completedAt: '2025-04-30T07:00:00.000Z', startedAt: '2025-04-30T06:50:00.000Z' },
    { learnerId, courseId: 'public-services', lessonId: 'vneid-levels', status: 'completed', score: 80, completedAt: '2025-05-01T07:00:00.000Z', startedAt: '2025-05-01T06:50:00.000Z' },
    { learnerId, courseId: 'public-services', lessonId: 'portal', status: 'started', score: null, completedAt: null, startedAt: '2025-05-01T07:10:00.000Z' },
  ]);
  await v1.table('outbox').bulkPut([
    { id: '0196f1a2-2222-7000-8000-000000000001', event: event('0196f1a2-2222-7000-8000-000000000001', 'vneid-levels'), createdAt: 1, attempts: 2, state: 'pending', lastError: 'offline' },
    { id: '0196f1a2-2222-7000-8000-000000000002', event: event('0196f1a2-2222-7000-8000-000000000002', 'what-is-vneid'), createdAt: 2, attempts: 1, state: 'dead', lastError: 'rejected' },
  ]);
  v1.close();
  return { learnerId };
}

describe('database upgrade 1 → 2', () => {
  it('keeps identity, progress and the outbox, and moves the identity into the first profile', async () => {
    const name = `upgrade-test-${Date.now()}`;
    names.push(name);
    const { learnerId } = await shippedVersion1(name);

    const db = openDatabase(name);
    const me = await createIdentityRepo(db).getIdentity();
    expect(db.verno).toBe(2);
    expect(me).toEqual({ learnerId, secret: 'S'.repeat(43), deviceId: 'device-0001', registered: true });
    expect(await createIdentityRepo(db).getLastSyncedAt()).toBe('2025-05-01T07:05:00.000Z');

    const progress = await createProgressRepo(db).listProgress(learnerId);
    expect(progress.map((r) => [r.lessonId, r.status, r.score])).toEqual([
      ['portal', 'started', null],
      ['vneid-levels', 'completed', 80],
      ['what-is-vneid', 'completed', 100],
    ]);

    const outbox = createOutboxRepo(db);
    const pending = await outbox.listPending(learnerId);
    expect(pending.map((r) => [(r.event as { lessonId?: string }).lessonId, r.attempts, r.learnerId])).toEqual([['vneid-levels', 2, learnerId]]);
    expect(await outbox.listDead(learnerId)).toHaveLength(1);
    expect(await outbox.countPendingLessons(learnerId)).toBe(1);
    // The old identity keys are gone from meta, so nothing reads a stale copy.
    expect((await db.meta.toArray()).map((r) => r.key).sort()).toEqual(['activeLearnerId', 'deviceId']);
    db.close();
  });

  it('a fresh install starts directly at version 2 with no profile until one is needed', async () => {
    const name = `upgrade-fresh-${Date.now()}`;
    names.push(name);
    const db = openDatabase(name);
    await db.open();
    expect(await db.profiles.count()).toBe(0);
    await createIdentityRepo(db).getIdentity();
    expect(await db.profiles.count()).toBe(1);
    db.close();
  });
});
