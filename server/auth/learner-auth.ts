// Learner authentication: "Authorization: Bearer <learnerId>.<secret>". The
// server keeps only SHA-256 of each secret (see digest.ts for why a fast hash
// is right here) and compares digests in constant time.
import { eq, sql } from 'drizzle-orm';
import { inner, SECRET_PATTERN, UUID_PATTERN } from '../../shared/events/patterns.ts';
import type { MiddlewareHandler } from 'hono';
import type { AppContext, AppEnv } from '../context.ts';
import type { Engine } from '../db/engine/engine.ts';
import { learnerKeys, learners } from '../db/schema/index.ts';
import { apiError } from '../http/errors.ts';
import { digestsEqual, sha256Hex } from './digest.ts';

const BEARER = new RegExp(`^Bearer (${inner(UUID_PATTERN)})\\.(${inner(SECRET_PATTERN)})$`);

/** The digests of a learner's secrets: the first phone's, plus those of phones
 * the learner moved to with a recovery code. Prepared once: every sync asks. */
export function createSecretHashes(engine: Engine): (learnerId: string) => Promise<string[]> {
  const first = engine.db.select({ hash: learners.secretHash }).from(learners).where(eq(learners.id, sql.placeholder('learnerId'))).prepare();
  const moved = engine.db.select({ hash: learnerKeys.secretHash }).from(learnerKeys).where(eq(learnerKeys.learnerId, sql.placeholder('learnerId'))).prepare();
  return async (learnerId) => [...(await first.all({ learnerId })), ...(await moved.all({ learnerId }))].map((r) => r.hash);
}

export function requireLearner(ctx: AppContext): MiddlewareHandler<AppEnv> {
  const secretHashes = createSecretHashes(ctx.engine);
  const unauthorized = (message: string) =>
    apiError(401, 'unauthorized', message, { 'WWW-Authenticate': 'Bearer realm="learner"' });

  return async (c, next) => {
    const header = c.req.header('authorization');
    if (!header) throw unauthorized('Missing learner credentials');
    const match = BEARER.exec(header.trim());
    if (!match) throw unauthorized('Malformed learner credentials');
    const [, learnerId, secret] = match;
    const hashes = await secretHashes(learnerId);
    // Hash even for an unknown learner so both failures cost the same.
    const presented = sha256Hex(secret);
    if (!hashes.some((hash) => digestsEqual(presented, hash))) throw unauthorized('Unknown learner or wrong secret');
    c.set('learnerId', learnerId);
    await next();
  };
}
