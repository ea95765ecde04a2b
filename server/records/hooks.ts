// What other features plug into the record pipeline. A projection keeps a
// feature's tables in step with the records (check-ins, profiles, guide
// sessions, dashboard rollups, audit); it is one entry in the list that
// server/app.ts hands to createRecordPipeline(), with hooks per family.
import type { SyncResult } from '../../shared/api.ts';
import type { GuideEvent, LearningEvent, UnitEvent } from '../../shared/events.ts';
import type { Engine } from '../db/engine/engine.ts';

/** Who sent a request: the learner (their credentials) or the staff user (their login), and the phone. */
export interface Recorder {
  id: string;
  deviceId: string;
}

export interface Applied<E> {
  event: E;
  effectiveAt: number;
}

/** A record that passed validation, and what became of it. */
export interface Outcome<E> {
  event: E;
  status: SyncResult['status'];
}

/** What a hook may return: its value now, or a promise of it (a hook on the engine, server/db/engine). */
type Maybe<T> = T | Promise<T>;

/**
 * Run inside the ingest transaction, in record order. `tx` is that
 * transaction on the engine: a hook on the engine reads and writes through it
 * only. A hook still on the synchronous SQLite builder (ctx.db) writes on the
 * same connection, inside the same transaction, and needs no `tx`.
 */
export interface RecordHooks<E> {
  /** At the start of each request's write (again if a failed group is retried), with the records that passed
   * validation: for projections that look up once per request what they would otherwise ask per record. */
  begin?(by: Recorder, records: readonly E[], tx: Engine): Maybe<void>;
  /** May refuse a record (the first refusal in the list wins); runs before it is written. */
  check?(event: E, effectiveAt: number, by: Recorder, tx: Engine): Maybe<SyncResult | undefined>;
  /** After the record's row went in (never for a duplicate). */
  apply?(event: E, effectiveAt: number, tx: Engine): Maybe<void>;
  /** Once per request, after every apply(), with the records that went in, in order:
   * for projections that merge a batch's work (stats rollups). */
  applyBatch?(applied: ReadonlyArray<Applied<E>>, tx: Engine): Maybe<void>;
  /** After the request's transaction committed (work that must not roll back with it). */
  afterCommit?(by: Recorder, outcomes: ReadonlyArray<Outcome<E>>): Maybe<void>;
}

/** The hooks of a family combined: every one awaited, in list order. */
export interface CombinedHooks<E> {
  begin(by: Recorder, records: readonly E[], tx: Engine): Promise<void>;
  check(event: E, effectiveAt: number, by: Recorder, tx: Engine): Promise<SyncResult | undefined>;
  apply(event: E, effectiveAt: number, tx: Engine): Promise<void>;
  applyBatch(applied: ReadonlyArray<Applied<E>>, tx: Engine): Promise<void>;
  afterCommit(by: Recorder, outcomes: ReadonlyArray<Outcome<E>>): Promise<void>;
}

/** One feature's hooks, per family it cares about. */
export interface Projection {
  name: string;
  learner?: RecordHooks<LearningEvent>;
  guide?: RecordHooks<GuideEvent>;
  unit?: RecordHooks<UnitEvent>;
}

/** One family's hooks of several projections as one, in list order: the first refusal wins; every apply runs. */
export function combineHooks<E>(list: ReadonlyArray<RecordHooks<E> | undefined>): CombinedHooks<E> {
  const all = list.filter((h): h is RecordHooks<E> => h !== undefined);
  const begins = all.flatMap((h) => (h.begin ? [h.begin.bind(h)] : []));
  const checks = all.flatMap((h) => (h.check ? [h.check.bind(h)] : []));
  const applies = all.flatMap((h) => (h.apply ? [h.apply.bind(h)] : []));
  const batches = all.flatMap((h) => (h.applyBatch ? [h.applyBatch.bind(h)] : []));
  const afters = all.flatMap((h) => (h.afterCommit ? [h.afterCommit.bind(h)] : []));
  // A hook still synchronous is not awaited: a microtask per hook and record adds up on the sync path.
  return {
    async begin(by, records, tx) {
      for (const begin of begins) {
        const done = begin(by, records, tx);
        if (done) await done;
      }
    },
    async check(event, at, by, tx) {
      for (const check of checks) {
        const answer = check(event, at, by, tx);
        const refused = answer instanceof Promise ? await answer : answer;
        if (refused) return refused;
      }
      return undefined;
    },
    async apply(event, at, tx) {
      for (const apply of applies) {
        const done = apply(event, at, tx);
        if (done) await done;
      }
    },
    async applyBatch(applied, tx) {
      for (const apply of batches) {
        const done = apply(applied, tx);
        if (done) await done;
      }
    },
    async afterCommit(by, outcomes) {
      for (const after of afters) {
        const done = after(by, outcomes);
        if (done) await done;
      }
    },
  };
}
