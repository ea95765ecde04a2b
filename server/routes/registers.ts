// The plan's registers (issue #15 §5), office work done online: no outbox,
// every write answers at once. Unit officers file for their own unit and
// read only their unit's entries; VH-XH (reviewers) and admins read every
// unit's, record the handling of difficulties and decide budget proposals.
// Checks come before any write: rights (403), then the body (400), then the
// plan (422); a refused request writes nothing. Every write is audited.
import { Hono } from 'hono';
import {
  budgetDecisionSchema,
  budgetInputSchema,
  difficultyHandlingSchema,
  difficultyInputSchema,
  misinfoInputSchema,
  registerQuerySchema,
} from '../../shared/registers/schema.ts';
import { requireStaff } from '../auth/staff-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { parseWith, readBody } from '../http/json-body.ts';
import type { PlanStore } from '../plans/store.ts';
import type { Units } from '../plans/units.ts';
import { decideBudget, getBudget, listBudgets, proposeBudget } from '../registers/budget.ts';
import { correctDifficulty, fileDifficulty, getDifficulty, handleDifficulty, listDifficulties } from '../registers/difficulties.ts';
import { getMisinfo, listMisinfo, logMisinfo, updateMisinfo } from '../registers/misinformation.ts';
import { checkInScope, planFor, scopeOf } from '../registers/scope.ts';

const ENTRY_ID = /^[0-9a-f-]{36}$/;

