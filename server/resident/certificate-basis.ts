// What a certificate certifies (shared/resident/certificate-holder.ts): a
// certificate is "confirmed in person" when every lesson it needs was done
// with a guide present — recorded by a guide for the holder, or completed on
// the holder's phone during a guided session they checked in to (between the
// check-in and the session's end; the attribution rule's days after the end
// are learning at home, not in person). It then names the team of the guide
// behind the last of those lessons and that lesson's day; the ward is the
// issuing ward. Anything else is self-study on a phone. Held records count
// for neither until a reviewer accepts them.
import { sql } from 'drizzle-orm';
import { DIGITAL_CITIZEN, type CatalogCourse } from '../../shared/resident/certificates.ts';
import type { CertificateBasisDetail } from '../../shared/resident/certificate-holder.ts';
import { vietnamDay } from '../../shared/resident/home-plan.ts';
import { BASIC_SKILLS } from '../../shared/skills.ts';
import type { Engine } from '../db/engine/engine.ts';
import { guideEvents, guideSessions, users } from '../db/schema/index.ts';
import { notHeld, VERIFIED_SELF_COMPLETIONS } from '../stats/verified-records.ts';

const SELF_STUDY: CertificateBasisDetail = { kind: 'self-study', team: null, date: null };

export function createCertificateBasis(engine: Engine, courses: readonly CatalogCourse[]) {
  const inPerson = (learnerId: string) =>
    engine.all<{ courseId: string; lessonId: string; at: number; team: string | null }>(sql`
      SELECT "events"."course_id" AS "courseId", "events"."lesson_id" AS "lessonId", "events"."effective_at" AS at, ${users.team} AS team
        FROM ${VERIFIED_SELF_COMPLETIONS} JOIN ${users} ON ${users.id} = ${guideSessions.guideId}
       WHERE "events"."learner_id" = ${learnerId} AND "events"."effective_at" < ${guideSessions.endsAt}
      UNION ALL
      SELECT ${guideEvents.courseId}, ${guideEvents.lessonId}, ${guideEvents.effectiveAt}, ${users.team}
        FROM ${guideEvents} JOIN ${users} ON ${users.id} = ${guideEvents.recordedBy}
       WHERE ${guideEvents.learnerId} = ${learnerId} AND ${guideEvents.type} = 'lesson.completed' AND ${notHeld(sql.raw('"guide_events"."id"'))}`);

  /** The lessons a certificate needs: its course's, or every lesson of the five basic skills' courses. */
  const needed = (courseId: string) =>
    (courseId === DIGITAL_CITIZEN ? courses.filter((c) => BASIC_SKILLS.some((s) => s === c.skill)) : courses.filter((c) => c.id === courseId)).flatMap((c) => c.lessons.map((l) => `${c.id}/${l.id}`));

  /** The basis of each of a learner's certificates: their lessons done in person are read once, then each certificate is judged from them. */
  return async (learnerId: string): Promise<(courseId: string) => CertificateBasisDetail> => {
    const first = new Map<string, { at: number; team: string | null }>();
    for (const r of await inPerson(learnerId)) {
      const key = `${r.courseId}/${r.lessonId}`;
      const seen = first.get(key);
      if (!seen || r.at < seen.at) first.set(key, { at: r.at, team: r.team });
    }
    return (courseId: string): CertificateBasisDetail => {
      const lessons = needed(courseId);
      if (lessons.length === 0 || !lessons.every((k) => first.has(k))) return SELF_STUDY;
      const last = lessons.map((k) => first.get(k)!).reduce((a, b) => (b.at > a.at ? b : a));
      return { kind: 'in-person', team: last.team, date: vietnamDay(last.at) };
    };
  };
}
