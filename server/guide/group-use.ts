// Whether anything refers to a residential group, so the ward profile never
// deletes a group that guides, sessions, learners or households still use.
import type { Sqlite } from '../db/open.ts';

export function groupInUse(sqlite: Sqlite): (groupId: string) => boolean {
  const used = sqlite.prepare<{ g: string }, { n: number }>(
    `SELECT 1 AS n FROM guide_groups WHERE group_id = $g
     UNION ALL SELECT 1 FROM guide_sessions WHERE group_id = $g
     UNION ALL SELECT 1 FROM assisted_learners WHERE group_id = $g
     UNION ALL SELECT 1 FROM households WHERE group_id = $g
     UNION ALL SELECT 1 FROM learner_profiles WHERE residential_group_id = $g
     LIMIT 1`,
  );
  return (groupId) => used.get({ g: groupId }) !== undefined;
}
