// What the server of a sync-under-faults run stored, read beside it (never
// through its API) on either engine: portable SQL through storeRows, JSON
// read in TypeScript. On SQLite the file is opened read-only: after a SIGKILL
// this reads through the WAL left behind without checkpointing it, so the
// restarted server recovers it itself.
import { storeRows, type ServerStore } from './server-database.ts';
import type { SimDevice } from './sim-device.ts';
import type { SimGuide } from './sim-guide.ts';

type Store = Pick<ServerStore, 'dataDir' | 'databaseUrl'>;

/** The record tables, by family. */
export const TABLES = { learner: 'events', guide: 'guide_events' } as const;

/** One record family's figures. */
export interface FamilyFigures {
  phones: number;
  generated: number;
  stored: number;
  missing: number;
  extra: number;
  doubled: number;
}

/** The records of phones whose clock reset: kept with the phone's time, counted on the day they arrived. */
export interface ResetClockFigures {
  phones: number;
  records: number;
  /** Stored with the 1970 time the phone gave. */
  keptPhoneTime: number;
  /** Counted at a time within the run (when they arrived), not in 1970. */
  countedOnArrival: number;
  /** The earliest time any stored record of the run counts at, ms since 1970. */
  earliestCounted: number | null;
}

async function idsOf(store: Store, table: string): Promise<string[]> {
  return (await storeRows<{ id: string }>(store, `SELECT id FROM ${table}`)).map((r) => r.id);
}

/** Every record id stored, of both families (a set: doubles are counted by familyFigures). */
export async function storedIds(store: Store): Promise<Set<string>> {
  return new Set((await Promise.all(Object.values(TABLES).map((table) => idsOf(store, table)))).flat());
}

export async function familyFigures(store: Store, table: string, phones: number, generated: Set<string>): Promise<FamilyFigures> {
  const ids = await idsOf(store, table);
  const stored = new Set(ids);
  return {
    phones,
    generated: generated.size,
    stored: ids.length,
    missing: [...generated].filter((id) => !stored.has(id)).length,
    extra: ids.filter((id) => !generated.has(id)).length,
    doubled: ids.length - stored.size,
  };
}

/** `resetIds`: the records of the phones whose clock reset; `t0`: when the run began. */
export async function resetClockFigures(store: Store, phones: number, resetIds: string[], t0: number): Promise<ResetClockFigures> {
  const rows = await storeRows<{ id: string; occurredAt: number; effectiveAt: number }>(store, 'SELECT id, occurred_at AS "occurredAt", effective_at AS "effectiveAt" FROM events');
  const byId = new Map(rows.map((r) => [r.id, r]));
  const resetRows = resetIds.map((id) => byId.get(id)).filter((r) => r !== undefined);
  const [{ earliest }] = await storeRows<{ earliest: number | null }>(store, 'SELECT min(effective_at) AS earliest FROM events');
  return {
    phones,
    records: resetIds.length,
    keptPhoneTime: resetRows.filter((r) => r.occurredAt < t0 - 365 * 86_400_000).length,
    countedOnArrival: resetRows.filter((r) => r.effectiveAt >= t0).length,
    earliestCounted: earliest ?? null,
  };
}

/**
 * Rollup totals that disagree with what the phones recorded. Guide records
 * roll up in the transaction of their row, learner records from a cursor
 * after it (server/stats/catch-up.ts), across the SIGKILL restarts: a record
 * applied twice would count twice here even if its row did not.
 */
export async function rollupMismatches(store: Store, devices: SimDevice[], guides: SimGuide[]): Promise<string[]> {
  const sum = (list: Array<SimDevice | SimGuide>, k: 'started' | 'completed' | 'scoreSum') => list.reduce((n, d) => n + d.tally[k], 0);
  const want = {
    starts: sum(devices, 'started'),
    completions: sum(devices, 'completed') + sum(guides, 'completed'),
    assistedCompletions: sum(guides, 'completed'),
    scoreSum: sum(devices, 'scoreSum') + sum(guides, 'scoreSum'),
  };
  const [got] = await storeRows<typeof want>(
    store,
    'SELECT coalesce(sum(starts), 0) AS starts, coalesce(sum(completions), 0) AS completions, coalesce(sum(assisted_completions), 0) AS "assistedCompletions", coalesce(sum(score_sum), 0) AS "scoreSum" FROM stats_daily',
  );
  // Phones that learn at machine speed break the plausibility rules (server/integrity):
  // such a record is stored but held out of the rollups. Each record counts once or is held once.
  const [held] = await storeRows<{ starts: number; completions: number; scoreSum: number }>(
    store,
    `SELECT coalesce(sum(CASE WHEN e.type = 'lesson.started' THEN 1 ELSE 0 END), 0) AS starts,
            coalesce(sum(CASE WHEN e.type = 'lesson.completed' THEN 1 ELSE 0 END), 0) AS completions,
            coalesce(sum(coalesce(e.score, 0)), 0) AS "scoreSum"
       FROM integrity_holds h JOIN events e ON e.id = h.event_id WHERE h.status = 'held'`,
  );
  // Guides that record at machine speed break the guide rules (more learners an hour than a session holds) the same way.
  const heldGuided = await storeRows<{ payload: string }>(
    store,
    `SELECT g.payload FROM integrity_holds h JOIN guide_events g ON g.id = h.event_id WHERE h.status = 'held' AND g.type = 'lesson.completed'`,
  );
  const heldGuidedScore = heldGuided.reduce((n, r) => n + Number((JSON.parse(r.payload) as { score?: number }).score ?? 0), 0);
  got.starts += held.starts;
  got.completions += held.completions + heldGuided.length;
  got.assistedCompletions += heldGuided.length;
  got.scoreSum += held.scoreSum + heldGuidedScore;
  return (Object.keys(want) as Array<keyof typeof want>).filter((k) => got[k] !== want[k]).map((k) => `stats_daily ${k}: ${got[k]}, expected ${want[k]}`);
}
