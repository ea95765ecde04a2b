// The one sync engine, for every outbox on the phone (a resident's learner
// records, a guide's records): it drains the outbox in batches through the
// sender of each recorder. It owns no data: the outbox (Dexie) is the source
// of truth, so a crash or a closed tab loses nothing — the next run simply
// sends what is still there. The rules (batching, what to delete, backoff)
// are pure functions in shared/sync; this file only does the I/O.
//
// Runs are triggered by the caller (after a record, on start), by the
// browser (sync-triggers.ts: `online`, the app becoming visible) and by a
// backoff timer after a failure, no sooner than the server's Retry-After.
// Never two runs at once: a trigger during a run asks for one more run
// afterwards. A 401 that the sender cannot mend (a guide's login ended)
// stops retrying until the next trigger: the screen asks to log in again.
import { SYNC_BATCH_SIZE, type SyncResponse } from '../../../shared/api.ts';
import { selectBatch } from '../../../shared/sync/batch.ts';
import { planResults } from '../../../shared/sync/results.ts';
import { backoffDelay, DEFAULT_BACKOFF, retryDelay, type BackoffOptions } from '../../../shared/sync/backoff.ts';
import { HttpError, NetworkError } from '../net/http.ts';
import type { Outbox, OutboxRowOf } from './outbox.ts';

/** 'waiting': the ward server is busy and asked the phone to come back later (429 + Retry-After).
 * 'login-required': the server no longer accepts this phone's login; nothing is retried until it is renewed. */
export type SyncState = 'idle' | 'syncing' | 'offline' | 'waiting' | 'error' | 'login-required';

export interface SyncSnapshot {
  state: SyncState;
  /** What waits to be acknowledged, as the screen counts it (a resident's lessons, a guide's records). */
  pending: number;
  /** Records the server rejected; kept on the phone, never resent. */
  dead: number;
  lastSyncedAt: string | null;
  /** When the next automatic retry is due (ms since epoch), if one is scheduled. */
  retryAt: number | null;
}

/** One recorder on this phone whose records go under their own credentials. */
export interface SyncSender<R extends OutboxRowOf<{ id: string }>> {
  /** Selects the recorder's rows when the outbox holds several recorders'. */
  recorder?: string;
  /** Before the first batch (a learner registers with the ward once). */
  prepare?(): Promise<void>;
  send(events: Array<R['event']>): Promise<SyncResponse>;
  /** The server answered 401: mend it and retry later, or stop until a new login. */
  onUnauthorized?(): Promise<'retry' | 'login-required'>;
  /** After the recorder's outbox was drained. */
  markSynced(at: string): Promise<void>;
}

export interface OutboxSyncDeps<R extends OutboxRowOf<{ id: string }>> {
  outbox: Outbox<R>;
  /** Every recorder on the phone (family members share phones). */
  senders(): Promise<Array<SyncSender<R>>>;
  /** The counts the screen shows (of the recorder it is about). */
  status(): Promise<Pick<SyncSnapshot, 'pending' | 'dead' | 'lastSyncedAt'>>;
  /** After each pass over the senders (a profile whose deletion was acknowledged leaves the phone). */
  afterDrain?(): Promise<void>;
  isOnline?: () => boolean;
  now?: () => number;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  backoff?: BackoffOptions;
  batchSize?: number;
  onChange?: (snapshot: SyncSnapshot) => void;
}

class LoginRequired extends Error {}

