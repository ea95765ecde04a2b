// Learner authentication: "Authorization: Bearer <learnerId>.<secret>". The
// server keeps only SHA-256 of each secret (see digest.ts for why a fast hash
// is right here) and compares digests in constant time.
import { inner, SECRET_PATTERN, UUID_PATTERN } from '../../shared/events/patterns.ts';
import type { MiddlewareHandler } from 'hono';
import type { AppContext, AppEnv } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { digestsEqual, sha256Hex } from './digest.ts';

const BEARER = new RegExp(`^Bearer (${inner(UUID_PATTERN)})\\.(${inner(SECRET_PATTERN)})$`);

export function requireLearner(ctx: AppContext): MiddlewareHandler<AppEnv> {
  // The first phone's secret, plus those of phones the learner moved to with a recovery code.
  const findHashes = ctx.sqlite.prepare<[string, string], { secret_hash: string }>(
    'SELECT secret_hash FROM learners WHERE id = ? UNION ALL SELECT secret_hash FROM learner_keys WHERE learner_id = ?',
  );
  const unauthorized = (message: string) =>
    apiError(401, 'unauthorized', message, { 'WWW-Authenticate': 'Bearer realm="learner"' });

  return async (c, next) => {
    const header = c.req.header('authorization');
    if (!header) throw unauthorized('Missing learner credentials');
    const match = BEARER.exec(header.trim());
    if (!match) throw unauthorized('Malformed learner credentials');
    const [, learnerId, secret] = match;
    const rows = findHashes.all(learnerId, learnerId);
    // Hash even for an unknown learner so both failures cost the same.
    const presented = sha256Hex(secret);
    if (!rows.some((row) => digestsEqual(presented, row.secret_hash))) throw unauthorized('Unknown learner or wrong secret');
    c.set('learnerId', learnerId);
    await next();
  };
}
