// Whether a locality's headline figures can have changed since they were last
// read, in one statement: the sum of figure_changes (triggers on every table
// the figures read add to it, see the figure_changes migrations) and the
// rollup cursor against the last stored learner event (new events are not
// watched by a trigger: until the catch-up rolls them up, the cursor is behind).
//
// The sum grows with every committed change and never repeats, so an equal
// stamp means nothing the figures read was committed in between. Read the
// stamp before the figures: a change between the two only makes the next
// reading read again. A restored copy can repeat a stamp: the server
// processes are stopped for a restore (README, "Daily backup"), which empties what they keep.
import { sql } from 'drizzle-orm';
import type { Engine } from '../db/engine/engine.ts';
import { events, figureChanges, statsState } from '../db/schema/index.ts';
import { dialectOf } from './sql.ts';

export interface FigureStamp {
  /** Equal stamps: nothing the figures read changed in between. */
  key: string;
  /** Every stored learner event is rolled up. */
  settled: boolean;
}

export function createFigureStamp(engine: Engine) {
  const { db } = engine;
  const seq = dialectOf(engine.kind).rowOrder(events);
  const stamp = db
    .select({
      changes: sql<number | string>`(${db.select({ n: sql`coalesce(sum(${figureChanges.weight}), 0)` }).from(figureChanges)})`,
      through: statsState.learnerEventsThrough,
      last: sql<number | string | null>`(${db.select({ n: sql`max(${seq})` }).from(events)})`,
    })
    .from(statsState)
    .prepare();

  /** Undefined before the rollups were first built. */
  return async (): Promise<FigureStamp | undefined> => {
    const row = await stamp.get();
    if (!row) return undefined;
    return { key: `${row.changes}:${row.through}`, settled: row.last === null || Number(row.last) <= Number(row.through) };
  };
}
