// What a guide may touch. A guide works only in the residential groups they
// are assigned to, and records only for learners they registered themselves
// (assisted) or who checked in to one of their own sessions. Everything here
// reads the current assignment, so removing a group takes effect at once.
import type { Sqlite } from '../db/open.ts';

export interface SessionRow {
  id: string;
  code: string;
  guideId: string;
  groupId: string;
  title: string;
  place: string;
  startsAt: number;
  endsAt: number;
  courses: string;
  closedAt: number | null;
}

export const SESSION_COLUMNS = `id, code, guide_id AS guideId, group_id AS groupId, title, place, starts_at AS startsAt,
  ends_at AS endsAt, courses, closed_at AS closedAt`;

export function createGuideAccess(sqlite: Sqlite) {
  const assigned = sqlite.prepare<[string, string], { n: number }>('SELECT 1 AS n FROM guide_groups WHERE user_id = ? AND group_id = ?');
  const sessionById = sqlite.prepare<[string], SessionRow>(`SELECT ${SESSION_COLUMNS} FROM guide_sessions WHERE id = ?`);
  const sessionByCode = sqlite.prepare<[string], SessionRow>(`SELECT ${SESSION_COLUMNS} FROM guide_sessions WHERE code = ?`);
  const assisted = sqlite.prepare<[string], { guideId: string; groupId: string }>(
    'SELECT guide_id AS guideId, group_id AS groupId FROM assisted_learners WHERE id = ?',
  );
  const checkedInWith = sqlite.prepare<[string, string], { n: number }>(
    `SELECT 1 AS n FROM session_checkins c JOIN guide_sessions s ON s.code = c.code
      JOIN guide_groups g ON g.user_id = s.guide_id AND g.group_id = s.group_id
      WHERE c.learner_id = ? AND s.guide_id = ? LIMIT 1`,
  );

  const inGroup = (guideId: string, groupId: string) => assigned.get(guideId, groupId) !== undefined;

  return {
    inGroup,
    sessionById: (id: string) => sessionById.get(id),
    sessionByCode: (code: string) => sessionByCode.get(code),
    assisted: (learnerId: string) => assisted.get(learnerId),
    /** Own assisted learner in an assigned group, or a resident who checked in to own session. */
    mayRecordFor(guideId: string, learnerId: string): boolean {
      const a = assisted.get(learnerId);
      if (a) return a.guideId === guideId && inGroup(guideId, a.groupId);
      return checkedInWith.get(learnerId, guideId) !== undefined;
    },
    /** A session the guide runs, in a group they still serve. */
    ownsSession(guideId: string, sessionId: string): SessionRow | undefined {
      const s = sessionById.get(sessionId);
      return s && s.guideId === guideId && inGroup(guideId, s.groupId) ? s : undefined;
    },
  };
}
export type GuideAccess = ReturnType<typeof createGuideAccess>;
