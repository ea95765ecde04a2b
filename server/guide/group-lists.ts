// Per residential group: the follow-up lists and the household list. A self
// learner belongs to a group by their profile (if they gave one), else by
// the group of the sessions they checked in to or of their household.
// Assisted learners carry their group. Names appear only for assisted
// learners, and only guides of that group ever call this.
import type { FollowUp, HouseholdList } from '../../shared/guide/api.ts';
import { followUpFor, type Activity } from '../../shared/guide/follow-up.ts';
import { isDigitalCitizen, type CatalogCourse } from '../../shared/resident/certificates.ts';
import type { Sqlite } from '../db/open.ts';

export interface CatalogLike {
  courses: CatalogCourse[];
}

const SELF_IN_GROUP = `
  SELECT p.learner_id AS id FROM learner_profiles p WHERE p.residential_group_id = $g
  UNION
  SELECT c.learner_id FROM session_checkins c JOIN guide_sessions s ON s.code = c.code
   WHERE s.group_id = $g AND NOT EXISTS (SELECT 1 FROM learner_profiles p WHERE p.learner_id = c.learner_id AND p.residential_group_id IS NOT NULL)
  UNION
  SELECT m.learner_id FROM household_members m JOIN households h ON h.id = m.household_id
   WHERE h.group_id = $g AND NOT EXISTS (SELECT 1 FROM learner_profiles p WHERE p.learner_id = m.learner_id AND p.residential_group_id IS NOT NULL)
     AND m.learner_id NOT IN (SELECT id FROM assisted_learners)`;

export function createGroupLists(sqlite: Sqlite, catalog: CatalogLike, now: () => number) {
  const selfIds = sqlite.prepare<{ g: string }, { id: string }>(SELF_IN_GROUP);
  const assisted = sqlite.prepare<[string], { id: string; name: string; registeredAt: number }>(
    'SELECT id, name, registered_at AS registeredAt FROM assisted_learners WHERE group_id = ? ORDER BY name',
  );
  const selfActivity = sqlite.prepare<[string], Omit<Activity, 'completed'> & { completed: number }>(
    `SELECT course_id AS courseId, lesson_id AS lessonId, type = 'lesson.completed' AS completed, effective_at AS at
       FROM events WHERE learner_id = ? AND type IN ('lesson.started', 'lesson.completed', 'session.joined')`,
  );
  const assistedActivity = sqlite.prepare<[string], Omit<Activity, 'completed'> & { completed: number }>(
    `SELECT course_id AS courseId, lesson_id AS lessonId, type = 'lesson.completed' AS completed, effective_at AS at
       FROM guide_events WHERE learner_id = ?`,
  );
  const householdRows = sqlite.prepare<[string], { id: string; label: string }>(
    'SELECT id, label FROM households WHERE group_id = ? ORDER BY label, id',
  );
  const members = sqlite.prepare<[string], { learnerId: string }>('SELECT learner_id AS learnerId FROM household_members WHERE household_id = ?');
  const isAssisted = sqlite.prepare<[string], { id: string }>('SELECT id FROM assisted_learners WHERE id = ?');

  const activityOf = (id: string, kind: 'self' | 'assisted'): Activity[] =>
    (kind === 'self' ? selfActivity : assistedActivity).all(id).map((a) => ({ ...a, completed: Boolean(a.completed) }));

  return {
    followUp(groupId: string): FollowUp {
      const t = now();
      const people = [
        ...selfIds.all({ g: groupId }).map((r) => ({ id: r.id, kind: 'self' as const, name: null, since: 0 })),
        ...assisted.all(groupId).map((r) => ({ id: r.id, kind: 'assisted' as const, name: r.name, since: r.registeredAt })),
      ];
      const result: FollowUp = { groupId, notFinished: [], inactive: [] };
      for (const p of people) {
        const activity = activityOf(p.id, p.kind);
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
    households(groupId: string): HouseholdList {
      return {
        groupId,
        households: householdRows.all(groupId).map((h) => {
          const ids = members.all(h.id).map((m) => m.learnerId);
          const covered = ids.some((id) => {
            const done = new Map<string, Set<string>>();
            for (const a of activityOf(id, isAssisted.get(id) ? 'assisted' : 'self')) {
              if (a.completed && a.courseId && a.lessonId) done.set(a.courseId, (done.get(a.courseId) ?? new Set()).add(a.lessonId));
            }
            return isDigitalCitizen(catalog.courses, done);
          });
          return { id: h.id, label: h.label, members: ids.length, covered };
        }),
      };
    },
  };
}
