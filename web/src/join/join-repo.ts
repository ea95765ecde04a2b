// A resident checking in to a guide's session, on the resident's own phone
// and offline too: the `session.joined` event goes into the resident's outbox
// and the joined session is remembered in meta ("joinedSessions:<learnerId>")
// in ONE transaction. The server credits later completions in the session's
// courses to the session (see the architecture notes); nothing else on the
// phone changes. Joining the same code twice queues nothing new.
import { newEvent } from '../../../shared/events/new-event.ts';
import { getDatabase } from '../resident/db/database.ts';
import { openRepos } from '../resident/db/index.ts';
import { inGuidedSession } from './guided.ts';

export interface JoinedSession {
  code: string;
  joinedAt: string;
  /** Known when the phone could look the code up; null when joined offline. */
  title: string | null;
  /** The session's planned end, when the phone could look it up (absent in rows kept before it was added). */
  endsAt?: string | null;
}

const key = (learnerId: string) => `joinedSessions:${learnerId}`;

/** Returns false when this profile had already joined the session. */
export async function joinSession(code: string, method: 'qr' | 'code', title: string | null, now = new Date(), endsAt: string | null = null): Promise<boolean> {
  const db = getDatabase();
  const repos = openRepos();
  const me = await repos.identity.getIdentity();
  return db.transaction('rw', db.meta, db.outbox, async () => {
    const joined = ((await db.meta.get(key(me.learnerId)))?.value as JoinedSession[] | undefined) ?? [];
    if (joined.some((j) => j.code === code)) return false;
    const event = newEvent(me, { type: 'session.joined', code, method }, now.getTime());
    await repos.outbox.enqueue(event, now.getTime());
    await db.meta.put({ key: key(me.learnerId), value: [...joined, { code, joinedAt: now.toISOString(), title, endsAt }] });
    return true;
  });
}

/** Whether the learner now using the phone is in a guide's session (guided.ts). */
export async function isInGuidedSession(now = Date.now()): Promise<boolean> {
  const me = await openRepos().identity.getIdentity();
  const joined = ((await getDatabase().meta.get(key(me.learnerId)))?.value as JoinedSession[] | undefined) ?? [];
  return inGuidedSession(joined, now);
}

/** The learner now using the phone: their short code is shown after joining. */
export async function currentLearnerId(): Promise<string> {
  return (await openRepos().identity.getIdentity()).learnerId;
}
