// Event ingest for sync protocol v1: at-least-once delivery from phones,
// deduplicated here. The event id is the events table's primary key and rows
// go in with ON CONFLICT(id) DO NOTHING, so a resent event is reported as a
// 'duplicate' and never becomes a second row. Each event is validated on its
// own: one bad event is 'rejected' (the phone stops resending it) without
// blocking the rest. All valid events of a request commit in one transaction,
// and the response is sent only after that commit (see db/open.ts on fsync);
// the sync route shares that transaction among requests that arrive together
// (group-commit.ts).
import { EVENT_TYPES, eventSchema, type LearningEvent } from '../../shared/events.ts';
import { GUIDE_ONLY_EVENT_TYPES } from '../../shared/events/guide.ts';
import type { SyncResult } from '../../shared/api.ts';
import type { Sqlite } from '../db/open.ts';
import { formatZodError } from '../http/errors.ts';

/** Per-type rules of other features (guide check-ins, …), run inside the
 * ingest transaction in event order: check() may reject an event, apply()
 * updates that feature's projections after the event row went in. */
export interface IngestHooks {
  check?(event: LearningEvent, effectiveAt: number): SyncResult | undefined;
  apply?(event: LearningEvent, effectiveAt: number): void;
  /** Once per request, after every apply(), with the events that went in
   * (in order): for projections that merge a batch's work (stats rollups). */
  applyBatch?(applied: ReadonlyArray<{ event: LearningEvent; effectiveAt: number }>): void;
}

/** Several features' hooks as one: the first refusal wins; every apply runs. */
export function combineHooks(...all: Array<IngestHooks | undefined>): IngestHooks {
  const hooks = all.filter((h): h is IngestHooks => h !== undefined);
  return {
    check: (event, at) => hooks.reduce<SyncResult | undefined>((refused, h) => refused ?? h.check?.(event, at), undefined),
    apply: (event, at) => hooks.forEach((h) => h.apply?.(event, at)),
    applyBatch: (applied) => hooks.forEach((h) => h.applyBatch?.(applied)),
  };
}

export interface IngestInput {
  learnerId: string;
  deviceId: string;
  events: unknown[];
  receivedAt: number;
}

type Row = [string, string, string, string, string | null, string | null, number, number, number, string, number | null];
export interface ValidEvent {
  index: number;
  row: Row;
  event: LearningEvent;
}

/** Echo at most this much of an unusable id back to the client. */
const MAX_ECHOED_ID = 100;

function resultId(raw: unknown): string {
  const id = typeof raw === 'object' && raw !== null ? (raw as { id?: unknown }).id : undefined;
  return typeof id === 'string' ? id.slice(0, MAX_ECHOED_ID) : '';
}

function reject(id: string, code: string, message: string): SyncResult {
  return { id, status: 'rejected', error: { code, message } };
}

function toRow(event: LearningEvent, receivedAt: number): Row {
  const occurredAt = Date.parse(event.occurredAt);
  const isCompletion = event.type === 'lesson.completed';
  return [
    event.id,
    event.type,
    event.learnerId,
    event.deviceId,
    'courseId' in event ? event.courseId : null,
    'lessonId' in event ? event.lessonId : null,
    occurredAt,
    receivedAt,
    Math.min(occurredAt, receivedAt),
    JSON.stringify(event),
    isCompletion ? event.score : null,
  ];
}

export function createIngest(sqlite: Sqlite, hooks: IngestHooks = {}) {
  const insertEvent = sqlite.prepare<Row>(
    `INSERT INTO events (id, type, learner_id, device_id, course_id, lesson_id, occurred_at, received_at, effective_at, payload, score)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO NOTHING`,
  );
  const touchDevice = sqlite.prepare<[string, string, number]>(
    `INSERT INTO devices (id, learner_id, last_sync_at) VALUES (?, ?, ?)
     ON CONFLICT(id, learner_id) DO UPDATE SET last_sync_at = max(last_sync_at, excluded.last_sync_at)`,
  );

  /** Writes one request's valid events; the caller holds the transaction. */
  function write(input: IngestInput, valid: ValidEvent[], results: SyncResult[]) {
    const applied: Array<{ event: LearningEvent; effectiveAt: number }> = [];
    for (const { index, row, event } of valid) {
      const refused = hooks.check?.(event, row[8]);
      if (refused) {
        results[index] = refused;
        continue;
      }
      const { changes } = insertEvent.run(...row);
      if (changes === 1) {
        hooks.apply?.(event, row[8]);
        applied.push({ event, effectiveAt: row[8] });
      }
      results[index] = { id: row[0], status: changes === 1 ? 'accepted' : 'duplicate' };
    }
    if (applied.length > 0) hooks.applyBatch?.(applied);
    touchDevice.run(input.deviceId, input.learnerId, input.receivedAt);
  }

  const commit = sqlite.transaction(write);

  /** Per-event validation: results for the refused, rows for the rest. */
  function validate(input: IngestInput): { valid: ValidEvent[]; results: SyncResult[] } {
    const results: SyncResult[] = new Array(input.events.length);
    const valid: ValidEvent[] = [];
    input.events.forEach((raw, index) => {
      const rawType = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
      if (typeof rawType === 'string' && GUIDE_ONLY_EVENT_TYPES.includes(rawType)) {
        results[index] = reject(resultId(raw), 'forbidden', `Only a guide can record "${rawType}"`);
        return;
      }
      const parsed = eventSchema.safeParse(raw);
      if (!parsed.success) {
        const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
        results[index] =
          typeof type === 'string' && !(EVENT_TYPES as readonly string[]).includes(type)
            ? reject(resultId(raw), 'unknown_type', `Unknown event type "${type.slice(0, 40)}"`)
            : reject(resultId(raw), 'invalid_event', formatZodError(parsed.error));
        return;
      }
      if (parsed.data.learnerId !== input.learnerId) {
        results[index] = reject(parsed.data.id, 'forbidden', 'The event belongs to another learner');
        return;
      }
      valid.push({ index, row: toRow(parsed.data, input.receivedAt), event: parsed.data });
    });
    return { valid, results };
  }

  /** Validates and commits one request in its own transaction. */
  function ingest(input: IngestInput): SyncResult[] {
    const { valid, results } = validate(input);
    commit(input, valid, results);
    return results;
  }
  // The two halves, for group commit (group-commit.ts).
  return Object.assign(ingest, { validate, write });
}

export type Ingest = ReturnType<typeof createIngest>;
