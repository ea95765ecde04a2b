// A resident joining a household by the guide's household QR, on the
// resident's own phone and offline too: the `household.joined` event goes
// into the resident's outbox and the household is remembered in meta
// ("household:<learnerId>") in ONE transaction. A learner belongs to one
// household; joining another one moves them (the server keeps the latest).
// Joining the same household again queues nothing.
import { newEvent } from '../../../shared/events/new-event.ts';
import { getDatabase } from '../resident/db/database.ts';
import { openRepos } from '../resident/db/index.ts';

export interface JoinedHousehold {
  householdId: string;
  /** The ward's label as the QR carried it (may be empty for a typed id). */
  label: string;
  joinedAt: string;
}

const key = (learnerId: string) => `household:${learnerId}`;

export async function currentHousehold(): Promise<JoinedHousehold | null> {
  const me = await openRepos().identity.getIdentity();
  return ((await getDatabase().meta.get(key(me.learnerId)))?.value as JoinedHousehold | undefined) ?? null;
}

/** Returns false when this profile is already in that household. */
export async function joinHousehold(householdId: string, label: string, now = new Date()): Promise<boolean> {
  const db = getDatabase();
  const repos = openRepos();
  const me = await repos.identity.getIdentity();
  return db.transaction('rw', db.meta, db.outbox, async () => {
    const current = (await db.meta.get(key(me.learnerId)))?.value as JoinedHousehold | undefined;
    if (current?.householdId === householdId) return false;
    const event = newEvent(me, { type: 'household.joined', householdId }, now.getTime());
    await repos.outbox.enqueue(event, now.getTime());
    await db.meta.put({ key: key(me.learnerId), value: { householdId, label, joinedAt: now.toISOString() } satisfies JoinedHousehold });
    return true;
  });
}
