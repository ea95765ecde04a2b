// Which learners an official figure of people counts (coverage, the ranking,
// the indicators), by the kind of evidence behind their learning
// (shared/stats/figure-kinds.ts). A learner counts as *verified* by a day
// when a guide stands behind some of their learning by then: a guide
// registered them (assisted), a guide recorded a lesson for them, or one of
// their own completions is credited to a session they checked in to (the
// attribution rule). Every other learner is *self-reported*. The two kinds
// split the learners, so the figures of both kinds add up to today's.
// Held records count for neither until a reviewer accepts them.
import { sql, type Placeholder, type SQL } from 'drizzle-orm';
import type { FigureKind } from '../../shared/stats/figure-kinds.ts';
import { guideEvents, statsLearners } from '../db/schema/index.ts';
import { notHeld, VERIFIED_SELF_COMPLETIONS } from './verified-records.ts';

/** The learning kinds an official figure of people counts: what the ward chose, outcomes aside. */
export type LearnerKinds = 'all' | 'verified' | 'self-reported' | 'none';

export function learnerKindsOf(kinds: readonly FigureKind[]): LearnerKinds {
  const v = kinds.includes('verified');
  const s = kinds.includes('self-reported');
  return v && s ? 'all' : v ? 'verified' : s ? 'self-reported' : 'none';
}

/** On a row of stats_learners: a guide stands behind this learner's learning before `endMs` (epoch ms, exclusive). */
export function verifiedLearner(endMs: SQL | Placeholder | number): SQL {
  // Written out with table names: inside the attribution join a bare column would be ambiguous.
  const learner = sql.raw('"stats_learners"."learner_id"');
  return sql`(${statsLearners.isAssisted} = 1
    OR EXISTS (SELECT 1 FROM ${guideEvents} WHERE ${guideEvents.learnerId} = ${learner} AND ${guideEvents.type} = 'lesson.completed'
                AND ${guideEvents.effectiveAt} < ${endMs} AND ${notHeld(sql`${guideEvents.id}`)})
    OR EXISTS (SELECT 1 FROM ${VERIFIED_SELF_COMPLETIONS} WHERE "events"."learner_id" = ${learner}
                AND "events"."effective_at" < ${endMs}))`;
}

/** The condition on stats_learners for the kinds chosen; undefined when every learner counts. */
export function learnerKindCondition(kinds: LearnerKinds, endMs: SQL | Placeholder | number): SQL | undefined {
  if (kinds === 'all') return undefined;
  if (kinds === 'verified') return verifiedLearner(endMs);
  if (kinds === 'self-reported') return sql`NOT ${verifiedLearner(endMs)}`;
  return sql`0 = 1`;
}
