// Keeps self_check_results in step with `selfcheck.completed` records (a
// learner-family projection in the record pipeline): per learner and skill
// group, the first and the latest attempt by effective time, and how many
// attempts. A late phone's earlier attempt becomes the first; a duplicate
// never reaches apply(), so an attempt counts once.
import { and, eq, sql } from 'drizzle-orm';
import type { LearningEventOf } from '../../shared/events.ts';
import type { Engine } from '../db/engine/engine.ts';
import { placeholders } from '../db/placeholders.ts';
import { excluded } from '../db/set-values.ts';
import { selfCheckResults } from '../db/schema/index.ts';
import type { Projection } from '../records/hooks.ts';

type Row = typeof selfCheckResults.$inferInsert;
const scoreOf = (r: { right: number; total: number }) => Math.round((100 * r.right) / r.total);

export function createSelfCheckProjection(engine: Engine): Projection {
  const { db } = engine;
  const read = db
    .select()
    .from(selfCheckResults)
    .where(and(eq(selfCheckResults.learnerId, sql.placeholder('learnerId')), eq(selfCheckResults.skill, sql.placeholder('skill'))))
    .prepare();
  const write = db
    .insert(selfCheckResults)
    .values(placeholders<Row>(['learnerId', 'skill', 'attempts', 'firstEventId', 'firstAt', 'firstScore', 'latestEventId', 'latestAt', 'latestScore']))
    .onConflictDoUpdate({
      target: [selfCheckResults.learnerId, selfCheckResults.skill],
      set: {
        attempts: excluded(selfCheckResults.attempts),
        firstEventId: excluded(selfCheckResults.firstEventId),
        firstAt: excluded(selfCheckResults.firstAt),
        firstScore: excluded(selfCheckResults.firstScore),
        latestEventId: excluded(selfCheckResults.latestEventId),
        latestAt: excluded(selfCheckResults.latestAt),
        latestScore: excluded(selfCheckResults.latestScore),
      },
    })
    .prepare();

  async function attempt(event: LearningEventOf<'selfcheck.completed'>, at: number) {
    for (const result of event.results) {
      const score = scoreOf(result);
      const old = await read.get({ learnerId: event.learnerId, skill: result.skill });
      // Ties in time are broken by the record id (UUID v7, time-ordered).
      const earlier = !old || at < old.firstAt || (at === old.firstAt && event.id < old.firstEventId);
      const later = !old || at > old.latestAt || (at === old.latestAt && event.id > old.latestEventId);
      await write.run({
        learnerId: event.learnerId,
        skill: result.skill,
        attempts: (old?.attempts ?? 0) + 1,
        firstEventId: earlier ? event.id : old!.firstEventId,
        firstAt: earlier ? at : old!.firstAt,
        firstScore: earlier ? score : old!.firstScore,
        latestEventId: later ? event.id : old!.latestEventId,
        latestAt: later ? at : old!.latestAt,
        latestScore: later ? score : old!.latestScore,
      });
    }
  }

  return {
    name: 'self-check',
    learner: {
      async apply(event, effectiveAt) {
        if (event.type === 'selfcheck.completed') await attempt(event, effectiveAt);
      },
    },
  };
}
