// The one ingest for every record family (sync protocol v1): at-least-once
// delivery from phones, deduplicated here.
// - Each record is validated on its own with its family's shared zod schema,
//   and must name the recorder whose credentials sent it; one bad record is
//   'rejected' (the phone stops resending it) without blocking the rest.
// - Inside the transaction, in order: the projections' checks (rights and
//   feature rules), then INSERT … ON CONFLICT(id) DO NOTHING: a resent record
//   is a 'duplicate' and never a second row — also when the rules would now
//   refuse it. An id already stored for another recorder is a 'conflict',
//   never a 'duplicate': the phone deletes what is acknowledged, and this
//   record was not stored for it (the phone sends it again under a new id).
//   Records are written in order, so a learner registered earlier in a batch
//   can receive completions later in the same batch.
// - A request's records commit together, shared with the requests that
//   arrived with it (group-commit.ts); the answer is sent only after that
//   commit (see db/open.ts on fsync).
import type { SyncResult } from '../../shared/api.ts';
import { foreignTypeRefusal, RECORD_FAMILIES, type RecordFamilyName, type RecordOf } from '../../shared/events.ts';
import { formatZodError } from '../http/errors.ts';
import type { GroupCommit, WriteJob } from './group-commit.ts';
import type { Engine } from '../db/engine/engine.ts';
import type { Applied, CombinedHooks, Outcome, Recorder } from './hooks.ts';
import type { RecordStore } from './stores.ts';
import { effectiveTime } from './times.ts';

export interface IngestRequest {
  by: Recorder;
  records: unknown[];
  receivedAt: number;
}

/** Echo at most this much of an unusable id back to the client. */
const MAX_ECHOED_ID = 100;

const field = (raw: unknown, name: string): unknown => (typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>)[name] : undefined);
const resultId = (raw: unknown) => {
  const id = field(raw, 'id');
  return typeof id === 'string' ? id.slice(0, MAX_ECHOED_ID) : '';
};
const reject = (id: string, code: string, message: string): SyncResult => ({ id, status: 'rejected', error: { code, message } });
const conflict = (id: string): SyncResult => ({
  id,
  status: 'conflict',
  error: { code: 'id_conflict', message: 'Another recorder already has a record with this id; this one was not stored. Send it again with a new id.' },
});

/** What a family calls an unknown type in its error message ("guide event type", …). */
const TYPE_NOUN: Record<RecordFamilyName, string> = { learner: 'event type', guide: 'guide event type', unit: 'unit record type' };

export function createIngest<F extends RecordFamilyName>(family: F, store: RecordStore<RecordOf[F]>, hooks: CombinedHooks<RecordOf[F]>, commit: GroupCommit) {
  type E = RecordOf[F];
  const { schema } = RECORD_FAMILIES[family];

  /** Per-record validation, outside the transaction: results for the refused, records for the rest. */
  function validate({ by, records }: IngestRequest) {
    const results: SyncResult[] = new Array(records.length);
    const valid: Array<{ index: number; event: E }> = [];
    records.forEach((raw, index) => {
      const type = field(raw, 'type');
      const foreign = typeof type === 'string' ? foreignTypeRefusal(family, type) : undefined;
      if (foreign) return void (results[index] = reject(resultId(raw), 'forbidden', foreign));
      const parsed = schema.safeParse(raw);
      if (!parsed.success) {
        results[index] =
          typeof type === 'string' && !RECORD_FAMILIES[family].types.includes(type)
            ? reject(resultId(raw), 'unknown_type', `Unknown ${TYPE_NOUN[family]} "${type.slice(0, 40)}"`)
            : reject(resultId(raw), 'invalid_event', formatZodError(parsed.error));
        return;
      }
      const event = parsed.data as E;
      if (store.recorderOf(event) !== by.id) return void (results[index] = reject(event.id, 'forbidden', store.notYours));
      valid.push({ index, event });
    });
    return { valid, results };
  }

  /** The request's write job and the results it fills in. */
  function prepare(request: IngestRequest) {
    const { valid, results } = validate(request);
    const { by, receivedAt } = request;
    const records = valid.map(({ event }) => event);
    const job: WriteJob = {
      size: valid.length,
      // May run twice (a failed group is retried request by request): everything it sets is recomputed.
      async write(tx: Engine) {
        const applied: Applied<E>[] = [];
        /** What a record whose id is already stored is: a resend of our own, or someone else's id. Only asked off the insert path. */
        const settled = async (id: string): Promise<SyncResult | undefined> => {
          const owner = await store.storedBy(tx, id);
          return owner === undefined ? undefined : owner === by.id ? { id, status: 'duplicate' } : conflict(id);
        };
        if (store.beforeRequest && valid.length > 0) await store.beforeRequest(tx);
        await hooks.begin(by, records, tx);
        for (const { index, event } of valid) {
          const occurredAt = Date.parse(event.occurredAt);
          const effectiveAt = effectiveTime(occurredAt, receivedAt);
          const refused = await hooks.check(event, effectiveAt, by, tx);
          if (refused) {
            results[index] = (await settled(event.id)) ?? refused;
            continue;
          }
          const inserted = await store.insert(tx, event, { occurredAt, receivedAt, effectiveAt });
          if (inserted) {
            await hooks.apply(event, effectiveAt, tx);
            applied.push({ event, effectiveAt });
          }
          // Not inserted: the id is in the table (this transaction sees it), so settled() answers.
          results[index] = inserted ? { id: event.id, status: 'accepted' } : ((await settled(event.id)) ?? conflict(event.id));
        }
        if (applied.length > 0) await hooks.applyBatch(applied, tx);
        // Device activity means a record of this recorder is on the server (new or resent), not a refused request.
        if (valid.some(({ index }) => results[index].status === 'accepted' || results[index].status === 'duplicate')) await store.afterRequest?.(tx, by, receivedAt);
      },
      async afterCommit() {
        const outcomes: Outcome<E>[] = valid.map(({ index, event }) => ({ event, status: results[index].status }));
        await hooks.afterCommit(by, outcomes);
      },
    };
    return { job, results };
  }

  return {
    /** Validates now, commits with the requests that arrived together; resolves with the results after the commit. */
    async ingest(request: IngestRequest): Promise<SyncResult[]> {
      const { job, results } = prepare(request);
      await commit(job);
      return results;
    },
    /** For bulk loads that hold their own transaction (demo data): writes now through `tx`, no after-commit work. */
    async writeInTransaction(tx: Engine, request: IngestRequest): Promise<SyncResult[]> {
      const { job, results } = prepare(request);
      await job.write(tx);
      return results;
    },
  };
}

