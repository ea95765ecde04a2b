// Plausibility review (server/integrity): the anomaly view and a reviewer's
// decision on a learner's held records. Reviewers and admins; each decision
// goes to the audit log with the learner's code, never a name.
import { Hono } from 'hono';
import { uuidSchema } from '../../shared/events.ts';
import { reviewDecisionSchema } from '../../shared/integrity/api.ts';
import { learnerCode } from '../../shared/guide/learner-code.ts';
import { requireStaff } from '../auth/staff-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { parseWith, readBody } from '../http/json-body.ts';
import type { createAnomalies } from '../integrity/anomalies.ts';
import type { Integrity } from '../integrity/holds.ts';

export function integrityRoutes(ctx: AppContext, integrity: Integrity, anomalies: ReturnType<typeof createAnomalies>) {
  const office = requireStaff(ctx, ['reviewer', 'admin']);
  return new Hono<AppEnv>()
    .get('/anomalies', office, (c) => c.json(anomalies()))
    .post('/learners/:learnerId/review', office, async (c) => {
      const learnerId = parseWith(uuidSchema, c.req.param('learnerId'));
      const { decision } = await readBody(c, reviewDecisionSchema);
      const staff = c.get('staff');
      const result = integrity.review(learnerId, decision, staff.username);
      if (!result.known) throw apiError(404, 'not_found', 'No such learner');
      // Nothing waited: nothing decided, nothing to audit.
      if (result.records > 0 || result.flagged) {
        ctx.audit.record(staff, decision === 'accepted' ? 'integrity.accepted' : 'integrity.dismissed', { type: 'learner', id: learnerCode(learnerId) }, { records: result.records });
      }
      return c.json({ decision, records: result.records });
    });
}
