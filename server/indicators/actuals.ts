// The indicators' actual figures from the data already held, per
// residential group (null: no group given, or one no longer in the profile)
// and for the ward. Definitions: shared/indicators/definitions.ts. Each is
// one grouped query over the rollups, the guide tables or the accounts, so
// a year of a ward's data costs a handful of index walks.
import { and, count, countDistinct, eq, exists, gte, isNull, lt, lte, or, sql } from 'drizzle-orm';
import { PLATFORM_CONFIRMED_OUTCOME } from '../../shared/guide/constants.ts';
import { ADULT_AGE, type BasicSkillsRule, type IndicatorId } from '../../shared/indicators/definitions.ts';
import { dayFromIso } from '../../shared/stats/days.ts';
import type { Db } from '../db/open.ts';
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

export function createIndicatorActuals(db: Db) {
  const endDay = sql.placeholder('endDay');
  const bornBy = sql.placeholder('bornBy');
  const from = sql.placeholder('from');
  const to = sql.placeholder('to');
  const adult = or(isNull(statsLearners.birthYear), lte(statsLearners.birthYear, bornBy));

  // Learners meeting the ward's definition by the end day, per group, of the kinds the ward counts
  // (server/stats/learner-kinds.ts: a guide behind their learning before the period's end, or not).
  const ofKinds = (kinds: LearnerKinds) => learnerKindCondition(kinds, to);
  const perKinds = <T>(make: (kinds: LearnerKinds) => T): Record<LearnerKinds, T> => ({ all: make('all'), verified: make('verified'), 'self-reported': make('self-reported'), none: make('none') });
  const skilled = (day: typeof statsLearners.fiveSkillsDay | typeof statsLearners.firstCourseDay) =>
    perKinds((kinds) =>
      db
        .select({ groupId: statsLearners.groupId, n: count() })
        .from(statsLearners)
        .where(and(lte(day, endDay), adult, ofKinds(kinds)))
        .groupBy(statsLearners.groupId)
        .prepare(),
    );
  const basicSkills = {
    'five-skills': skilled(statsLearners.fiveSkillsDay),
    'one-course': skilled(statsLearners.firstCourseDay),
  };

  // Confirmed outcomes up to the end, held ones left out until accepted; which outcome is in the stored record (read below, not in SQL).
  const outcomes = db
    .select({ learnerId: guideEvents.learnerId, groupId: statsLearners.groupId, payload: guideEvents.payload })
    .from(guideEvents)
    .innerJoin(statsLearners, eq(statsLearners.learnerId, guideEvents.learnerId))
    .where(and(eq(guideEvents.type, 'outcome.confirmed'), notHeld(guideEvents.id), lt(guideEvents.effectiveAt, to), adult))
    .prepare();

  const homes = perKinds((kinds) => {
    const anyFiveSkills = db
      .select({ one: sql`1` })
      .from(householdMembers)
      .innerJoin(statsLearners, eq(statsLearners.learnerId, householdMembers.learnerId))
      .where(and(eq(householdMembers.householdId, households.id), lte(statsLearners.fiveSkillsDay, endDay), ofKinds(kinds)));
    return db
      .select({ groupId: households.groupId, n: count() })
      .from(households)
      .where(exists(anyFiveSkills))
      .groupBy(households.groupId)
      .prepare();
  });

  // Members as of the period's end: made by then, and not turned off by then (an account turned off
  // before the day was kept counts as off throughout). Group assignments are today's: they keep no history.
  const activeCns = and(
    eq(users.role, 'guide'),
    eq(users.team, 'cns'),
    lt(users.createdAt, sql.placeholder('end')),
    or(eq(users.disabled, false), gte(users.disabledAt, sql.placeholder('end'))),
  );
  const membersByGroup = db
    .select({ groupId: guideGroups.groupId, n: countDistinct(users.id) })
    .from(users)
    .innerJoin(guideGroups, eq(guideGroups.userId, users.id))
    .where(activeCns)
    .groupBy(guideGroups.groupId)
    .prepare();
  const members = db.select({ n: count() }).from(users).where(activeCns).prepare();

  const inPeriod = and(gte(guideSessions.startsAt, from), lt(guideSessions.startsAt, to));
  const sessions = db.select({ groupId: guideSessions.groupId, n: count() }).from(guideSessions).where(inPeriod).groupBy(guideSessions.groupId).prepare();
  // Attendances: each person once per session (the team report's rule), by records that count.
  const participants = (start: number, end: number) =>
    db.all<GroupCount>(sql`SELECT ${guideSessions.groupId} AS groupId, COUNT(DISTINCT attendance.session_id || '/' || attendance.learner_id) AS n
      FROM ${COUNTED_ATTENDANCE} JOIN ${guideSessions} ON ${guideSessions.id} = attendance.session_id
     WHERE ${guideSessions.startsAt} >= ${start} AND ${guideSessions.startsAt} < ${end} GROUP BY ${guideSessions.groupId}`);

  const issued = perKinds((kinds) =>
    db
      .select({ groupId: statsLearners.groupId, n: count() })
      .from(certificates)
      .leftJoin(statsLearners, eq(statsLearners.learnerId, certificates.learnerId))
      .where(and(gte(certificates.issuedAt, from), lt(certificates.issuedAt, to), ofKinds(kinds)))
      .groupBy(statsLearners.groupId)
      .prepare(),
  );

  /** Every indicator's figures for a span, in one read transaction. */
  return (span: ActualsSpan, knownGroups: readonly string[]): Actuals =>
    db.transaction(
      () => {
        const [start, end] = msOf(span.from, span.to);
        const toDate = { endDay: dayFromIso(span.to), bornBy: Number(span.to.slice(0, 4)) - ADULT_AGE, to: end };
        const confirmed = new Map<string, string | null>();
        for (const o of outcomes.all({ to: end, bornBy: toDate.bornBy })) {
          if (o.learnerId && (JSON.parse(o.payload) as { outcome: string }).outcome === PLATFORM_CONFIRMED_OUTCOME) confirmed.set(o.learnerId, o.groupId);
        }
        const perGroupMembers = membersByGroup.all({ end }).filter((r) => knownGroups.includes(r.groupId!));
        return {
          'basic-skills': tally(basicSkills[span.basicSkillsRule][span.learners].all(toDate)),
          'platform-confirmed': tally([...confirmed.values()].map((groupId) => ({ groupId, n: 1 }))),
          'households-five-skills': tally(homes[span.learners].all({ endDay: toDate.endDay, to: end })),
          'cns-teams': tally(perGroupMembers.map((r) => ({ groupId: r.groupId, n: r.n > 0 ? 1 : 0 }))),
          'cns-members': tally(perGroupMembers, members.get({ end })?.n ?? 0),
          sessions: tally(sessions.all({ from: start, to: end })),
          participants: tally(participants(start, end)),
          certificates: tally(issued[span.learners].all({ from: start, to: end })),
        };
      },
      { behavior: 'deferred' },
    );
}
