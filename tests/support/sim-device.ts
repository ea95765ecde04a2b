// A simulated phone for the sync-under-faults harness, built from the app's
// real code: the Dexie repos (progress + outbox event written in one
// transaction) and the real sync engine, over fake-indexeddb (one database
// per phone) and Node's fetch pointed at a given base URL. Only what is
// browser-only is injected: storage, fetch, `online`, timers' backoff scale.
import 'fake-indexeddb/auto';
import { openDatabase } from '../../web/src/resident/db/database.ts';
import { createIdentityRepo } from '../../web/src/resident/db/identity-repo.ts';
import { createOutboxRepo } from '../../web/src/resident/db/outbox-repo.ts';
import { createProgressRepo } from '../../web/src/resident/db/progress-repo.ts';
import { createApiClient } from '../../web/src/net/api.ts';
import type { LearnerCredentials } from '../../web/src/net/http.ts';
import { createSyncEngine } from '../../web/src/sync/sync-engine.ts';
import type { BackoffOptions } from '../../shared/sync/backoff.ts';
import type { LearningEvent } from '../../shared/events.ts';
import { createPhoneLedger } from './phone-ledger.ts';

export type { GeneratedTally } from './phone-ledger.ts';

export interface SimDeviceOptions {
  /** IndexedDB database name: one per phone. */
  name: string;
  /** Where the phone's /api/v1 requests go (the fault proxy). */
  baseUrl: string;
  random: () => number;
  backoff: BackoffOptions;
  courseId?: string;
  /** The phone's clock; the real time when omitted (a phone whose clock reset reads 1970). */
  clock?: () => Date;
}


export async function createSimDevice(o: SimDeviceOptions) {
  const db = openDatabase(o.name);
  const identity = createIdentityRepo(db);
  const outbox = createOutboxRepo(db);
  const progress = createProgressRepo(db);
  const me = await identity.getIdentity();
  const courseId = o.courseId ?? 'cyber-safety';

  const ledger = createPhoneLedger(db.outbox);
  const { generated, acked, answers, tally } = ledger;
  const client = createApiClient((input, init) => fetch(o.baseUrl + input, init));
  const api = {
    registerLearner: client.registerLearner,
    sync: async (c: LearnerCredentials, deviceId: string, events: LearningEvent[]) => ledger.received(await client.sync(c, deviceId, events)),
  };
  const engine = createSyncEngine({ api, identity, outbox, isOnline: () => true, random: o.random, backoff: o.backoff });

  let step = 0;
  return {
    learnerId: me.learnerId,
    generated,
    acked,
    answers,
    tally,
    engine,
    /**
     * One learning event, as the lesson screen records it: opening lesson n
     * (lesson.started), then finishing it (lesson.completed); then a sync is
     * triggered without waiting for it, as the app does after a completion.
     */
    async learn() {
      const lesson = { courseId, lessonId: `lesson-${Math.floor(step / 2) + 1}` };
      if (step % 2 === 0) {
        await progress.recordStarted(me, lesson, o.clock?.());
        tally.started += 1;
      } else {
        const score = Math.floor(o.random() * 101);
        await progress.recordCompleted(me, { ...lesson, contentVersion: 'v1', score, durationSec: 60 + Math.floor(o.random() * 600) }, o.clock?.());
        tally.completed += 1;
        tally.scoreSum += score;
      }
      step += 1;
      void engine.trigger();
    },
    /** Outbox rows left (pending and dead). */
    outboxCount: () => db.outbox.count(),
    deadCount: async () => (await outbox.listDead()).length,
    async close() {
      engine.stop();
      await db.delete();
    },
  };
}

export type SimDevice = Awaited<ReturnType<typeof createSimDevice>>;
