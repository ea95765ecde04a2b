// Plausibility review (server/integrity): the anomaly view and a reviewer's
// decision on a learner's held records, and the spot-check list. Reviewers and admins; each decision
// goes to the audit log with the learner's code, never a name.
import { Hono } from 'hono';
import { z } from 'zod';
import { uuidSchema } from '../../shared/events.ts';
import { REVIEW_REF_PATTERN, reviewDecisionSchema } from '../../shared/integrity/api.ts';
import { learnerCode } from '../../shared/guide/learner-code.ts';
import { requireStaff } from '../auth/staff-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { parseWith, readBody } from '../http/json-body.ts';
import type { createAnomalies } from '../integrity/anomalies.ts';
import type { Integrity } from '../integrity/holds.ts';
import type { createSpotChecks } from '../integrity/spot-checks.ts';
import { drawSpotCheckSchema, spotCheckResultSchema } from '../../shared/integrity/spot-check.ts';

type SpotChecks = ReturnType<typeof createSpotChecks>;
const positiveInt = z.coerce.number().int().min(1).max(2 ** 31 - 1);

export function integrityRoutes(ctx: AppContext, integrity: Integrity, anomalies: ReturnType<typeof createAnomalies>, spot: SpotChecks) {
  const office = requireStaff(ctx, ['reviewer', 'admin']);
  return new Hono<AppEnv>()
    .get('/anomalies', office, async (c) => c.json(await anomalies.view()))
    // The learner is named by the handle the anomaly view gives (or, for scripts, by their id).
    .post('/learners/:learnerId/review', office, async (c) => {
      const named = c.req.param('learnerId');
      const learnerId = REVIEW_REF_PATTERN.test(named) ? await anomalies.learnerOf(named) : parseWith(uuidSchema, named);
      if (!learnerId) throw apiError(404, 'not_found', 'No learner under review has this reference');
      const { decision } = await readBody(c, reviewDecisionSchema);
      const staff = c.get('staff');
      const result = await integrity.review(learnerId, decision, staff.username);
      if (!result.known) throw apiError(404, 'not_found', 'No such learner');
      // Nothing waited: nothing decided, nothing to audit.
      if (result.records > 0 || result.flagged) {
        await ctx.audit.record(staff, decision === 'accepted' ? 'integrity.accepted' : 'integrity.dismissed', { type: 'learner', id: learnerCode(learnerId) }, { records: result.records });
      }
      return c.json({ decision, records: result.records });
    })
    // Spot-checks: the latest list, a new seeded draw, and the result of each item.
    .get('/spot-checks/latest', office, async (c) => c.json({ check: await spot.latest() }))
    .post('/spot-checks', office, async (c) => {
      const q = await readBody(c, drawSpotCheckSchema);
      const check = await spot.draw(q, c.get('staff').username);
      await ctx.audit.record(c.get('staff'), 'integrity.spot_check_drawn', { type: 'spot_check', id: String(check.id) }, { from: check.from, to: check.to, seed: check.seed, items: check.items.length, population: check.population });
      return c.json(check, 201);
    })
    .put('/spot-checks/:id/items/:itemNo', office, async (c) => {
      const id = parseWith(positiveInt, c.req.param('id'));
      const itemNo = parseWith(positiveInt, c.req.param('itemNo'));
      const { result } = await readBody(c, spotCheckResultSchema);
      if (!(await spot.record(id, itemNo, result, c.get('staff').username))) throw apiError(404, 'not_found', 'No such spot-check item');
      await ctx.audit.record(c.get('staff'), 'integrity.spot_check_recorded', { type: 'spot_check', id: String(id) }, { item: itemNo, result });
      return c.json((await spot.read(id))!);
    });
}