export function createOutboxSync<R extends OutboxRowOf<{ id: string }>>(deps: OutboxSyncDeps<R>) {
  const isOnline = deps.isOnline ?? (() => globalThis.navigator?.onLine ?? true);
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const batchSize = deps.batchSize ?? SYNC_BATCH_SIZE;

  let snapshot: SyncSnapshot = { state: 'idle', pending: 0, dead: 0, lastSyncedAt: null, retryAt: null };
  let running: Promise<void> | null = null;
  let again = false;
  let failures = 0;
  let timer: unknown = null;

  const publish = (patch: Partial<SyncSnapshot>) => {
    snapshot = { ...snapshot, ...patch };
    deps.onChange?.(snapshot);
  };

  async function refreshCounts() {
    publish(await deps.status());
  }

  /** One pass over every recorder: send batches until each outbox is empty. */
  async function drain(): Promise<void> {
    for (const sender of await deps.senders()) {
      // Nothing to send: no request at all (saves data; a new phone does not
      // need the server until it has recorded something).
      if ((await deps.outbox.listPending(sender.recorder)).length === 0) continue;
      await drainSender(sender);
      await sender.markSynced(new Date(now()).toISOString());
    }
    await deps.afterDrain?.();
  }

  async function drainSender(sender: SyncSender<R>): Promise<void> {
    try {
      await sender.prepare?.();
    } catch (err) {
      if (err instanceof HttpError && err.status === 401 && sender.onUnauthorized && (await sender.onUnauthorized()) === 'login-required') {
        throw new LoginRequired('the login on this phone has ended');
      }
      throw err;
    }
    for (;;) {
      const batch = selectBatch(await deps.outbox.listPending(sender.recorder), batchSize);
      if (batch.length === 0) return;
      const ids = batch.map((e) => e.id);
      let plan;
      try {
        const res = await sender.send(batch.map((e) => e.event));
        plan = planResults(ids, Array.isArray(res?.results) ? res.results : []);
      } catch (err) {
        await deps.outbox.recordFailure(ids, describe(err));
        if (err instanceof HttpError && err.status === 401 && sender.onUnauthorized && (await sender.onUnauthorized()) === 'login-required') {
          throw new LoginRequired('the login on this phone has ended');
        }
        throw err;
      }
      await deps.outbox.applyPlan(plan);
      await refreshCounts();
      // Nothing acknowledged or settled: the server is not making progress;
      // stop and retry later rather than loop on the same batch.
      if (plan.retry.length === batch.length) throw new Error('server acknowledged none of the batch');
    }
  }

  /** Arms the retry timer for the current failure count (no sooner than the
   * server's Retry-After, if it sent one); returns its delay. */
  function schedule(retryAfterMs?: number): number {
    const delay = retryDelay(backoffDelay(failures, random(), deps.backoff ?? DEFAULT_BACKOFF), retryAfterMs);
    timer = setTimer(() => {
      timer = null;
      void trigger();
    }, delay);
    return delay;
  }

  async function runOnce() {
    if (timer !== null) {
      clearTimer(timer);
      timer = null;
    }
    if (!isOnline()) {
      // The `online` event normally wakes us; a slow timer covers browsers
      // that miss it.
      failures += 1;
      const delay = schedule();
      await refreshCounts();
      publish({ state: 'offline', retryAt: now() + delay });
      return;
    }
    publish({ state: 'syncing', retryAt: null });
    try {
      await drain();
      failures = 0;
      await refreshCounts();
      publish({ state: 'idle' });
    } catch (err) {
      await refreshCounts().catch(() => undefined);
      if (err instanceof LoginRequired) {
        publish({ state: 'login-required', retryAt: null });
        return;
      }
      failures += 1;
      const isBusy = err instanceof HttpError && err.status === 429;
      const delay = schedule(isBusy ? (err.retryAfterSec ?? 0) * 1000 : undefined);
      const offline = !isOnline() || err instanceof NetworkError;
      publish({ state: offline ? 'offline' : isBusy ? 'waiting' : 'error', retryAt: now() + delay });
    }
  }

  /** Asks for a sync. Resolves when the outbox has been drained as far as possible. */
  function trigger(): Promise<void> {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      try {
        do {
          again = false;
          await runOnce();
        } while (again);
      } finally {
        running = null;
      }
    })();
    return running;
  }

  return {
    trigger,
    refreshCounts,
    getSnapshot: () => snapshot,
    isRunning: () => running !== null,
    /** Stops the retry timer (tests, teardown). */
    stop() {
      if (timer !== null) clearTimer(timer);
      timer = null;
    },
  };
}

export type OutboxSync = ReturnType<typeof createOutboxSync>;

function describe(err: unknown): string {
  if (err instanceof HttpError) return `${err.status} ${err.code}: ${err.message}`;
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
