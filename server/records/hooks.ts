// What other features plug into the record pipeline. A projection keeps a
// feature's tables in step with the records (check-ins, profiles, guide
// sessions, dashboard rollups, audit); it is one entry in the list that
// server/app.ts hands to createRecordPipeline(), with hooks per family.
import type { SyncResult } from '../../shared/api.ts';
import type { GuideEvent, LearningEvent, UnitEvent } from '../../shared/events.ts';

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

/** Run inside the ingest transaction, in record order. */
export interface RecordHooks<E> {
  /** At the start of each request's write (again if a failed group is retried), with the records that passed
   * validation: for projections that look up once per request what they would otherwise ask per record. */
  begin?(by: Recorder, records: readonly E[]): void;
  /** May refuse a record (the first refusal in the list wins); runs before it is written. */
  check?(event: E, effectiveAt: number, by: Recorder): SyncResult | undefined;
  /** After the record's row went in (never for a duplicate). */
  apply?(event: E, effectiveAt: number): void;
  /** Once per request, after every apply(), with the records that went in, in order:
   * for projections that merge a batch's work (stats rollups). */
  applyBatch?(applied: ReadonlyArray<Applied<E>>): void;
  /** After the request's transaction committed (work that must not roll back with it). */
  afterCommit?(by: Recorder, outcomes: ReadonlyArray<Outcome<E>>): void;
}

/** One feature's hooks, per family it cares about. */
export interface Projection {
  name: string;
  learner?: RecordHooks<LearningEvent>;
  guide?: RecordHooks<GuideEvent>;
  unit?: RecordHooks<UnitEvent>;
}

/** One family's hooks of several projections as one, in list order: the first refusal wins; every apply runs. */
export function combineHooks<E>(list: ReadonlyArray<RecordHooks<E> | undefined>): Required<RecordHooks<E>> {
  const all = list.filter((h): h is RecordHooks<E> => h !== undefined);
  const begins = all.flatMap((h) => (h.begin ? [h.begin] : []));
  const checks = all.flatMap((h) => (h.check ? [h.check] : []));
  const applies = all.flatMap((h) => (h.apply ? [h.apply] : []));
  const batches = all.flatMap((h) => (h.applyBatch ? [h.applyBatch] : []));
  const afters = all.flatMap((h) => (h.afterCommit ? [h.afterCommit] : []));
  return {
    begin: (by, records) => begins.forEach((begin) => begin(by, records)),
    check(event, at, by) {
      for (const check of checks) {
        const refused = check(event, at, by);
        if (refused) return refused;
      }
      return undefined;
    },
    apply: (event, at) => applies.forEach((apply) => apply(event, at)),
    applyBatch: (applied) => batches.forEach((apply) => apply(applied)),
    afterCommit: (by, outcomes) => afters.forEach((after) => after(by, outcomes)),
  };
}
