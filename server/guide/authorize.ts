// What a guide may touch. A guide works only in the residential groups they
// are assigned to, and records only for learners they registered themselves
// (assisted) or who checked in to one of their own sessions. Everything here
// reads the current assignment, so removing a group takes effect at once.
// Called for every synced guide record: each statement is prepared once, on
// the engine (inside the record pipeline it runs in the sync's transaction).
import { and, eq, sql } from 'drizzle-orm';
import type { Engine } from '../db/engine/engine.ts';
import { assistedLearners, guideGroups, guideSessions, sessionCheckins } from '../db/schema/index.ts';

export type SessionRow = typeof guideSessions.$inferSelect;

export function createGuideAccess(engine: Engine) {
  const { db } = engine;
  const assigned = db
    .select({ groupId: guideGroups.groupId })
    .from(guideGroups)
    .where(and(eq(guideGroups.userId, sql.placeholder('guideId')), eq(guideGroups.groupId, sql.placeholder('groupId'))))
    .prepare();
  const groupsOfGuide = db.select({ groupId: guideGroups.groupId }).from(guideGroups).where(eq(guideGroups.userId, sql.placeholder('guideId'))).prepare();
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

  const inGroup = async (guideId: string, groupId: string) => (await assigned.get({ guideId, groupId })) !== undefined;
  const sessionOf = (id: string): Promise<SessionRow | undefined> => sessionById.get({ id });
  const assistedOf = (learnerId: string) => assisted.get({ learnerId });

  return {
    inGroup,
    /** The groups the guide serves now: for a page that asks about many rows at once. */
    async groupsOf(guideId: string): Promise<Set<string>> {
      return new Set((await groupsOfGuide.all({ guideId })).map((g) => g.groupId));
    },
    sessionById: sessionOf,
    sessionByCode: (code: string): Promise<SessionRow | undefined> => sessionByCode.get({ code }),
    assisted: assistedOf,
    /** Own assisted learner in an assigned group, or a resident who checked in to own session. */
    async mayRecordFor(guideId: string, learnerId: string): Promise<boolean> {
      const a = await assistedOf(learnerId);
      if (a) return a.guideId === guideId && (await inGroup(guideId, a.groupId));
      return (await checkedInWith.get({ learnerId, guideId })) !== undefined;
    },
    /** A session the guide runs, in a group they still serve. */
    async ownsSession(guideId: string, sessionId: string): Promise<SessionRow | undefined> {
      const s = await sessionOf(sessionId);
      return s && s.guideId === guideId && (await inGroup(guideId, s.groupId)) ? s : undefined;
    },
  };
}
export type GuideAccess = ReturnType<typeof createGuideAccess>;
