// Learner registration: a phone picks its own id and a 256-bit secret and
// tells the server once. Phones retry, so the same id + secret is an
// idempotent 200; the same id with another secret is a 409 (never overwrite:
// that would let anyone take over a learner whose id they learned).
import { Hono } from 'hono';
import { registerLearnerSchema } from '../../shared/api.ts';
import { digestsEqual, sha256Hex } from '../auth/digest.ts';
import { createSecretHashes } from '../auth/learner-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { changed } from '../db/engine/engine.ts';
import { learners } from '../db/schema/index.ts';
import { apiError } from '../http/errors.ts';
import { readBody } from '../http/json-body.ts';

/** registered: told of each new learner and the address it came from (plausibility rules, server/integrity). */
export function learnerRoutes(ctx: AppContext, registered: (learnerId: string, address: string) => void | Promise<void> = () => {}) {
  const secretHashes = createSecretHashes(ctx.engine);

  return new Hono<AppEnv>().post('/', async (c) => {
    const { id, secret } = await readBody(c, registerLearnerSchema);
    const hash = sha256Hex(secret);
    const added = await changed(ctx.engine.db.insert(learners).values({ id, secretHash: hash, createdAt: ctx.now() }).onConflictDoNothing({ target: learners.id }));
    if (added === 1) {
      const address = ctx.clientIp(c);
      // In-process calls have no socket: no address to judge by.
      if (address !== 'unknown') await registered(id, address);
      return c.json({ id }, 201);
    }
    // A phone that recovered this learner registers with its own secret (learner_keys).
    if ((await secretHashes(id)).some((h) => digestsEqual(hash, h))) return c.json({ id }, 200);
    throw apiError(409, 'conflict', 'This learner id is already registered with another secret');
  });
}
