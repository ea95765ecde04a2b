// The sync engine: registers this device's learner with the ward server once,
// then drains the outbox in batches. It owns no data: the outbox (Dexie) is
// the source of truth, so a crash or a closed tab loses nothing — the next run
// simply sends what is still there. The rules (batching, what to delete,
// backoff) are pure functions in shared/sync; this file only does the I/O.
//
// Runs are triggered after each completion, on start, on `online`, when the
// app becomes visible again, and by a backoff timer after a failure. Never two
// runs at once: a trigger during a run asks for one more run afterwards.
import { SYNC_BATCH_SIZE } from '../../../shared/api.ts';
import { selectBatch } from '../../../shared/sync/batch.ts';
import { planResults } from '../../../shared/sync/results.ts';
import { backoffDelay, DEFAULT_BACKOFF, retryDelay, type BackoffOptions } from '../../../shared/sync/backoff.ts';
import type { Identity, IdentityRepo } from '../db/identity-repo.ts';
import type { OutboxRepo } from '../db/outbox-repo.ts';
import { HttpError, NetworkError, type ApiClient } from '../net/api.ts';

/** 'waiting': the ward server is busy and asked the phone to come back later (429 + Retry-After). */
export type SyncState = 'idle' | 'syncing' | 'offline' | 'waiting' | 'error';

export interface SyncSnapshot {
  state: SyncState;
  /** Lessons with learning not yet acknowledged by the server. */
  pendingLessons: number;
  /** Events the server rejected; kept on the phone, never resent. */
  deadEvents: number;
  lastSyncedAt: string | null;
  /** When the next automatic retry is due (ms since epoch), if one is scheduled. */
  retryAt: number | null;
}

export interface SyncEngineDeps {
  api: Pick<ApiClient, 'registerLearner' | 'sync'>;
  identity: IdentityRepo;
  outbox: OutboxRepo;
  isOnline?: () => boolean;
  now?: () => number;
  random?: () => number;
  setTimer?: (fn: () => void, ms: number) => unknown;
  clearTimer?: (handle: unknown) => void;
  backoff?: BackoffOptions;
  batchSize?: number;
  onChange?: (snapshot: SyncSnapshot) => void;
}

export function createSyncEngine(deps: SyncEngineDeps) {
  const isOnline = deps.isOnline ?? (() => globalThis.navigator?.onLine ?? true);
  const now = deps.now ?? Date.now;
  const random = deps.random ?? Math.random;
  const setTimer = deps.setTimer ?? ((fn, ms) => setTimeout(fn, ms));
  const clearTimer = deps.clearTimer ?? ((h) => clearTimeout(h as ReturnType<typeof setTimeout>));
  const batchSize = deps.batchSize ?? SYNC_BATCH_SIZE;

  let snapshot: SyncSnapshot = { state: 'idle', pendingLessons: 0, deadEvents: 0, lastSyncedAt: null, retryAt: null };
  let running: Promise<void> | null = null;
  let again = false;
  let failures = 0;
  let timer: unknown = null;

  const publish = (patch: Partial<SyncSnapshot>) => {
    snapshot = { ...snapshot, ...patch };
    deps.onChange?.(snapshot);
  };

  /** Counts of the active profile: the one whose learning the screen shows. */
  async function refreshCounts() {
    const { learnerId } = await deps.identity.getIdentity();
    const [pendingLessons, dead, lastSyncedAt] = await Promise.all([
      deps.outbox.countPendingLessons(learnerId),
      deps.outbox.listDead(learnerId),
      deps.identity.getLastSyncedAt(learnerId),
    ]);
    publish({ pendingLessons, deadEvents: dead.length, lastSyncedAt });
  }

  /**
   * One pass over every profile on the phone (family members share phones;
   * each sends with its own credentials): register if needed, then send
   * batches until its outbox is empty. Returns whether anything was sent.
   */
  async function drain(): Promise<boolean> {
    let sent = false;
    for (const me of await deps.identity.listIdentities()) {
      // Nothing to send: no request at all (saves data; a new phone does not
      // need the server until it has learned something).
      if ((await deps.outbox.listPending(me.learnerId)).length === 0) continue;
      await drainLearner(me);
      await deps.identity.setLastSyncedAt(new Date(now()).toISOString(), me.learnerId);
      sent = true;
    }
    // A profile whose deletion request was just acknowledged leaves the phone.
    await deps.identity.removeErased();
    return sent;
  }

  async function drainLearner(me: Identity): Promise<void> {
    const creds = { learnerId: me.learnerId, secret: me.secret };
    if (!me.registered) {
      await deps.api.registerLearner(creds);
      await deps.identity.setRegistered(true, me.learnerId);
    }
    for (;;) {
      const batch = selectBatch(await deps.outbox.listPending(me.learnerId), batchSize);
      if (batch.length === 0) return;
      const ids = batch.map((e) => e.id);
      let plan;
      try {
        const res = await deps.api.sync(creds, me.deviceId, batch.map((e) => e.event));
        plan = planResults(ids, Array.isArray(res?.results) ? res.results : []);
      } catch (err) {
        await deps.outbox.recordFailure(ids, describe(err));
        // The server no longer knows this learner (e.g. its data was reset):
        // register again on the next run instead of failing forever.
        if (err instanceof HttpError && err.status === 401) await deps.identity.setRegistered(false, me.learnerId);
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
      failures += 1;
      const isBusy = err instanceof HttpError && err.status === 429;
      const delay = schedule(isBusy ? (err.retryAfterSec ?? 0) * 1000 : undefined);
      await refreshCounts().catch(() => undefined);
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

export type SyncEngine = ReturnType<typeof createSyncEngine>;

function describe(err: unknown): string {
  if (err instanceof HttpError) return `${err.status} ${err.code}: ${err.message}`;
  return err instanceof Error ? `${err.name}: ${err.message}` : String(err);
}
