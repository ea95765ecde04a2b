// Whether anything refers to a residential group, so the ward profile never
// deletes a group that guides, sessions, learners or households still use.
import { eq, sql, type AnyColumn } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { assistedLearners, guideGroups, guideSessions, households, learnerProfiles } from '../db/schema/index.ts';

/** Every column that names a residential group. */
const GROUP_COLUMNS: AnyColumn[] = [guideGroups.groupId, guideSessions.groupId, assistedLearners.groupId, households.groupId, learnerProfiles.residentialGroupId];

export function groupInUse(db: Db): (groupId: string) => boolean {
  const uses = GROUP_COLUMNS.map((column) =>
    db.select({ n: sql<number>`1` }).from(column.table).where(eq(column, sql.placeholder('groupId'))).limit(1).prepare(),
  );
  return (groupId) => uses.some((use) => use.get({ groupId }) !== undefined);
}
