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
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Engine } from '../db/engine/engine.ts';
import { quotedName } from '../db/engine/postgres.ts';
import { localitySchema } from '../db/pg/locality-schema.ts';
import { events, figureChanges, statsState } from '../db/schema/index.ts';
import type { LocalityStores, LocalityStoresOn } from '../localities/stores.ts';
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
    return row && stampOf(row);
  };
}

type StampRow = { changes: number | string; through: number | string; last: number | string | null };
const stampOf = ({ changes, through, last }: StampRow): FigureStamp => ({ key: `${changes}:${through}`, settled: last === null || Number(last) <= Number(through) });

/**
 * Every locality's stamp at once, for the city's view. PostgreSQL: one
 * statement over all the localities' schemas (a round trip each, with a
 * search_path set on a pooled connection, was most of a view where nothing
 * changed), prepared by name so each connection plans it once per list of
 * localities. SQLite (a file per locality): each file's own stamp, the
 * same reader as `of`.
 */
export function createCityFigureStamps(on: LocalityStoresOn, stores: LocalityStores) {
  const own = new Map<string, ReturnType<typeof createFigureStamp>>();
  const ownStamp = async (slug: string) => {
    let read = own.get(slug);
    if (!read) own.set(slug, (read = createFigureStamp(await stores.engineOf(slug))));
    return read();
  };

  const all = async (slugs: readonly string[]): Promise<Array<FigureStamp | undefined>> => {
    if (on.kind === 'sqlite') return Promise.all(slugs.map(ownStamp));
    await Promise.all(slugs.map((slug) => stores.engineOf(slug))); // each schema made and migrated
    if (slugs.length === 0) return [];
    const text = slugs
      .map((slug, i) => {
        const s = quotedName(localitySchema(slug));
        return `SELECT ${i} AS i, (SELECT coalesce(sum("weight"), 0) FROM ${s}."figure_changes") AS changes, "learner_events_through" AS through, (SELECT max("seq") FROM ${s}."events") AS last FROM ${s}."stats_state"`;
      })
      .join(' UNION ALL ');
    const name = `city-stamps-${createHash('sha256').update(text).digest('hex').slice(0, 16)}`;
    const { rows } = await on.pool.query<StampRow & { i: number }>({ name, text });
    const stamps: Array<FigureStamp | undefined> = slugs.map(() => undefined);
    for (const row of rows) stamps[row.i] = stampOf(row);
    return stamps;
  };
  // `of`: one locality's stamp on its own, read again after its catch-up (city/overview.ts).
  return Object.assign(all, { of: ownStamp });
}

export type CityFigureStamps = ReturnType<typeof createCityFigureStamps>;
