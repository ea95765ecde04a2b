import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type HvsDatabase } from './database.ts';
import { createIdentityRepo } from './identity-repo.ts';
import { createProgressRepo } from './progress-repo.ts';
import { createOutboxRepo } from './outbox-repo.ts';

let n = 0;
const dbs: HvsDatabase[] = [];
function freshDb() {
  const db = openDatabase(`progress-test-${n++}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const lesson = { courseId: 'public-services', lessonId: 'vneid-levels' };
const completion = { ...lesson, contentVersion: 'abc123', score: 75, durationSec: 240 };

describe('progress repo', () => {
  it('writes the progress row and its lesson.completed event together', async () => {
    const db = freshDb();
    const me = await createIdentityRepo(db).getIdentity();
    await createProgressRepo(db).recordCompleted(me, completion, new Date('2025-05-01T07:00:00Z'));

    const rows = await createProgressRepo(db).listProgress(me.learnerId);
    expect(rows).toMatchObject([{ ...lesson, status: 'completed', score: 75, completedAt: '2025-05-01T07:00:00.000Z' }]);
    const pending = await createOutboxRepo(db).listPending();
    expect(pending).toHaveLength(1);
    expect(pending[0].event).toMatchObject({
      type: 'lesson.completed',
      learnerId: me.learnerId,
      deviceId: me.deviceId,
      contentVersion: 'abc123',
      score: 75,
      durationSec: 240,
      occurredAt: '2025-05-01T07:00:00.000Z',
    });
    expect(pending[0].id).toBe(pending[0].event.id);
  });

  it('leaves neither row when the transaction fails', async () => {
    const db = freshDb();
    const me = await createIdentityRepo(db).getIdentity();
    // Make the outbox write fail after the progress row was put.
    db.outbox.hook('creating', () => {
      throw new Error('disk full');
    });
    await expect(createProgressRepo(db).recordCompleted(me, completion)).rejects.toThrow('disk full');
    expect(await db.progress.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('records lesson.started only the first time a lesson is opened', async () => {
    const db = freshDb();
    const me = await createIdentityRepo(db).getIdentity();
    const repo = createProgressRepo(db);
    await repo.recordStarted(me, lesson);
    await repo.recordStarted(me, lesson);
    const events = (await createOutboxRepo(db).listPending()).map((r) => r.event.type);
    expect(events).toEqual(['lesson.started']);
    expect(await repo.listProgress(me.learnerId)).toMatchObject([{ status: 'started', score: null }]);
  });

  it('keeps the best score when a lesson is done again, and queues each completion', async () => {
    const db = freshDb();
    const me = await createIdentityRepo(db).getIdentity();
    const repo = createProgressRepo(db);
    await repo.recordCompleted(me, { ...completion, score: 100 });
    await repo.recordCompleted(me, { ...completion, score: 50 });
    expect((await repo.listProgress(me.learnerId))[0].score).toBe(100);
    expect(await db.outbox.count()).toBe(2);
    expect(await createOutboxRepo(db).countPendingLessons()).toBe(1);
  });
});

describe('identity repo', () => {
  it('creates one anonymous identity on first launch and keeps it', async () => {
    const db = freshDb();
    const repo = createIdentityRepo(db);
    const [a, b] = await Promise.all([repo.getIdentity(), repo.getIdentity()]);
    expect(a).toEqual(b);
    expect(a.learnerId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.secret).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(a.deviceId).toMatch(/^[A-Za-z0-9_-]{8,64}$/);
    expect(a.registered).toBe(false);
    expect((await db.meta.toArray()).map((r) => r.key).sort()).toEqual(['activeLearnerId', 'deviceId']);
    // The profile holds the identity and nothing personal.
    const [profile] = await db.profiles.toArray();
    expect(profile).toMatchObject({ learnerId: a.learnerId, secret: a.secret, consent: null, pin: null });
    expect(Object.values(profile.details).every((v) => v === null)).toBe(true);
  });
});
