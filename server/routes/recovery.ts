// Moving to a new phone. POST /recovery-codes (the learner, from the old
// phone) makes a one-time code; making a new one cancels any unused one.
// POST /recovery (the new phone, no credentials yet) redeems it: the code is
// spent, the new phone's own secret is added to the learner, and the answer
// carries the learner id, profile and completions to restore. A code works
// for RECOVERY_CODE_LIFETIME_MS after it was made (410 after). Failures are
// limited per address, so codes cannot be guessed by trying.
import { and, eq, isNull } from 'drizzle-orm';
import { Hono, type MiddlewareHandler } from 'hono';
import { RECOVERY_CODE_LIFETIME_MS, redeemRecoverySchema, type RedeemRecoveryResponse } from '../../shared/resident/api.ts';
import { codeProblem, formatCode, newCode, normalizeCode, RECOVERY_CODE_LENGTH } from '../../shared/resident/codes.ts';
import { requireLearner } from '../auth/learner-auth.ts';
import { sha256Hex } from '../auth/digest.ts';
import { createFailureLimiter } from '../auth/rate-limit.ts';
import { windowsFor } from '../limits/windows.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { learnerKeys, recoveryCodes } from '../db/schema/index.ts';
import { apiError } from '../http/errors.ts';
import { changed } from '../db/engine/engine.ts';
import { readBody } from '../http/json-body.ts';
import type { Resident } from '../resident/index.ts';
import { createCompletions } from '../resident/progress.ts';

/** Codes carry 75 random bits, so even this many misses per window leaves
 * guessing hopeless; set lower, a few residents' mistakes on one carrier
 * address (a whole ward behind its NAT) would block everyone else there. */
export const RECOVERY_MISSES_PER_IP = 100;
const WINDOW_MS = 15 * 60_000;

/** codesPerLearner: the learner's limit on making codes, counted only once the secret was checked. */
export function recoveryRoutes(ctx: AppContext, resident: Resident, codesPerLearner: MiddlewareHandler<AppEnv>) {
  const limiter = createFailureLimiter({ limit: RECOVERY_MISSES_PER_IP, windowMs: WINDOW_MS, now: ctx.now, windows: windowsFor(ctx.engine, ctx.now)('recovery-code-misses') });
  const completions = createCompletions(ctx.engine);

  const create = (learnerId: string): Promise<string> =>
    ctx.engine.transaction(async ({ db: tx }) => {
      await tx.delete(recoveryCodes).where(and(eq(recoveryCodes.learnerId, learnerId), isNull(recoveryCodes.usedAt)));
      const code = newCode(RECOVERY_CODE_LENGTH);
      await tx.insert(recoveryCodes).values({ codeHash: sha256Hex(code), learnerId, createdAt: ctx.now() });
      return code;
    });

  const redeem = (code: string, secret: string): Promise<RedeemRecoveryResponse> =>
    ctx.engine.transaction(async ({ db: tx }) => {
      const hash = sha256Hex(code);
      const row = await tx.select({ learnerId: recoveryCodes.learnerId, usedAt: recoveryCodes.usedAt, createdAt: recoveryCodes.createdAt }).from(recoveryCodes).where(eq(recoveryCodes.codeHash, hash)).get();
      if (!row) throw apiError(404, 'recovery_code_unknown', 'This recovery code is not known. Check it, or make a new one on the other phone.');
      if (row.usedAt === null && ctx.now() >= row.createdAt + RECOVERY_CODE_LIFETIME_MS) {
        throw apiError(410, 'recovery_code_expired', 'This recovery code has expired. Make a new one on the phone that has your learning.');
      }
      if (row.usedAt !== null || (await changed(tx.update(recoveryCodes).set({ usedAt: ctx.now() }).where(and(eq(recoveryCodes.codeHash, hash), isNull(recoveryCodes.usedAt))))) !== 1) {
        throw apiError(410, 'recovery_code_used', 'This recovery code has already been used. Make a new one on the phone that has your learning.');
      }
      await tx.insert(learnerKeys).values({ secretHash: sha256Hex(secret), learnerId: row.learnerId, createdAt: ctx.now() }).onConflictDoNothing();
      return { learnerId: row.learnerId, ...(await resident.profiles.read(row.learnerId)), completions: await completions(row.learnerId) };
    });

  return new Hono<AppEnv>()
    .post('/recovery-codes', requireLearner(ctx), codesPerLearner, async (c) =>
      c.json({ code: formatCode(await create(c.get('learnerId'))), expiresAt: new Date(ctx.now() + RECOVERY_CODE_LIFETIME_MS).toISOString() }, 201),
    )
    .post('/recovery', async (c) => {
      const ip = ctx.clientIp(c);
      const wait = await limiter.retryAfter(ip);
      if (wait > 0) throw apiError(429, 'too_many_requests', 'Too many wrong codes. Wait a few minutes and try again.', { 'Retry-After': String(wait) });
      const body = await readBody(c, redeemRecoverySchema);
      const code = normalizeCode(body.code);
      const problem = codeProblem(code, RECOVERY_CODE_LENGTH);
      // A typo caught by the check character tells a guesser nothing: not a miss.
      if (problem) {
        throw apiError(400, 'recovery_code_invalid', problem === 'check' ? 'This code has a typo: check each character.' : `A recovery code has ${RECOVERY_CODE_LENGTH} letters and digits.`);
      }
      try {
        return c.json(await redeem(code, body.secret));
      } catch (error) {
        await limiter.recordFailure(ip);
        throw error;
      }
    });
}
