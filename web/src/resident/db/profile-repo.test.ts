import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type HvsDatabase } from './database.ts';
import { createIdentityRepo } from './identity-repo.ts';
import { createOutboxRepo } from './outbox-repo.ts';
import { createProfileRepo } from './profile-repo.ts';
import { createProgressRepo } from './progress-repo.ts';

let n = 0;
const dbs: HvsDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});
async function setup() {
  const db = openDatabase(`profile-test-${n++}`);
  dbs.push(db);
  const me = await createIdentityRepo(db).getIdentity();
  return { db, me, profiles: createProfileRepo(db), outbox: createOutboxRepo(db), progress: createProgressRepo(db) };
}
const details = { displayName: 'Lan', birthYear: 1958, gender: 'female' as const, residentialGroupId: 'tdp-3', unit: null };
const types = async (t: Awaited<ReturnType<typeof setup>>) => (await t.outbox.listPending()).map((r) => r.event.type);

describe('profile repo: consent gating on the phone', () => {
  it('keeps details on the phone and queues nothing personal without consent', async () => {
    const t = await setup();
    await t.profiles.saveDetails(t.me.learnerId, details);
    expect((await t.profiles.get(t.me.learnerId))?.details).toEqual(details);
    expect(await types(t)).toEqual([]);
  });

  it('queues consent before the details, and later edits while consent stands', async () => {
    const t = await setup();
    await t.profiles.giveConsent(t.me.learnerId, details, 1000);
    await t.profiles.saveDetails(t.me.learnerId, { ...details, displayName: 'Bà Lan' }, 2000);
    expect(await types(t)).toEqual(['consent.given', 'profile.updated', 'profile.updated']);
  });

  it('withdrawing before anything was sent removes the unsent details and tells the server nothing', async () => {
    const t = await setup();
    await t.profiles.giveConsent(t.me.learnerId, details);
    await t.profiles.withdrawConsent(t.me.learnerId);
    expect(await types(t)).toEqual([]);
    await t.profiles.saveDetails(t.me.learnerId, details);
    expect(await types(t)).toEqual([]);
  });

  it('withdrawing after a sync queues consent.withdrawn', async () => {
    const t = await setup();
    await t.profiles.giveConsent(t.me.learnerId, details);
    await t.db.outbox.clear(); // as if the server acknowledged them
    await t.profiles.withdrawConsent(t.me.learnerId);
    expect(await types(t)).toEqual(['consent.withdrawn']);
  });
});

describe('profile repo: deletion, family profiles, PIN', () => {
  it('deleting a registered profile wipes it at once and queues only the deletion request', async () => {
    const t = await setup();
    await t.progress.recordCompleted(t.me, { courseId: 'c', lessonId: 'l', contentVersion: 'v', score: 100, durationSec: 1 });
    await t.profiles.giveConsent(t.me.learnerId, details);
    await createIdentityRepo(t.db).setRegistered(true);
    await t.profiles.requestDeletion(t.me.learnerId);
    expect(await types(t)).toEqual(['learner.deletion-requested']);
    expect(await t.db.progress.count()).toBe(0);
    const row = await t.profiles.get(t.me.learnerId);
    expect(row).toMatchObject({ isDeleting: true, consent: null });
    expect(Object.values(row!.details).every((v) => v === null)).toBe(true);
    // The phone moves on to a fresh anonymous profile.
    const next = await createIdentityRepo(t.db).getIdentity();
    expect(next.learnerId).not.toBe(t.me.learnerId);
    // Once acknowledged, the identity leaves the phone too.
    await t.db.outbox.clear();
    await createIdentityRepo(t.db).removeErased();
    expect(await t.profiles.get(t.me.learnerId)).toBeUndefined();
  });

  it('deleting a profile the server never saw removes it without a request', async () => {
    const t = await setup();
    await t.profiles.requestDeletion(t.me.learnerId);
    expect(await t.db.outbox.count()).toBe(0);
    expect(await t.profiles.get(t.me.learnerId)).toBeUndefined();
  });

  it('each family member has their own progress; switching changes the active identity', async () => {
    const t = await setup();
    await t.progress.recordCompleted(t.me, { courseId: 'c', lessonId: 'l1', contentVersion: 'v', score: 100, durationSec: 1 });
    const second = await t.profiles.create();
    const ids = createIdentityRepo(t.db);
    const me2 = await ids.getIdentity();
    expect(me2.learnerId).toBe(second.learnerId);
    expect(await t.progress.listProgress(me2.learnerId)).toEqual([]);
    await t.profiles.switchTo(t.me.learnerId);
    expect((await ids.getIdentity()).learnerId).toBe(t.me.learnerId);
    expect(await t.outbox.countPendingLessons(me2.learnerId)).toBe(0);
    expect(await t.outbox.countPendingLessons(t.me.learnerId)).toBe(1);
  });

  it('a PIN is stored hashed and checked', async () => {
    const t = await setup();
    await t.profiles.setPin(t.me.learnerId, '2468');
    const row = await t.profiles.get(t.me.learnerId);
    // Random ids and hashes may contain the digits by chance: what must not exist is the PIN as a value.
    expect(Object.keys(row?.pin ?? {}).sort()).toEqual(['hash', 'salt']);
    expect(JSON.stringify(row)).not.toContain('"2468"');
    expect(await t.profiles.checkPin(t.me.learnerId, '2468')).toBe(true);
    expect(await t.profiles.checkPin(t.me.learnerId, '1357')).toBe(false);
    await expect(t.profiles.setPin(t.me.learnerId, '12a4')).rejects.toThrow();
  });

  it('restoring a recovered learner merges server progress and drops an untouched first profile', async () => {
    const t = await setup();
    await t.profiles.restore({
      learnerId: '0196f1a2-1111-7000-8000-000000000009',
      secret: 'x'.repeat(43),
      profile: details,
      consent: { noticeVersion: 1, givenAt: '2025-06-01T02:00:00.000Z' },
      completions: [{ courseId: 'c', lessonId: 'l1', score: 80, occurredAt: '2025-06-01T02:00:00.000Z' }],
    });
    const me = await createIdentityRepo(t.db).getIdentity();
    expect(me).toMatchObject({ learnerId: '0196f1a2-1111-7000-8000-000000000009', registered: true });
    expect(await t.progress.listProgress(me.learnerId)).toMatchObject([{ lessonId: 'l1', status: 'completed', score: 80 }]);
    expect(await t.db.profiles.count()).toBe(1);
  });
});
