// What a guide may touch. A guide works only in the residential groups they
// are assigned to, and records only for learners they registered themselves
// (assisted) or who checked in to one of their own sessions. Everything here
// reads the current assignment, so removing a group takes effect at once.
// Called for every synced guide record: each statement is prepared once.
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../db/open.ts';
import { assistedLearners, guideGroups, guideSessions, sessionCheckins } from '../db/schema/index.ts';

export type SessionRow = typeof guideSessions.$inferSelect;

export function createGuideAccess(db: Db) {
  const assigned = db
    .select({ groupId: guideGroups.groupId })
    .from(guideGroups)
    .where(and(eq(guideGroups.userId, sql.placeholder('guideId')), eq(guideGroups.groupId, sql.placeholder('groupId'))))
    .prepare();
  const sessionById = db.select().from(guideSessions).where(eq(guideSessions.id, sql.placeholder('id'))).prepare();
  const sessionByCode = db.select().from(guideSessions).where(eq(guideSessions.code, sql.placeholder('code'))).prepare();
  const assisted = db
    .select({ guideId: assistedLearners.guideId, groupId: assistedLearners.groupId })
    .from(assistedLearners)
    .where(eq(assistedLearners.id, sql.placeholder('learnerId')))
    .prepare();
  const checkedInWith = db
    .select({ code: sessionCheckins.code })
    .from(sessionCheckins)
    .innerJoin(guideSessions, eq(guideSessions.code, sessionCheckins.code))
    .innerJoin(guideGroups, and(eq(guideGroups.userId, guideSessions.guideId), eq(guideGroups.groupId, guideSessions.groupId)))
    .where(and(eq(sessionCheckins.learnerId, sql.placeholder('learnerId')), eq(guideSessions.guideId, sql.placeholder('guideId'))))
    .limit(1)
    .prepare();

  const inGroup = (guideId: string, groupId: string) => assigned.get({ guideId, groupId }) !== undefined;
  const sessionOf = (id: string): SessionRow | undefined => sessionById.get({ id });
  const assistedOf = (learnerId: string) => assisted.get({ learnerId });

  return {
    inGroup,
    sessionById: sessionOf,
    sessionByCode: (code: string): SessionRow | undefined => sessionByCode.get({ code }),
    assisted: assistedOf,
    /** Own assisted learner in an assigned group, or a resident who checked in to own session. */
    mayRecordFor(guideId: string, learnerId: string): boolean {
      const a = assistedOf(learnerId);
      if (a) return a.guideId === guideId && inGroup(guideId, a.groupId);
      return checkedInWith.get({ learnerId, guideId }) !== undefined;
    },
    /** A session the guide runs, in a group they still serve. */
    ownsSession(guideId: string, sessionId: string): SessionRow | undefined {
      const s = sessionOf(sessionId);
      return s && s.guideId === guideId && inGroup(guideId, s.groupId) ? s : undefined;
    },
  };
}
export type GuideAccess = ReturnType<typeof createGuideAccess>;
