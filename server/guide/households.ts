// A learner's household: set by a guide (household.linked) or by the
// resident scanning the household's QR (household.joined, linkedBy null).
// Either way the latest link wins, so records arriving out of order still
// end with the household the learner joined last.
import { sql } from 'drizzle-orm';
import type { Engine } from '../db/engine/engine.ts';
import { placeholders } from '../db/placeholders.ts';
import { householdMembers } from '../db/schema/index.ts';
import { excluded } from '../db/set-values.ts';

export type HouseholdLink = typeof householdMembers.$inferInsert & { linkedBy: string | null };

/** Prepared once: runs for synced records of both families. */
export function createHouseholdLink(engine: Engine): (link: HouseholdLink) => Promise<void> {
  const upsert = engine.db
    .insert(householdMembers)
    .values(placeholders<HouseholdLink>(['learnerId', 'householdId', 'linkedBy', 'linkedAt']))
    .onConflictDoUpdate({
      target: householdMembers.learnerId,
      set: { householdId: excluded(householdMembers.householdId), linkedBy: excluded(householdMembers.linkedBy), linkedAt: excluded(householdMembers.linkedAt) },
      setWhere: sql`${excluded(householdMembers.linkedAt)} >= ${householdMembers.linkedAt}`,
    })
    .prepare();
  return async (link) => void (await upsert.run(link));
}
