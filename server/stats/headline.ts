// Ward-wide headline figures for a range. Learners are counted up to the
// range's end (coverage grows over time); activity, completions and the
// rest are counted inside the range.
import { and, between, count, eq, exists, gte, inArray, lt, lte, ne, sql, type AnyColumn } from 'drizzle-orm';
import type { Headline } from '../../shared/stats/api.ts';
import type { Engine } from '../db/engine/engine.ts';
import { certificates, guideEvents, guideSessions, integrityHolds, statsCourseDays, statsDaily, statsFirstDays } from '../db/schema/index.ts';
import { activeUpTo } from './active.ts';
import { msBounds, type DayRange } from './range.ts';
import { onlyIf, total } from './sql.ts';
import { notHeld } from './verified-records.ts';
import type { CertificateStanding } from '../../shared/resident/api.ts';

/** Where a learner's certificate of a course stands today (server/resident/certificates.ts). */
export type CertificateStandingOf = (learnerId: string, courseId: string) => Promise<CertificateStanding>;

const start = sql.placeholder('start');
const end = sql.placeholder('end');
const from = sql.placeholder('from');
const to = sql.placeholder('to');

// The headline's counts of learners and lessons, as expressions over the
// placeholders start and end (a range's days): the city's figures of each
// locality read them too (locality-figures.ts), so both say the same.
/** Learners by the range's end (sums of the first-day counters, stats-counters.ts, not a scan of every learner): all, new in the range, assisted. */
export const LEARNER_SUMS = {
  total: total(statsFirstDays.learners),
  fresh: total(onlyIf(gte(statsFirstDays.day, start), statsFirstDays.learners)),
  assisted: total(sql`${statsFirstDays.learners} * ${statsFirstDays.isAssisted}`),
};
export const LEARNERS_BY_END = lte(statsFirstDays.day, end);
/** Lesson completions in the range, and those a guide recorded. */
export const LESSON_SUMS = { completions: total(statsDaily.completions), assisted: total(statsDaily.assistedCompletions) };
export const LESSONS_IN_RANGE = between(statsDaily.day, start, end);

export function createHeadline(engine: Engine, standing: CertificateStandingOf) {
  const { db } = engine;
  const learners = db.select(LEARNER_SUMS).from(statsFirstDays).where(LEARNERS_BY_END).prepare();
  const active = activeUpTo(engine);
  const lessons = db.select(LESSON_SUMS).from(statsDaily).where(LESSONS_IN_RANGE).prepare();
  const courses = db
    .select({ n: total(statsCourseDays.completed) })
    .from(statsCourseDays)
    .where(and(inArray(statsCourseDays.courseId, db.selectDistinct({ courseId: statsDaily.courseId }).from(statsDaily)), between(statsCourseDays.day, start, end)))
    .prepare();
  // Tables keyed by time: the range as [from, to) in epoch ms (msBounds).
  const during = (at: AnyColumn) => and(gte(at, from), lt(at, to));
  const issued = db.select({ n: count() }).from(certificates).where(during(certificates.issuedAt)).prepare();
  // Certificates whose holder has records a plausibility rule holds or a reviewer dismissed: only
  // these can stand as anything but valid, so only these are worked out one by one.
  const questioned = db
    .select({ learnerId: certificates.learnerId, courseId: certificates.courseId })
    .from(certificates)
    .where(and(during(certificates.issuedAt), exists(db.select({ one: sql`1` }).from(integrityHolds).where(and(eq(integrityHolds.learnerId, certificates.learnerId), ne(integrityHolds.status, 'accepted'))))))
    .prepare();
  // Distinct (learner, outcome) pairs: the outcome is read from the JSON payload here, the same on every engine.
  const outcomes = db
    .selectDistinct({ learnerId: guideEvents.learnerId, payload: guideEvents.payload })
    .from(guideEvents)
    .where(
      and(
        eq(guideEvents.type, 'outcome.confirmed'),
        during(guideEvents.effectiveAt),
        // One a guide rule holds (server/integrity) counts once a reviewer accepts it.
        notHeld(guideEvents.id),
      ),
    )
    .prepare();
  const outcomesConfirmed = async (ms: { from: number; to: number }) => {
    const pairs = new Set<string>();
    for (const row of await outcomes.all(ms)) {
      const outcome = (JSON.parse(row.payload) as { outcome?: unknown }).outcome;
      if (outcome !== undefined && outcome !== null) pairs.add(`${row.learnerId} ${String(outcome)}`);
    }
    return pairs.size;
  };
  const sessions = db.select({ n: count() }).from(guideSessions).where(during(guideSessions.startsAt)).prepare();

  /** Every kind of lesson completion, before the ward's official kinds are applied (dashboard.ts). */
  return async (r: DayRange): Promise<Omit<Headline, 'lessonsCounted' | 'outcomesCounted'>> => {
    const days = { start: r.start, end: r.end };
    const l = (await learners.get(days))!;
    const lc = (await lessons.get(days))!;
    const [msFrom, msTo] = msBounds(r);
    const ms = { from: msFrom, to: msTo };
    let notValid = 0;
    for (const c of await questioned.all(ms)) if ((await standing(c.learnerId, c.courseId)) !== 'valid') notValid++;
    return {
      learners: l.total,
      newLearners: l.fresh,
      active7: await active(r.end - 6, r.end),
      active30: await active(r.end - 29, r.end),
      assistedLearners: l.assisted,
      selfLearners: l.total - l.assisted,
      lessonsCompleted: lc.completions,
      assistedCompletions: lc.assisted,
      selfCompletions: lc.completions - lc.assisted,
      coursesCompleted: (await courses.get(days))!.n,
      // Issued in the period and valid today (as /verify says).
      certificates: (await issued.get(ms))!.n - notValid,
      outcomesConfirmed: await outcomesConfirmed(ms),
      sessionsHeld: (await sessions.get(ms))!.n,
    };
  };
}
