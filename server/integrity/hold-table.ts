// The side of the plausibility holds that the stats rollups (server/stats)
// share: which records count, asked for each page of records they roll up,
// and which of a learner's records their catch-up cursor (insertion order:
// SQLite's rowid, PostgreSQL's seq) has already passed.
import { eq, inArray, sql } from 'drizzle-orm';
import type { GuideEvent, LearningEvent } from '../../shared/events.ts';
import type { Engine } from '../db/engine/engine.ts';
import { dialectOf } from '../stats/sql.ts';
import type { StatsRollup } from '../stats/rollup.ts';
import { events, integrityHolds } from '../db/schema/index.ts';
import type { HoldsRollup, RecordRow } from './holds.ts';

/** Ids per lookup: well under either engine's limit of bound values. */
const CHUNK = 500;

/** Runs `lookup` on slices of `ids`, all results together. */
async function inChunks<T>(ids: readonly string[], lookup: (slice: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < ids.length; i += CHUNK) out.push(...(await lookup(ids.slice(i, i + CHUNK))));
  return out;
}

/** The part the stats rollup needs before it exists: which records count. */
export function createHoldTable(engine: Engine) {
  const db = engine.db;
  // Asked for each guide record a sync stores that a hold can keep out.
  const held = db.select({ status: integrityHolds.status }).from(integrityHolds).where(eq(integrityHolds.eventId, sql.placeholder('id'))).prepare();
  return {
    /** Which of these records count: no hold on them, or one a reviewer accepted (one query per page, not per record). */
    async counted(eventIds: readonly string[]): Promise<ReadonlySet<string>> {
      if (eventIds.length === 1) {
        const hold = await held.get({ id: eventIds[0] });
        return new Set(hold === undefined || hold.status === 'accepted' ? eventIds : []);
      }
      const holds = await inChunks(eventIds, (slice) =>
        db.select({ id: integrityHolds.eventId, status: integrityHolds.status }).from(integrityHolds).where(inArray(integrityHolds.eventId, slice)),
      );
      const notCounted = new Set(holds.filter((h) => h.status !== 'accepted').map((h) => h.id));
      return new Set(eventIds.filter((id) => !notCounted.has(id)));
    },
  };
}

/**
 * The stats rollups as the holds see them. A learner record counts in the
 * rollups once their catch-up has passed it while it counted; one the
 * catch-up has not reached yet is counted (or skipped) by it later, so only
 * records at or before its cursor are taken out or counted here.
 */
export function rollupForHolds(engine: Engine, rollup: StatsRollup): HoldsRollup {
  const seq = dialectOf(engine.kind).rowOrder(events);
  const passed = async (rows: readonly RecordRow[]) => {
    if (rows.length === 0) return [];
    const through = await rollup.learnerRecordsThroughNow(); // as stored: another process's catch-up may have moved it
    const seqs = await inChunks(
      rows.map((row) => row.id),
      (slice) => engine.db.select({ id: events.id, seq }).from(events).where(inArray(events.id, slice)),
    );
    const within = new Set(seqs.filter((s) => s.seq <= through).map((s) => s.id));
    return rows.filter((row) => within.has(row.id));
  };
  return {
    catchUp: () => rollup.catchUp(),
    async withdraw(learnerId, rows, guideRows) {
      const counted = await passed(rows);
      if (counted.length > 0) await rollup.withdraw(learnerId, counted, guideRows);
    },
    async countReleased(rows, guideRows) {
      for (const row of guideRows) await rollup.countGuideRecord(JSON.parse(row.payload) as GuideEvent, row.effectiveAt);
      for (const row of await passed(rows)) await rollup.countLearnerRecord(JSON.parse(row.payload) as LearningEvent, row.effectiveAt);
    },
  };
}
