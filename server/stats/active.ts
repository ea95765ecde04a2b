// Learners active in a range of days, for the headline and the summary:
// those whose last active day up to the range's end falls in the range,
// summed from the span counters (stats_active_spans, kept by triggers), so
// no DISTINCT over learner-days is needed.
import { and, between, eq, gt, or, sql } from 'drizzle-orm';
import type { Engine } from '../db/engine/engine.ts';
import { NO_NEXT_DAY, statsActiveSpans } from '../db/schema/index.ts';
import { total } from './sql.ts';

export function activeUpTo(engine: Engine): (first: number, last: number) => Promise<number> {
  const first = sql.placeholder('first');
  const last = sql.placeholder('last');
  const active = engine.db
    .select({ n: total(statsActiveSpans.learners) })
    .from(statsActiveSpans)
    .where(and(between(statsActiveSpans.day, first, last), or(gt(statsActiveSpans.nextDay, last), eq(statsActiveSpans.nextDay, NO_NEXT_DAY))))
    .prepare();
  return async (firstDay, lastDay) => (await active.get({ first: firstDay, last: lastDay }))!.n;
}
