// The side of the plausibility holds that the stats rollups (server/stats,
// still on the synchronous SQLite builder) share: whether a record counts,
// asked for each record they roll up, and which of a learner's records their
// catch-up cursor (SQLite's insertion order) has already passed. It moves to
// the engine with the rollups; the holds themselves (holds.ts) are on it.
import { eq, sql } from 'drizzle-orm';
import type { GuideEvent, LearningEvent } from '../../shared/events.ts';
import type { Db } from '../db/open.ts';
import { directValue } from '../db/direct.ts';
import { dialect } from '../stats/sql.ts';
import type { StatsRollup } from '../stats/rollup.ts';
import { events, integrityHolds } from '../db/schema/index.ts';
import type { HoldsRollup, RecordRow } from './holds.ts';

/** The part the stats rollup needs before it exists: which records count. */
export function createHoldTable(db: Db) {
  // Asked for each learning record a sync stores: bound directly (db/direct.ts).
  const held = directValue<string>(
    db.$client,
    db.select({ status: integrityHolds.status }).from(integrityHolds).where(eq(integrityHolds.eventId, sql.placeholder('id'))).prepare(),
  );
  return {
    counts(eventId: string): boolean {
      const status = held({ id: eventId });
      return status === undefined || status === 'accepted';
    },
  };
}

/**
 * The stats rollups as the holds see them. A learner record counts in the
 * rollups once their catch-up has passed it while it counted; one the
 * catch-up has not reached yet is counted (or skipped) by it later, so only
 * records at or before its cursor are taken out or counted here.
 */
export function rollupForHolds(db: Db, rollup: StatsRollup): HoldsRollup {
  const seqOf = directValue<number>(db.$client, db.select({ seq: dialect.rowOrder(events) }).from(events).where(eq(events.id, sql.placeholder('id'))).prepare());
  const passed = (rows: readonly RecordRow[]) => {
    const through = rollup.learnerRecordsThrough();
    return rows.filter((row) => (seqOf({ id: row.id }) ?? Infinity) <= through);
  };
  return {
    catchUp: () => rollup.catchUp(),
    withdraw(learnerId, rows, guideRows) {
      const counted = passed(rows);
      if (counted.length > 0) rollup.withdraw(learnerId, counted, guideRows);
    },
    countReleased(rows, guideRows) {
      for (const row of guideRows) rollup.countGuideRecord(JSON.parse(row.payload) as GuideEvent, row.effectiveAt);
      for (const row of passed(rows)) rollup.countLearnerRecord(JSON.parse(row.payload) as LearningEvent, row.effectiveAt);
    },
  };
}
