// Family members share a phone: each profile's events go with that profile's
// own credentials, and a deleted profile leaves the phone once its deletion
// request is acknowledged.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type HvsDatabase } from '../resident/db/database.ts';
import { createIdentityRepo } from '../resident/db/identity-repo.ts';
import { createOutboxRepo } from '../resident/db/outbox-repo.ts';
import { createProfileRepo } from '../resident/db/profile-repo.ts';
import { createProgressRepo } from '../resident/db/progress-repo.ts';
import { createApiClient } from '../net/api.ts';
import { createSyncEngine } from './sync-engine.ts';

const dbs: HvsDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

function fakeServer() {
  const calls: { url: string; auth: string | null; events: { id: string; learnerId: string; type: string }[] }[] = [];
  const fetch = async (url: string, init?: RequestInit) => {
    const body = init?.body ? JSON.parse(String(init.body)) : null;
    calls.push({ url, auth: new Headers(init?.headers).get('authorization'), events: body?.events ?? [] });
    if (url.endsWith('/learners')) return Response.json({ id: body.id }, { status: 201 });
    return Response.json({ results: body.events.map((e: { id: string }) => ({ id: e.id, status: 'accepted' })), serverTime: new Date().toISOString() });
  };
  return { fetch, calls };
}

describe('sync with several profiles on one phone', () => {
  it('sends each profile’s events with its own credentials, then drops an erased profile', async () => {
    const db = openDatabase(`multi-profile-${Date.now()}`);
    dbs.push(db);
    const identity = createIdentityRepo(db);
    const progress = createProgressRepo(db);
    const profiles = createProfileRepo(db);
    const grandma = await identity.getIdentity();
    await progress.recordCompleted(grandma, { courseId: 'c', lessonId: 'l1', contentVersion: 'v', score: 100, durationSec: 5 });
    await profiles.create();
    const grandson = await identity.getIdentity();
    await progress.recordCompleted(grandson, { courseId: 'c', lessonId: 'l2', contentVersion: 'v', score: 90, durationSec: 5 });

    const server = fakeServer();
    const engine = createSyncEngine({ api: createApiClient(server.fetch), identity, outbox: createOutboxRepo(db), isOnline: () => true, setTimer: () => 0, clearTimer: () => undefined });
    await engine.trigger();
    const syncs = server.calls.filter((c) => c.url.endsWith('/sync'));
    expect(syncs.map((c) => [c.auth, c.events.map((e) => e.learnerId)])).toEqual(
      expect.arrayContaining([
        [`Bearer ${grandma.learnerId}.${grandma.secret}`, [grandma.learnerId]],
        [`Bearer ${grandson.learnerId}.${grandson.secret}`, [grandson.learnerId]],
      ]),
    );
    expect(await db.outbox.count()).toBe(0);

    // The grandson deletes his profile: the request goes with his credentials, then he is gone from the phone.
    await profiles.requestDeletion(grandson.learnerId);
    await engine.trigger();
    const last = server.calls.at(-1)!;
    expect(last.auth).toBe(`Bearer ${grandson.learnerId}.${grandson.secret}`);
    expect(last.events.map((e) => e.type)).toEqual(['learner.deletion-requested']);
    expect(await db.profiles.get(grandson.learnerId)).toBeUndefined();
    expect((await identity.getIdentity()).learnerId).toBe(grandma.learnerId);
  });
});
