// A learner's certificates. POST asks the server to issue one: it checks the
// completions it holds and answers 201 (issued now), 200 (issued before, same
// code) or 422 (not every lesson has reached the server yet).
import { Hono } from 'hono';
import { claimCertificateSchema } from '../../shared/resident/api.ts';
import { requireLearner } from '../auth/learner-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { readBody } from '../http/json-body.ts';
import type { Resident } from '../resident/index.ts';

export function certificateRoutes(ctx: AppContext, resident: Resident) {
  return new Hono<AppEnv>()
    .get('/', requireLearner(ctx), async (c) => c.json({ certificates: await resident.certificates.list(c.get('learnerId')) }))
    .post('/', requireLearner(ctx), async (c) => {
      const { courseId } = await readBody(c, claimCertificateSchema);
      const { certificate, isNew } = await resident.certificates.claim(c.get('learnerId'), courseId);
      return c.json(certificate, isNew ? 201 : 200);
    });
}
