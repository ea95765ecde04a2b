// What a guide may record, checked inside the record pipeline's transaction
// (server/records) before a guide event is written: only in their own
// residential groups, only in their own sessions, and only for learners they
// registered or who joined their session. The record-naming check (recordedBy
// is the logged-in guide) is the pipeline's own.
import type { SyncResult } from '../../shared/api.ts';
import type { GuideEvent } from '../../shared/events.ts';
import { eq, sql } from 'drizzle-orm';
import type { Engine } from '../db/engine/engine.ts';
import { households, learners } from '../db/schema/index.ts';
import type { Recorder } from '../records/hooks.ts';
import { createGuideAccess } from './authorize.ts';

const reject = (id: string, code: string, message: string): SyncResult => ({ id, status: 'rejected', error: { code, message } });
const NOT_YOURS = 'You may record only for learners you registered or who joined your session, in your residential groups';

export function createGuideRights(engine: Engine) {
  const { db } = engine;
  const access = createGuideAccess(engine);
  // Prepared once: this runs for every synced guide record.
  const resident = db.select({ id: learners.id }).from(learners).where(eq(learners.id, sql.placeholder('id'))).prepare();
  const household = db.select({ groupId: households.groupId }).from(households).where(eq(households.id, sql.placeholder('id'))).prepare();
  /** A resident (own phone) or an assisted learner already has this id. */
  const learnerKnown = async (id: string) => (await resident.get({ id })) !== undefined || (await access.assisted(id)) !== undefined;

  /** Why the guide may not record this event, or undefined when they may. */
  return async function refusal(e: GuideEvent, _effectiveAt: number, by: Recorder): Promise<SyncResult | undefined> {
    const guideId = by.id;
    const no = (code: string, message: string) => reject(e.id, code, message);
    const sessionId = 'sessionId' in e ? e.sessionId : undefined;
    if (sessionId && e.type !== 'session.created' && !(await access.ownsSession(guideId, sessionId))) {
      return no('forbidden', 'The session is not one of yours');
    }
    switch (e.type) {
      case 'session.created': {
        if (!(await access.inGroup(guideId, e.groupId))) return no('forbidden', `You are not assigned to residential group "${e.groupId}"`);
        if (await access.sessionById(e.sessionId)) return no('session_exists', 'This session was already created by another event');
        if (await access.sessionByCode(e.code)) return no('code_taken', `Session code ${e.code} is already used; create the session again to get a new code`);
        return undefined;
      }
      case 'session.closed':
        return (await access.ownsSession(guideId, e.sessionId)) ? undefined : no('forbidden', 'The session is not one of yours');
      case 'assisted.registered':
        if (!(await access.inGroup(guideId, e.groupId))) return no('forbidden', `You are not assigned to residential group "${e.groupId}"`);
        if (await learnerKnown(e.learnerId)) return no('learner_exists', 'A learner with this id already exists');
        return undefined;
      case 'household.created':
        return (await access.inGroup(guideId, e.groupId)) ? undefined : no('forbidden', `You are not assigned to residential group "${e.groupId}"`);
      case 'household.linked': {
        const h = await household.get({ id: e.householdId });
        if (!h) return no('unknown_household', 'No such household');
        if (!(await access.inGroup(guideId, h.groupId))) return no('forbidden', `You are not assigned to residential group "${h.groupId}"`);
        return (await access.mayRecordFor(guideId, e.learnerId)) ? undefined : no('forbidden', NOT_YOURS);
      }
      case 'audio.recorded':
        return undefined; // any guide may offer a recording; the file check is the lesson audio projection's
      case 'lesson.completed':
      case 'outcome.confirmed':
        return (await access.mayRecordFor(guideId, e.learnerId)) ? undefined : no('forbidden', NOT_YOURS);
    }
  };
}
