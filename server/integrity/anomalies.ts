// The reviewer's anomaly view: who and what is held, as counts per rule and
// per residential group, and the waiting learners by code (the 6 characters
// of shared/guide/learner-code.ts). Held records of learners no learner rule
// flagged (a lesson too fast) are waiting too, under their records' rules.
import { createHash } from 'node:crypto';
import { eq, sql } from 'drizzle-orm';
import type { Anomalies } from '../../shared/integrity/api.ts';
import { learnerCode } from '../../shared/guide/learner-code.ts';
import { PLAUSIBILITY_RULES, type PlausibilityLimits, type PlausibilityRule } from '../../shared/integrity/plausibility.ts';
import type { Engine } from '../db/engine/engine.ts';
import { integrityHolds, integrityLearners, statsLearners } from '../db/schema/index.ts';

/** The handle a reviewer's decision names: a hash of the learner id, so the view carries codes and handles, never an id. */
export const reviewRef = (learnerId: string) => createHash('sha256').update(`review:${learnerId}`).digest('base64url').slice(0, 22);

/** Learners listed at once, oldest first; the counts cover all of them. */
const PAGE = 200;

export function createAnomalies(engine: Engine, limits: PlausibilityLimits) {
  const db = engine.db;
  const heldRows = db
    .select({ learnerId: integrityHolds.learnerId, rules: integrityHolds.rules, heldAt: integrityHolds.heldAt })
    .from(integrityHolds)
    .where(eq(integrityHolds.status, 'held'))
    .prepare();
  const waitingLearners = db
    .select({ learnerId: integrityLearners.learnerId, rules: integrityLearners.rules, flaggedAt: integrityLearners.flaggedAt })
    .from(integrityLearners)
    .where(sql`${integrityLearners.decision} IS NULL`)
    .prepare();
  const decided = db
    .select({ decision: integrityHolds.status, n: sql<number>`count(DISTINCT ${integrityHolds.learnerId})` })
    .from(integrityHolds)
    .where(sql`${integrityHolds.status} != 'held'`)
    .groupBy(integrityHolds.status)
    .prepare();
  const groupOf = db.select({ groupId: statsLearners.groupId }).from(statsLearners).where(eq(statsLearners.learnerId, sql.placeholder('learner'))).prepare();

  const underReview = db
    .selectDistinct({ learnerId: integrityHolds.learnerId })
    .from(integrityHolds)
    .union(db.select({ learnerId: integrityLearners.learnerId }).from(integrityLearners))
    .prepare();
  /** The learner a handle from the view names (any learner with a hold or a flag), if any. */
  const learnerOf = async (ref: string): Promise<string | undefined> => (await underReview.all()).find((r) => reviewRef(r.learnerId) === ref)?.learnerId;

  return { view: anomalies, learnerOf };

  async function anomalies(): Promise<Anomalies> {
    const byLearner = new Map<string, { rules: Set<PlausibilityRule>; held: number; since: number }>();
    const entry = (learnerId: string, at: number) => {
      let e = byLearner.get(learnerId);
      if (!e) byLearner.set(learnerId, (e = { rules: new Set(), held: 0, since: at }));
      e.since = Math.min(e.since, at);
      return e;
    };
    for (const l of await waitingLearners.all()) for (const r of JSON.parse(l.rules) as PlausibilityRule[]) entry(l.learnerId, l.flaggedAt).rules.add(r);
    const recordsByRule = new Map<PlausibilityRule, number>();
    for (const h of await heldRows.all()) {
      const e = entry(h.learnerId, h.heldAt);
      e.held += 1;
      for (const r of JSON.parse(h.rules) as PlausibilityRule[]) {
        e.rules.add(r);
        recordsByRule.set(r, (recordsByRule.get(r) ?? 0) + 1);
      }
    }
    const learners: Array<{ learnerId: string; code: string; groupId: string | null; rules: PlausibilityRule[]; held: number; at: number }> = [];
    for (const [learnerId, e] of byLearner) {
      const groupId = (await groupOf.get({ learner: learnerId }))?.groupId ?? null;
      learners.push({ learnerId, code: learnerCode(learnerId), groupId, rules: PLAUSIBILITY_RULES.filter((r) => e.rules.has(r)), held: e.held, at: e.since });
    }
    learners.sort((a, b) => a.at - b.at || a.learnerId.localeCompare(b.learnerId));
    const groups = new Map<string | null, { learners: number; records: number }>();
    for (const l of learners) {
      const g = groups.get(l.groupId) ?? { learners: 0, records: 0 };
      g.learners += 1;
      g.records += l.held;
      groups.set(l.groupId, g);
    }
    const done = Object.fromEntries((await decided.all()).map((d) => [d.decision, d.n]));
    return {
      limits: { ...limits },
      rules: PLAUSIBILITY_RULES.map((rule) => ({ rule, learners: learners.filter((l) => l.rules.includes(rule)).length, records: recordsByRule.get(rule) ?? 0 })),
      groups: [...groups.entries()].map(([groupId, g]) => ({ groupId, ...g })).sort((a, b) => (a.groupId ?? '\uffff').localeCompare(b.groupId ?? '\uffff')),
      learners: learners.slice(0, PAGE).map(({ at, learnerId, ...l }) => ({ ref: reviewRef(learnerId), ...l, since: new Date(at).toISOString() })),
      waiting: learners.length,
      decided: { accepted: done.accepted ?? 0, dismissed: done.dismissed ?? 0 },
    };
  }
}
