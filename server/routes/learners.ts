// Learner registration: a phone picks its own id and a 256-bit secret and
// tells the server once. Phones retry, so the same id + secret is an
// idempotent 200; the same id with another secret is a 409 (never overwrite:
// that would let anyone take over a learner whose id they learned).
import { Hono } from 'hono';
import { registerLearnerSchema } from '../../shared/api.ts';
import { digestsEqual, sha256Hex } from '../auth/digest.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { readBody } from '../http/json-body.ts';

export function learnerRoutes(ctx: AppContext) {
  const insert = ctx.sqlite.prepare<[string, string, number]>(
    'INSERT INTO learners (id, secret_hash, created_at) VALUES (?, ?, ?) ON CONFLICT(id) DO NOTHING',
  );
  const findHashes = ctx.sqlite.prepare<[string, string], { secret_hash: string }>(
    'SELECT secret_hash FROM learners WHERE id = ? UNION ALL SELECT secret_hash FROM learner_keys WHERE learner_id = ?',
  );

  return new Hono<AppEnv>().post('/', async (c) => {
    const { id, secret } = await readBody(c, registerLearnerSchema);
    const hash = sha256Hex(secret);
    if (insert.run(id, hash, ctx.now()).changes === 1) return c.json({ id }, 201);
    // A phone that recovered this learner registers with its own secret (learner_keys).
    if (findHashes.all(id, id).some((row) => digestsEqual(hash, row.secret_hash))) return c.json({ id }, 200);
    throw apiError(409, 'conflict', 'This learner id is already registered with another secret');
  });
}
