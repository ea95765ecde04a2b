// Per residential group: the follow-up lists and the household list. A self
// learner belongs to a group by their profile (if they gave one), else by
// the group of the sessions they checked in to or of their household.
// Assisted learners carry their group. Names appear only for assisted
// learners, and only guides of that group ever call this.
import type { FollowUp, HouseholdList } from '../../shared/guide/api.ts';
import { followUpFor, type Activity } from '../../shared/guide/follow-up.ts';
import { isDigitalCitizen, type CatalogCourse } from '../../shared/resident/certificates.ts';
import { and, asc, eq, inArray, sql, type AnyColumn } from 'drizzle-orm';
import type { Engine } from '../db/engine/engine.ts';
import { assistedLearners, events, guideEvents, guideSessions, householdMembers, households, learnerProfiles, sessionCheckins } from '../db/schema/index.ts';

export interface CatalogLike {
  courses: CatalogCourse[];
}

/** Not placed in a group by their own profile. */
const noGroupOnProfile = (learnerId: AnyColumn) =>
  sql`NOT EXISTS (SELECT 1 FROM ${learnerProfiles} WHERE ${learnerProfiles.learnerId} = ${learnerId} AND ${learnerProfiles.residentialGroupId} IS NOT NULL)`;

/** Self learners of a group: by profile, else by the sessions they joined or their household. */
const selfInGroup = (groupId: string) => sql`
  SELECT ${learnerProfiles.learnerId} AS id FROM ${learnerProfiles} WHERE ${learnerProfiles.residentialGroupId} = ${groupId}
  UNION
  SELECT ${sessionCheckins.learnerId} FROM ${sessionCheckins} JOIN ${guideSessions} ON ${guideSessions.code} = ${sessionCheckins.code}
   WHERE ${guideSessions.groupId} = ${groupId} AND ${noGroupOnProfile(sessionCheckins.learnerId)}
  UNION
  SELECT ${householdMembers.learnerId} FROM ${householdMembers} JOIN ${households} ON ${households.id} = ${householdMembers.householdId}
   WHERE ${households.groupId} = ${groupId} AND ${noGroupOnProfile(householdMembers.learnerId)}
     AND ${householdMembers.learnerId} NOT IN (SELECT ${assistedLearners.id} FROM ${assistedLearners})`;

export function createGroupLists(engine: Engine, catalog: CatalogLike, now: () => number) {
  const { db } = engine;
  const selfIds = (groupId: string) => engine.all<{ id: string }>(selfInGroup(groupId));
  const assisted = db
    .select({ id: assistedLearners.id, name: assistedLearners.name, registeredAt: assistedLearners.registeredAt })
    .from(assistedLearners)
    .where(eq(assistedLearners.groupId, sql.placeholder('groupId')))
    .orderBy(asc(assistedLearners.name))
    .prepare();
  const learnerId = sql.placeholder('learnerId');
  const selfActivity = db
    .select({ courseId: events.courseId, lessonId: events.lessonId, completed: sql<boolean>`${events.type} = 'lesson.completed'`.mapWith(Boolean), at: events.effectiveAt })
    .from(events)
    .where(and(eq(events.learnerId, learnerId), inArray(events.type, ['lesson.started', 'lesson.completed', 'session.joined'])))
    .prepare();
  const assistedActivity = db
    .select({ courseId: guideEvents.courseId, lessonId: guideEvents.lessonId, completed: sql<boolean>`${guideEvents.type} = 'lesson.completed'`.mapWith(Boolean), at: guideEvents.effectiveAt })
    .from(guideEvents)
    .where(eq(guideEvents.learnerId, learnerId))
    .prepare();
  const householdRows = db
    .select({ id: households.id, label: households.label })
    .from(households)
    .where(eq(households.groupId, sql.placeholder('groupId')))
    .orderBy(asc(households.label), asc(households.id))
    .prepare();
  const members = db.select({ learnerId: householdMembers.learnerId }).from(householdMembers).where(eq(householdMembers.householdId, sql.placeholder('householdId'))).prepare();
  const isAssisted = db.select({ id: assistedLearners.id }).from(assistedLearners).where(eq(assistedLearners.id, learnerId)).prepare();

  const activityOf = (id: string, kind: 'self' | 'assisted'): Promise<Activity[]> =>
    (kind === 'self' ? selfActivity : assistedActivity).all({ learnerId: id });

  return {
    async followUp(groupId: string): Promise<FollowUp> {
      const t = now();
      const people = [
        ...(await selfIds(groupId)).map((r) => ({ id: r.id, kind: 'self' as const, name: null, since: 0 })),
        ...(await assisted.all({ groupId })).map((r) => ({ id: r.id, kind: 'assisted' as const, name: r.name, since: r.registeredAt })),
      ];
      const result: FollowUp = { groupId, notFinished: [], inactive: [] };
      for (const p of people) {
        const activity = await activityOf(p.id, p.kind);
        // Registration counts as activity: someone registered yesterday is not "inactive".
        if (p.since) activity.push({ courseId: null, lessonId: null, completed: false, at: p.since });
        const f = followUpFor(p.id, activity, catalog.courses, t);
        if (!Number.isFinite(f.entry.lastActivityAt)) continue;
        const row = { learnerId: p.id, kind: p.kind, name: p.name, lastActivityAt: new Date(f.entry.lastActivityAt).toISOString(), unfinishedCourses: f.entry.unfinishedCourses };
        if (f.notFinished) result.notFinished.push(row);
        if (f.inactive) result.inactive.push(row);
      }
      return result;
    },
    async households(groupId: string): Promise<HouseholdList> {
      const list: HouseholdList['households'] = [];
      for (const h of await householdRows.all({ groupId })) {
        const ids = (await members.all({ householdId: h.id })).map((m) => m.learnerId);
        let covered = false;
        for (const id of ids) {
          const done = new Map<string, Set<string>>();
          for (const a of await activityOf(id, (await isAssisted.get({ learnerId: id })) ? 'assisted' : 'self')) {
            if (a.completed && a.courseId && a.lessonId) done.set(a.courseId, (done.get(a.courseId) ?? new Set()).add(a.lessonId));
          }
          if ((covered = isDigitalCitizen(catalog.courses, done))) break;
        }
        list.push({ id: h.id, label: h.label, members: ids.length, covered });
      }
      return { groupId, households: list };
    },
  };
}
