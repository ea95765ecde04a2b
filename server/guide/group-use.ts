// Whether anything refers to a residential group, so the ward profile never
// deletes a group that guides, sessions, learners or households still use.
import { eq, sql, type AnyColumn } from 'drizzle-orm';
import type { SQLiteTable } from 'drizzle-orm/sqlite-core';
import type { Engine } from '../db/engine/engine.ts';
import { assistedLearners, guideGroups, guideSessions, households, learnerProfiles } from '../db/schema/index.ts';

/** Every column that names a residential group. */
const GROUP_COLUMNS: AnyColumn[] = [guideGroups.groupId, guideSessions.groupId, assistedLearners.groupId, households.groupId, learnerProfiles.residentialGroupId];

export function groupInUse(engine: Engine): (groupId: string) => Promise<boolean> {
  return async (groupId) => {
    for (const column of GROUP_COLUMNS) {
      const use = await engine.db.select({ n: sql<number>`1` }).from(column.table as SQLiteTable).where(eq(column, groupId)).limit(1).get();
      if (use !== undefined) return true;
    }
    return false;
  };
}
