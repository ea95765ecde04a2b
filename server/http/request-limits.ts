// Request rate limits for the endpoints phones send to: sync of every record
// family (a learner's and a guide's), learner registration and moving to a
// new phone. They stop one
// runaway or hostile client from flooding the ward server; they must never
// stop a ward. Mobile carriers put a whole ward behind a handful of NAT
// addresses, so the per-address limits sit far above what a ward's phones
// send together (and above the test harnesses' load from 127.0.0.1), and the
// tighter limits are per learner id, which one person's phone cannot share.
// A per-learner limit counts only requests that proved to be that learner
// (it runs after requireLearner): counted before the secret was checked,
// anyone could name a learner with a wrong secret and lock the real phone out.
//
// Counts live in fixed windows (server/limits/windows.ts): in memory when one
// process serves a ward, in the database when several processes share a
// city's PostgreSQL, so the limit holds whichever process a request reaches.
// Over the limit the answer is 429 rate_limited with Retry-After; the phone's
// sync engine waits that long and says so.
import type { Context, MiddlewareHandler } from 'hono';
import type { AppContext, AppEnv } from '../context.ts';
import { readSessionToken } from '../auth/sessions.ts';
import { apiError } from './errors.ts';
import { memoryWindows, windowsFor, type Windows } from '../limits/windows.ts';

export interface WindowLimit {
  /** Requests allowed per key in one window. */
  limit: number;
  windowMs: number;
}

export interface RequestLimits {
  /** POST /sync per learner: a phone draining a month of outbox sends a few dozen batches. */
  syncPerLearner: WindowLimit;
  /** POST /guide/sync per login: a guide's phone draining a day of door-to-door work; the same as a learner's. */
  syncPerGuide: WindowLimit;
  /** POST /sync and /guide/sync together, per address: a whole ward's phones behind one carrier NAT. */
  syncPerAddress: WindowLimit;
  /** POST /learners per address: every new phone registers once (and retries). */
  registerPerAddress: WindowLimit;
  /** POST /recovery and /recovery-codes per address (wrong codes are limited separately). */
  recoveryPerAddress: WindowLimit;
  /** POST /recovery-codes per learner: making codes again and again helps nobody. */
  recoveryCodesPerLearner: WindowLimit;
  /** GET /verify/<code> per address: anyone may check a certificate; nobody needs to try codes by the thousand. */
  verifyPerAddress: WindowLimit;
  /** PUT /unit-files per login: a phone catching up on a week of photos sends a few dozen; a runaway one no more than this. */
  uploadsPerLogin: WindowLimit;
}

const MINUTE = 60_000;

/** Defaults. A ward of ~10,000 residents on one address sends a few hundred
 * sync requests in its busiest minute (a session of 100 phones is ~200) and
 * registers at most a few hundred phones in ten minutes (a launch day). The
 * per-address sync limit (~330 requests/s, ~33,000 events/s in full batches)
 * is above what the server itself ingests, so it only stops a client that
 * floods with small requests; the per-learner limit is what bites a runaway phone. */
export const DEFAULT_REQUEST_LIMITS: RequestLimits = {
  syncPerLearner: { limit: 600, windowMs: MINUTE },
  syncPerGuide: { limit: 600, windowMs: MINUTE },
  syncPerAddress: { limit: 20_000, windowMs: MINUTE },
  registerPerAddress: { limit: 5_000, windowMs: 10 * MINUTE },
  recoveryPerAddress: { limit: 200, windowMs: 15 * MINUTE },
  recoveryCodesPerLearner: { limit: 20, windowMs: 15 * MINUTE },
  // Ten activities with six photos each in a minute; past that the phone waits Retry-After, and a loop cannot fill the disk fast.
  uploadsPerLogin: { limit: 60, windowMs: MINUTE },
  // A ward's whole office checking a stack of certificates, or residents behind one carrier address, stays far below.
  verifyPerAddress: { limit: 600, windowMs: 10 * MINUTE },
};

export interface RequestCounter {
  /** Counts one request; resolves to 0 if it may proceed, else seconds until the key's window ends. */
  hit(key: string): Promise<number>;
}

export function createRequestCounter(options: WindowLimit & { now: () => number; windows?: Windows }): RequestCounter {
  const windows = options.windows ?? memoryWindows(options.now);
  return {
    async hit(key) {
      const w = await windows.add(key, 1, options.windowMs);
      return w.count > options.limit ? Math.max(1, Math.ceil((w.resetAt - options.now()) / 1000)) : 0;
    },
  };
}

type KeyOf = (c: Context<AppEnv>) => string | undefined;

/** The learner requireLearner() proved the request comes from: use only after it. */
const authenticatedLearner: KeyOf = (c) => c.get('learnerId');

/** The staff login cookie's value (not verified here: the route does that). */
const staffLogin =
  (ctx: AppContext): KeyOf =>
  (c) =>
    readSessionToken(c, ctx.config)?.slice(0, 64);

function limitPosts(ctx: AppContext, checks: Array<[RequestCounter, KeyOf]>, method = 'POST'): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.req.method !== method) return next();
    let wait = 0;
    // Every counter sees the request, so a client over one limit cannot hide from the other.
    for (const [counter, keyOf] of checks) {
      const key = keyOf(c);
      if (key !== undefined) wait = Math.max(wait, await counter.hit(key));
    }
    if (wait > 0) {
      ctx.logger.warn('rate limited', { path: c.req.path, ip: ctx.clientIp(c), retryAfter: wait });
      throw apiError(429, 'rate_limited', `Too many requests; try again in ${wait} seconds`, { 'Retry-After': String(wait) });
    }
    return next();
  };
}

export function createRequestLimits(ctx: AppContext, overrides: Partial<RequestLimits> = {}) {
  const limits = { ...DEFAULT_REQUEST_LIMITS, ...overrides };
  const windows = windowsFor(ctx.engine, ctx.now);
  const counter = (l: WindowLimit, scope: string) => createRequestCounter({ ...l, now: ctx.now, windows: windows(scope) });
  const byAddress: KeyOf = (c) => ctx.clientIp(c);
  const syncByAddress = counter(limits.syncPerAddress, 'sync-address');
  return {
    limits,
    /** Before authentication: every request from the address counts. */
    sync: limitPosts(ctx, [[syncByAddress, byAddress]]),
    /** After requireLearner: only the learner's own requests count. */
    syncPerLearner: limitPosts(ctx, [[counter(limits.syncPerLearner, 'sync-learner'), authenticatedLearner]]),
    guideSync: limitPosts(ctx, [
      [counter(limits.syncPerGuide, 'sync-guide'), staffLogin(ctx)],
      [syncByAddress, byAddress],
    ]),
    register: limitPosts(ctx, [[counter(limits.registerPerAddress, 'register-address'), byAddress]]),
    recovery: limitPosts(ctx, [[counter(limits.recoveryPerAddress, 'recovery-address'), byAddress]]),
    recoveryCodes: limitPosts(ctx, [[counter(limits.recoveryPerAddress, 'recovery-codes-address'), byAddress]]),
    verify: limitPosts(ctx, [[counter(limits.verifyPerAddress, 'verify-address'), byAddress]], 'GET'),
    uploads: limitPosts(ctx, [[counter(limits.uploadsPerLogin, 'uploads-login'), staffLogin(ctx)]], 'PUT'),
    /** After requireLearner, on POST /recovery-codes. */
    recoveryCodesPerLearner: limitPosts(ctx, [[counter(limits.recoveryCodesPerLearner, 'recovery-codes-learner'), authenticatedLearner]]),
  };
}
