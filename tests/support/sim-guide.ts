// A simulated guide phone for the sync-under-faults harness, built like
// sim-device.ts from the app's real code: guide mode's Dexie database and
// repo (the local row and its outbox record written in one transaction) and
// the one sync engine, over fake-indexeddb and Node's fetch pointed at the
// fault proxy. The guide logs in once; the cookie and the Origin header are
// what a browser would send. Work follows a guide's day: open a session,
// register residents who have no phone, record their lessons, confirm an
// outcome now and then.
import 'fake-indexeddb/auto';
import type { SyncResponse } from '../../shared/api.ts';
import type { GuideEvent } from '../../shared/events.ts';
import type { BackoffOptions } from '../../shared/sync/backoff.ts';
import { openGuideDatabase } from '../../web/src/guide/db.ts';
import { createGuideRepo } from '../../web/src/guide/guide-repo.ts';
import { createGuideSync } from '../../web/src/guide/guide-sync.ts';
import { createRequest } from '../../web/src/net/http.ts';
import { createPhoneLedger } from './phone-ledger.ts';

export interface SimGuideOptions {
  /** IndexedDB database name: one per phone. */
  name: string;
  /** Where the phone's /api/v1 requests go (the fault proxy). */
  baseUrl: string;
  /** The server's origin, for the CSRF guard (the proxy in front passes the server its own Host). */
  origin: string;
  username: string;
  password: string;
  groupId: string;
  random: () => number;
  backoff: BackoffOptions;
  courseId?: string;
}

export async function createSimGuide(o: SimGuideOptions) {
  const headers = { 'content-type': 'application/json', origin: o.origin };
  const login = await fetch(`${o.baseUrl}/api/v1/auth/login`, { method: 'POST', headers, body: JSON.stringify({ username: o.username, password: o.password }) });
  if (login.status !== 200) throw new Error(`guide login: ${login.status} ${await login.text()}`);
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const { user } = (await login.json()) as { user: { id: string } };

  const db = openGuideDatabase(o.name);
  const repo = createGuideRepo(db);
  const me = { guideId: user.id, deviceId: `sim-guide-${o.name.slice(-12).replace(/[^A-Za-z0-9_-]/g, '-')}` };
  const courseId = o.courseId ?? 'cyber-safety';

  const ledger = createPhoneLedger(db.outbox);
  const { generated, acked, answers, rejections, tally } = ledger;

  // Guide mode's own HTTP client; the fetch under it adds what a browser
  // would: the proxy's address, the login cookie and the page's origin.
  const request = createRequest((url, init) => fetch(o.baseUrl + url, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie, origin: o.origin } }));
  async function sync(deviceId: string, events: GuideEvent[]): Promise<SyncResponse> {
    return ledger.received(await request<SyncResponse>('/api/v1/guide/sync', { as: 'staff', method: 'POST', json: { deviceId, events } }));
  }
  const engine = createGuideSync({ repo, api: { sync }, deviceId: () => me.deviceId, isOnline: () => true, random: o.random, backoff: o.backoff });

  let sessionId: string | null = null;
  let learnerId: string | null = null;
  let lessonsForLearner = 0;
  return {
    guideId: user.id,
    generated,
    acked,
    answers,
    rejections,
    tally,
    engine,
    /** One record, as guide mode writes it; then a sync is triggered without waiting for it. */
    async learn() {
      if (!sessionId) {
        const startsAt = new Date().toISOString();
        sessionId = (await repo.createSession(me, { title: 'Buổi học thử', groupId: o.groupId, place: 'Nhà văn hoá', startsAt, durationMin: 120, courses: [courseId] })).id;
      } else if (!learnerId || lessonsForLearner >= 4) {
        const row = await repo.registerAssisted(me, { name: 'Bà Nguyễn Thị B', birthYear: 1950 + Math.floor(o.random() * 20), gender: 'female', groupId: o.groupId, sessionId });
        learnerId = row.learnerId;
        lessonsForLearner = 0;
      } else if (lessonsForLearner === 3 && o.random() < 0.5) {
        await repo.confirmOutcome(me, { learnerId, sessionId, outcome: 'vneid-level2-activated' });
        lessonsForLearner += 1;
      } else {
        const score = Math.floor(o.random() * 101);
        await repo.recordLesson(me, { learnerId, sessionId, courseId, lessonId: `lesson-${lessonsForLearner + 1}`, contentVersion: 'v1', score, durationSec: 300 });
        lessonsForLearner += 1;
        tally.completed += 1;
        tally.scoreSum += score;
      }
      void engine.trigger();
    },
    outboxCount: () => db.outbox.count(),
    deadCount: async () => (await repo.outbox.listDead()).length,
    async close() {
      engine.stop();
      await db.delete();
    },
  };
}

export type SimGuide = Awaited<ReturnType<typeof createSimGuide>>;
