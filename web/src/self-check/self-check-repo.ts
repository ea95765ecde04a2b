// Records a finished self-check on the resident's phone, offline too: the
// `selfcheck.completed` record goes into the outbox and the result is kept
// in meta ("selfCheck:<learnerId>": first and latest) in ONE transaction,
// so the screen can say what changed since the first attempt. The one sync
// engine sends the record; the server stores it once (server/self-check).
import { newEvent } from '../../../shared/events/new-event.ts';
import { getDatabase } from '../resident/db/database.ts';
import { openRepos } from '../resident/db/index.ts';
import type { GroupResult } from './score.ts';

export interface KeptAttempt {
  at: string;
  results: Pick<GroupResult, 'skill' | 'right' | 'total'>[];
}
export interface KeptResults {
  first: KeptAttempt;
  latest: KeptAttempt;
}

const key = (learnerId: string) => `selfCheck:${learnerId}`;

export async function keptResults(): Promise<KeptResults | null> {
  const me = await openRepos().identity.getIdentity();
  return ((await getDatabase().meta.get(key(me.learnerId)))?.value as KeptResults | undefined) ?? null;
}

/** Returns what is kept after this attempt. */
export async function recordSelfCheck(bankVersion: string, results: GroupResult[], durationSec: number, now = new Date()): Promise<KeptResults> {
  const db = getDatabase();
  const repos = openRepos();
  const me = await repos.identity.getIdentity();
  const attempt: KeptAttempt = { at: now.toISOString(), results: results.map(({ skill, right, total }) => ({ skill, right, total })) };
  return db.transaction('rw', db.meta, db.outbox, async () => {
    const old = (await db.meta.get(key(me.learnerId)))?.value as KeptResults | undefined;
    const event = newEvent(
      me,
      { type: 'selfcheck.completed', bankVersion, results: attempt.results, durationSec: Math.min(86_400, Math.max(0, Math.round(durationSec))) },
      now.getTime(),
    );
    await repos.outbox.enqueue(event, now.getTime());
    const kept = { first: old?.first ?? attempt, latest: attempt };
    await db.meta.put({ key: key(me.learnerId), value: kept });
    return kept;
  });
}