export function registerRoutes(ctx: AppContext, units: Units, plans: PlanStore) {
  const readers = requireStaff(ctx, ['reviewer', 'admin', 'unit']);
  const office = requireStaff(ctx, ['reviewer', 'admin']);
  const officer = requireStaff(ctx, ['unit']);
  const found = <T>(raw: string, get: (id: string) => T | undefined): T => {
    const entry = ENTRY_ID.test(raw) ? get(raw) : undefined;
    if (!entry) throw apiError(404, 'not_found', 'No such entry');
    return entry;
  };
  const unitOfOfficer = (userId: string) => {
    const unitId = units.unitOf(userId);
    if (!unitId) throw apiError(403, 'no_unit', 'Your account is not bound to a unit; ask an admin');
    return unitId;
  };
  const notBefore = (day: string, earliest: string, field: string) => {
    if (day < earliest) throw apiError(400, 'invalid_request', `${field}: must not be before ${earliest}`);
  };

  return (
    new Hono<AppEnv>()
      // ── Difficulties ──
      .get('/difficulties', readers, (c) => {
        const filter = parseWith(registerQuerySchema, c.req.query());
        return c.json({ difficulties: listDifficulties(ctx.db, scopeOf(units, c.get('staff')), filter) });
      })
      .post('/difficulties', officer, async (c) => {
        const me = c.get('staff');
        const unitId = unitOfOfficer(me.id);
        const input = await readBody(c, difficultyInputSchema);
        planFor(plans, input.planId, input.itemCode);
        const entry = fileDifficulty(ctx.db, { userId: me.id, unitId }, input, ctx.now());
        ctx.audit.record(me, 'difficulty.filed', { type: 'difficulty', id: entry.id }, { unitId, planId: entry.planId });
        return c.json(entry, 201);
      })
      .get('/difficulties/:id', readers, (c) => {
        const entry = found(c.req.param('id'), (id) => getDifficulty(ctx.db, id));
        checkInScope(scopeOf(units, c.get('staff')), entry.unitId);
        return c.json(entry);
      })
      // The filing unit corrects its entry until VH-XH has handled it; after that the record stands.
      .put('/difficulties/:id', officer, async (c) => {
        const me = c.get('staff');
        const current = found(c.req.param('id'), (id) => getDifficulty(ctx.db, id));
        checkInScope(scopeOf(units, me), current.unitId);
        if (current.status !== 'new') throw apiError(409, 'already_handled', 'VH-XH has handled this difficulty; file a new one instead');
        const input = await readBody(c, difficultyInputSchema);
        planFor(plans, input.planId, input.itemCode);
        const entry = correctDifficulty(ctx.db, current.id, me.id, input, ctx.now());
        ctx.audit.record(me, 'difficulty.corrected', { type: 'difficulty', id: entry.id }, { unitId: entry.unitId, planId: entry.planId });
        return c.json(entry);
      })
      .put('/difficulties/:id/handling', office, async (c) => {
        const current = found(c.req.param('id'), (id) => getDifficulty(ctx.db, id));
        const input = await readBody(c, difficultyHandlingSchema);
        notBefore(input.handledOn, current.raisedOn, 'handledOn');
        const entry = handleDifficulty(ctx.db, current, c.get('staff').id, input, ctx.now());
        ctx.audit.record(c.get('staff'), 'difficulty.handled', { type: 'difficulty', id: entry.id }, { unitId: entry.unitId, status: entry.status });
        return c.json(entry);
      })
      // ── False or misleading information ──
      .get('/misinformation', readers, (c) => {
        const filter = parseWith(registerQuerySchema, c.req.query());
        return c.json({ entries: listMisinfo(ctx.db, scopeOf(units, c.get('staff')), filter) });
      })
      .post('/misinformation', readers, async (c) => {
        const me = c.get('staff');
        const { unitId } = scopeOf(units, me);
        const input = await readBody(c, misinfoInputSchema);
        planFor(plans, input.planId, input.itemCode);
        const entry = logMisinfo(ctx.db, { userId: me.id, unitId }, input, ctx.now());
        ctx.audit.record(me, 'misinformation.logged', { type: 'misinformation', id: entry.id }, { platform: entry.platform, action: entry.action, status: entry.status });
        return c.json(entry, 201);
      })
      .get('/misinformation/:id', readers, (c) => {
        const entry = found(c.req.param('id'), (id) => getMisinfo(ctx.db, id));
        checkInScope(scopeOf(units, c.get('staff')), entry.unitId);
        return c.json(entry);
      })
      .put('/misinformation/:id', readers, async (c) => {
        const me = c.get('staff');
        const current = found(c.req.param('id'), (id) => getMisinfo(ctx.db, id));
        checkInScope(scopeOf(units, me), current.unitId);
        const input = await readBody(c, misinfoInputSchema);
        planFor(plans, input.planId, input.itemCode);
        const entry = updateMisinfo(ctx.db, current.id, me.id, input, ctx.now());
        ctx.audit.record(me, 'misinformation.updated', { type: 'misinformation', id: entry.id }, { platform: entry.platform, action: entry.action, status: entry.status });
        return c.json(entry);
      })
      // ── Budget proposals ──
      .get('/budget', readers, (c) => {
        const filter = parseWith(registerQuerySchema, c.req.query());
        return c.json({ proposals: listBudgets(ctx.db, scopeOf(units, c.get('staff')), filter) });
      })
      .post('/budget', officer, async (c) => {
        const me = c.get('staff');
        const unitId = unitOfOfficer(me.id);
        const input = await readBody(c, budgetInputSchema);
        planFor(plans, input.planId, null);
        const entry = proposeBudget(ctx.db, { userId: me.id, unitId }, input, ctx.now());
        ctx.audit.record(me, 'budget.proposed', { type: 'budget', id: entry.id }, { unitId, planId: entry.planId, proposedTotal: entry.proposedTotal });
        return c.json(entry, 201);
      })
      .get('/budget/:id', readers, (c) => {
        const entry = found(c.req.param('id'), (id) => getBudget(ctx.db, id));
        checkInScope(scopeOf(units, c.get('staff')), entry.unitId);
        return c.json(entry);
      })
      .put('/budget/:id/decision', office, async (c) => {
        const current = found(c.req.param('id'), (id) => getBudget(ctx.db, id));
        const input = await readBody(c, budgetDecisionSchema);
        notBefore(input.decidedOn, current.proposedOn, 'decidedOn');
        const amounts = input.status === 'rejected' ? current.lines.map(() => 0) : input.approvedAmounts;
        if (input.status === 'rejected' && input.approvedAmounts.some((a) => a > 0)) throw apiError(400, 'invalid_request', 'approvedAmounts: a refusal approves nothing');
        if (amounts.length !== current.lines.length) throw apiError(400, 'invalid_request', `approvedAmounts: one amount per line (${current.lines.length})`);
        const over = amounts.findIndex((a, i) => a > current.lines[i].proposedAmount);
        if (over >= 0) throw apiError(400, 'invalid_request', `approvedAmounts.${over}: more than the line proposes`);
        if (input.status === 'approved' && amounts.every((a) => a === 0)) throw apiError(400, 'invalid_request', 'approvedAmounts: approving nothing is a refusal');
        const entry = decideBudget(ctx.db, current.id, c.get('staff').id, { status: input.status, amounts, decidedOn: input.decidedOn, note: input.note }, ctx.now());
        ctx.audit.record(c.get('staff'), 'budget.decided', { type: 'budget', id: entry.id }, { unitId: entry.unitId, status: entry.status, approvedTotal: entry.approvedTotal });
        return c.json(entry);
      })
  );
}
