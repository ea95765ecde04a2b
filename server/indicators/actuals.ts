// The indicators' actual figures from the data already held, per
// residential group (null: no group given, or one no longer in the profile)
// and for the ward. Definitions: shared/indicators/definitions.ts. Each is
// one grouped query over the rollups, the guide tables or the accounts, so
// a year of a ward's data costs a handful of index walks. The SQL is the
// same on both engines (server/db/engine).
import { and, count, countDistinct, eq, exists, gte, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { PLATFORM_CONFIRMED_OUTCOME } from '../../shared/guide/constants.ts';
import { ADULT_AGE, type BasicSkillsRule, type IndicatorId } from '../../shared/indicators/definitions.ts';
import { dayFromIso } from '../../shared/stats/days.ts';
import type { Engine } from '../db/engine/engine.ts';
import { certificates, guideEvents, guideGroups, guideSessions, householdMembers, households, statsLearners, users } from '../db/schema/index.ts';
import { learnerKindCondition, type LearnerKinds } from '../stats/learner-kinds.ts';
import { COUNTED_ATTENDANCE, notHeld } from '../stats/verified-records.ts';

/** An indicator's figure: per group key and for the ward (not always the sum: a team member serving two groups counts once). */
export interface Tally {
  byGroup: Map<string | null, number>;
  ward: number;
}
export type Actuals = Record<IndicatorId, Tally>;

export interface ActualsSpan {
  /** First and last day, inclusive (Vietnam calendar days). */
  from: string;
  to: string;
  basicSkillsRule: BasicSkillsRule;
  /** Which learners the indicators of learning count (basic skills, households, certificates): the ward's official kinds. */
  learners: LearnerKinds;
}

const DAY_MS = 86_400_000;
/** [start, end) in epoch ms of inclusive Vietnam days. */
const msOf = (from: string, to: string): [number, number] => [Date.parse(`${from}T00:00:00+07:00`), Date.parse(`${to}T00:00:00+07:00`) + DAY_MS];

interface GroupCount {
  groupId: string | null;
  n: number;
}
const tally = (rows: readonly GroupCount[], ward?: number): Tally => {
  const byGroup = new Map<string | null, number>();
  for (const r of rows) byGroup.set(r.groupId, (byGroup.get(r.groupId) ?? 0) + r.n);
  return { byGroup, ward: ward ?? rows.reduce((a, r) => a + r.n, 0) };
};

/** Every indicator's figures for a span, read in one transaction on the engine. */
export function createIndicatorActuals(engine: Engine) {
  return (span: ActualsSpan, knownGroups: readonly string[]): Promise<Actuals> =>
    engine.transaction(async (tx) => {
      const { db } = tx;
      const [start, end] = msOf(span.from, span.to);
      const endDay = dayFromIso(span.to);
      const bornBy = Number(span.to.slice(0, 4)) - ADULT_AGE;
      const adult = or(isNull(statsLearners.birthYear), lte(statsLearners.birthYear, bornBy));
      // Learners meeting the ward's definition by the end day, per group, of the kinds the ward counts
      // (server/stats/learner-kinds.ts: a guide behind their learning before the period's end, or not).
      const ofKinds = learnerKindCondition(span.learners, end);
      const skillDay = span.basicSkillsRule === 'five-skills' ? statsLearners.fiveSkillsDay : statsLearners.firstCourseDay;
      const basicSkills = await db
        .select({ groupId: statsLearners.groupId, n: count() })
        .from(statsLearners)
        .where(and(lte(skillDay, endDay), adult, ofKinds))
        .groupBy(statsLearners.groupId);

      // Confirmed outcomes up to the end, held ones left out until accepted; which outcome is in the stored record (read here, not in SQL).
      const outcomes = await db
        .select({ learnerId: guideEvents.learnerId, groupId: statsLearners.groupId, payload: guideEvents.payload })
        .from(guideEvents)
        .innerJoin(statsLearners, eq(statsLearners.learnerId, guideEvents.learnerId))
        .where(and(eq(guideEvents.type, 'outcome.confirmed'), notHeld(guideEvents.id), lt(guideEvents.effectiveAt, end), adult));
      const confirmed = new Map<string, string | null>();
      for (const o of outcomes) {
        if (o.learnerId && (JSON.parse(o.payload) as { outcome: string }).outcome === PLATFORM_CONFIRMED_OUTCOME) confirmed.set(o.learnerId, o.groupId);
      }

      const anyFiveSkills = db
        .select({ one: sql`1` })
        .from(householdMembers)
        .innerJoin(statsLearners, eq(statsLearners.learnerId, householdMembers.learnerId))
        .where(and(eq(householdMembers.householdId, households.id), lte(statsLearners.fiveSkillsDay, endDay), ofKinds));
      const homes = await db.select({ groupId: households.groupId, n: count() }).from(households).where(exists(anyFiveSkills)).groupBy(households.groupId);

      // Members as of the period's end: made by then, and not turned off by then (an account turned off
      // before the day was kept counts as off throughout). Group assignments are today's: they keep no history.
      const activeCns = and(eq(users.role, 'guide'), eq(users.team, 'cns'), lt(users.createdAt, end), or(eq(users.disabled, false), gte(users.disabledAt, end)));
      const membersByGroup = await db
        .select({ groupId: guideGroups.groupId, n: countDistinct(users.id) })
        .from(users)
        .innerJoin(guideGroups, eq(guideGroups.userId, users.id))
        .where(activeCns)
        .groupBy(guideGroups.groupId);
      const perGroupMembers = membersByGroup.filter((r) => knownGroups.includes(r.groupId));
      const members = (await db.select({ n: count() }).from(users).where(activeCns).get())?.n ?? 0;

      const sessions = await db
        .select({ groupId: guideSessions.groupId, n: count() })
        .from(guideSessions)
        .where(and(gte(guideSessions.startsAt, start), lt(guideSessions.startsAt, end)))
        .groupBy(guideSessions.groupId);
      // Attendances: each person once per session (the team report's rule), by records that count.
      const participants = await tx.all<GroupCount>(sql`SELECT ${guideSessions.groupId} AS "groupId", COUNT(DISTINCT attendance.session_id || '/' || attendance.learner_id) AS n
        FROM ${COUNTED_ATTENDANCE} JOIN ${guideSessions} ON ${guideSessions.id} = attendance.session_id
       WHERE ${guideSessions.startsAt} >= ${start} AND ${guideSessions.startsAt} < ${end} GROUP BY ${guideSessions.groupId}`);

      const issued = await db
        .select({ groupId: statsLearners.groupId, n: count() })
        .from(certificates)
        .leftJoin(statsLearners, eq(statsLearners.learnerId, certificates.learnerId))
        .where(and(gte(certificates.issuedAt, start), lt(certificates.issuedAt, end), ofKinds))
        .groupBy(statsLearners.groupId);

      return {
        'basic-skills': tally(basicSkills),
        'platform-confirmed': tally([...confirmed.values()].map((groupId) => ({ groupId, n: 1 }))),
        'households-five-skills': tally(homes),
        'cns-teams': tally(perGroupMembers.map((r) => ({ groupId: r.groupId, n: r.n > 0 ? 1 : 0 }))),
        'cns-members': tally(perGroupMembers, members),
        sessions: tally(sessions),
        participants: tally(participants),
        certificates: tally(issued),
      };
    }, { readOnly: true });
}
