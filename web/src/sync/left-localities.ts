// Records a resident made in a locality they have since moved from. They stay
// in that locality's own database on the phone (api-base.ts perLocality) and
// are sent to that locality only, with its learners' own credentials, by the
// same sync engine as ever: never to the locality the phone is in now. Once a
// locality's outbox is empty it is no longer tried.
import { baseOf, currentLocality, perLocality, setWaitingLocalities, waitingLocalities } from '../net/api-base.ts';
import { createApiClient } from '../net/api.ts';

/** Records still waiting in the phone's database of `slug`. */
export async function waitingIn(slug: string): Promise<number> {
  const { openDatabase, DATABASE_NAME } = await import('../resident/db/database.ts');
  const db = openDatabase(perLocality(DATABASE_NAME, slug));
  try {
    return await db.outbox.where('state').equals('pending').count();
  } finally {
    db.close();
  }
}

/** Sends what each locality left behind still holds; forgets those left with nothing to send. */
export async function sendLeftBehind(): Promise<void> {
  const here = currentLocality();
  const left = waitingLocalities();
  if (left.length === 0) return;
  const [{ openDatabase, DATABASE_NAME }, { createIdentityRepo }, { createOutboxRepo }, { createSyncEngine }] = await Promise.all([
    import('../resident/db/database.ts'),
    import('../resident/db/identity-repo.ts'),
    import('../resident/db/outbox-repo.ts'),
    import('./sync-engine.ts'),
  ]);
  const still: string[] = [];
  for (const slug of left) {
    // The locality the phone is in again: its own sync engine sends them.
    if (slug === here) continue;
    const db = openDatabase(perLocality(DATABASE_NAME, slug));
    try {
      const outbox = createOutboxRepo(db);
      await createSyncEngine({ api: createApiClient(undefined, baseOf(slug)), identity: createIdentityRepo(db), outbox }).trigger();
      if ((await outbox.listPending()).length > 0) still.push(slug);
    } catch {
      still.push(slug);
    } finally {
      db.close();
    }
  }
  // Read again: a move made meanwhile may have added one.
  setWaitingLocalities(waitingLocalities().filter((s) => s !== here && (still.includes(s) || !left.includes(s))));
}
