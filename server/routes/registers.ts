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
import { checkInScope, planFor, scopeOf, type Scope } from '../registers/scope.ts';
import type { RegisterScreenshots } from '../registers/screenshots.ts';
import { FileRefused } from '../files/file-store.ts';
import { sendPhoto } from '../files/serve-photo.ts';
import { SHA256_PATTERN, sniffType } from '../../shared/files.ts';
import { fileBodyLimit } from './unit-files.ts';

const ENTRY_ID = /^[0-9a-f-]{36}$/;

export function registerRoutes(ctx: AppContext, units: Units, plans: PlanStore, screenshots: RegisterScreenshots) {
  const readers = requireStaff(ctx, ['reviewer', 'admin', 'unit']);
  const office = requireStaff(ctx, ['reviewer', 'admin']);
  const officer = requireStaff(ctx, ['unit']);
  const found = async <T>(raw: string, get: (id: string) => Promise<T | undefined>): Promise<T> => {
    const entry = ENTRY_ID.test(raw) ? await get(raw) : undefined;
    if (!entry) throw apiError(404, 'not_found', 'No such entry');
    return entry;
  };
  const unitOfOfficer = async (userId: string) => {
    const unitId = await units.unitOf(userId);
    if (!unitId) throw apiError(403, 'no_unit', 'Your account is not bound to a unit; ask an admin');
    return unitId;
  };
  const hashParam = (raw: string) => {
    if (!SHA256_PATTERN.test(raw)) throw apiError(400, 'invalid_request', 'The address must end in the SHA-256 of the file, in lower-case hex');
    return raw;
  };
  /** The screenshot an entry names, as stored: unchanged from the entry, or one this side uploaded (else 422). */
  const screenshotFor = async <T extends { screenshotFile: string | null }>(input: T, scope: Scope, current: string | null = null): Promise<T> => {
    if (input.screenshotFile === null || input.screenshotFile === current) return input;
    const stored = await screenshots.usable(input.screenshotFile, scope);
    if (!stored) throw apiError(422, 'unknown_file', 'No such screenshot uploaded for this register by you or your unit; upload it first');
    return { ...input, screenshotFile: stored };
  };
  const notBefore = (day: string, earliest: string, field: string) => {
    if (day < earliest) throw apiError(400, 'invalid_request', `${field}: must not be before ${earliest}`);
  };

  return (
    new Hono<AppEnv>()
      // ── Difficulties ──
      .get('/difficulties', readers, async (c) => {
        const filter = parseWith(registerQuerySchema, c.req.query());
        return c.json({ difficulties: await listDifficulties(ctx.engine, await scopeOf(units, c.get('staff')), filter) });
      })
      .post('/difficulties', officer, async (c) => {
        const me = c.get('staff');
        const unitId = await unitOfOfficer(me.id);
        const input = await readBody(c, difficultyInputSchema);
        await planFor(plans, input.planId, input.itemCode);
        const entry = await fileDifficulty(ctx.engine, { userId: me.id, unitId }, input, ctx.now());
        await ctx.audit.record(me, 'difficulty.filed', { type: 'difficulty', id: entry.id }, { unitId, planId: entry.planId });
        return c.json(entry, 201);
      })
      .get('/difficulties/:id', readers, async (c) => {
        const entry = await found(c.req.param('id'), (id) => getDifficulty(ctx.engine, id));
        checkInScope(await scopeOf(units, c.get('staff')), entry.unitId);
        return c.json(entry);
      })
      // The filing unit corrects its entry until VH-XH has handled it; after that the record stands.
      .put('/difficulties/:id', officer, async (c) => {
        const me = c.get('staff');
        const current = await found(c.req.param('id'), (id) => getDifficulty(ctx.engine, id));
        checkInScope(await scopeOf(units, me), current.unitId);
        if (current.status !== 'new') throw apiError(409, 'already_handled', 'VH-XH has handled this difficulty; file a new one instead');
        const input = await readBody(c, difficultyInputSchema);
        await planFor(plans, input.planId, input.itemCode);
        const entry = await correctDifficulty(ctx.engine, current.id, me.id, input, ctx.now());
        await ctx.audit.record(me, 'difficulty.corrected', { type: 'difficulty', id: entry.id }, { unitId: entry.unitId, planId: entry.planId });
        return c.json(entry);
      })
      .put('/difficulties/:id/handling', office, async (c) => {
        const current = await found(c.req.param('id'), (id) => getDifficulty(ctx.engine, id));
        const input = await readBody(c, difficultyHandlingSchema);
        notBefore(input.handledOn, current.raisedOn, 'handledOn');
        const entry = await handleDifficulty(ctx.engine, current, c.get('staff').id, input, ctx.now());
        await ctx.audit.record(c.get('staff'), 'difficulty.handled', { type: 'difficulty', id: entry.id }, { unitId: entry.unitId, status: entry.status });
        return c.json(entry);
      })
      // ── False or misleading information ──
      .get('/misinformation', readers, async (c) => {
        const filter = parseWith(registerQuerySchema, c.req.query());
        return c.json({ entries: await listMisinfo(ctx.engine, await scopeOf(units, c.get('staff')), filter) });
      })
      .post('/misinformation', readers, async (c) => {
        const me = c.get('staff');
        const scope = await scopeOf(units, me);
        const body = await readBody(c, misinfoInputSchema);
        await planFor(plans, body.planId, body.itemCode);
        const input = await screenshotFor(body, scope);
        const entry = await logMisinfo(ctx.engine, { userId: me.id, unitId: scope.unitId }, input, ctx.now());
        await ctx.audit.record(me, 'misinformation.logged', { type: 'misinformation', id: entry.id }, { platform: entry.platform, action: entry.action, status: entry.status });
        return c.json(entry, 201);
      })
      .get('/misinformation/:id', readers, async (c) => {
        const entry = await found(c.req.param('id'), (id) => getMisinfo(ctx.engine, id));
        checkInScope(await scopeOf(units, c.get('staff')), entry.unitId);
        return c.json(entry);
      })
      .put('/misinformation/:id', readers, async (c) => {
        const me = c.get('staff');
        const current = await found(c.req.param('id'), (id) => getMisinfo(ctx.engine, id));
        const scope = await scopeOf(units, me);
        checkInScope(scope, current.unitId);
        const body = await readBody(c, misinfoInputSchema);
        await planFor(plans, body.planId, body.itemCode);
        const input = await screenshotFor(body, scope, current.screenshotFile);
        const entry = await updateMisinfo(ctx.engine, current.id, me.id, input, ctx.now());
        await ctx.audit.record(me, 'misinformation.updated', { type: 'misinformation', id: entry.id }, { platform: entry.platform, action: entry.action, status: entry.status });
        return c.json(entry);
      })
      // Screenshots of what was seen: pictures only, uploaded before the entry that names them (PUT /screenshots/<sha256 of the bytes sent>).
      .put('/screenshots/:sha256', readers, fileBodyLimit, async (c) => {
        const sent = hashParam(c.req.param('sha256'));
        const me = c.get('staff');
        const { unitId } = await scopeOf(units, me);
        const bytes = new Uint8Array(await c.req.arrayBuffer());
        if (sniffType(bytes) === 'application/pdf') throw apiError(415, 'unsupported_type', 'A screenshot is a JPEG, PNG or WebP picture');
        let stored;
        try {
          stored = await screenshots.store.put(bytes, sent);
        } catch (err) {
          if (err instanceof FileRefused) throw apiError(err.code === 'unsupported_type' ? 415 : 400, err.code, err.message);
          throw err;
        }
        const isNew = await screenshots.link(stored.file.sha256, me.id, unitId);
        if (isNew) await ctx.audit.record(me, 'misinformation.screenshot_uploaded', { type: 'file', id: stored.file.sha256 }, { unitId, type: stored.file.type, bytes: stored.file.bytes });
        return c.json(stored.file, isNew ? 201 : 200);
      })
      .get('/screenshots/:sha256', readers, async (c) => {
        const sha256 = hashParam(c.req.param('sha256'));
        const file = await screenshots.store.read(sha256);
        if (!file || !(await screenshots.mayRead(sha256, { unitId: null }))) throw apiError(404, 'not_found', 'No such screenshot');
        if (!(await screenshots.mayRead(sha256, await scopeOf(units, c.get('staff'))))) throw apiError(403, 'forbidden', 'The screenshot belongs to another unit');
        c.header('Cache-Control', 'no-store');
        return sendPhoto(c, file, `anh-chup-${sha256.slice(0, 12)}`, false);
      })
      // ── Budget proposals ──
      .get('/budget', readers, async (c) => {
        const filter = parseWith(registerQuerySchema, c.req.query());
        return c.json({ proposals: await listBudgets(ctx.engine, await scopeOf(units, c.get('staff')), filter) });
      })
      .post('/budget', officer, async (c) => {
        const me = c.get('staff');
        const unitId = await unitOfOfficer(me.id);
        const input = await readBody(c, budgetInputSchema);
        await planFor(plans, input.planId, null);
        const entry = await proposeBudget(ctx.engine, { userId: me.id, unitId }, input, ctx.now());
        await ctx.audit.record(me, 'budget.proposed', { type: 'budget', id: entry.id }, { unitId, planId: entry.planId, proposedTotal: entry.proposedTotal });
        return c.json(entry, 201);
      })
      .get('/budget/:id', readers, async (c) => {
        const entry = await found(c.req.param('id'), (id) => getBudget(ctx.engine, id));
        checkInScope(await scopeOf(units, c.get('staff')), entry.unitId);
        return c.json(entry);
      })
      .put('/budget/:id/decision', office, async (c) => {
        const current = await found(c.req.param('id'), (id) => getBudget(ctx.engine, id));
        const input = await readBody(c, budgetDecisionSchema);
        notBefore(input.decidedOn, current.proposedOn, 'decidedOn');
        const amounts = input.status === 'rejected' ? current.lines.map(() => 0) : input.approvedAmounts;
        if (input.status === 'rejected' && input.approvedAmounts.some((a) => a > 0)) throw apiError(400, 'invalid_request', 'approvedAmounts: a refusal approves nothing');
        if (amounts.length !== current.lines.length) throw apiError(400, 'invalid_request', `approvedAmounts: one amount per line (${current.lines.length})`);
        const over = amounts.findIndex((a, i) => a > current.lines[i].proposedAmount);
        if (over >= 0) throw apiError(400, 'invalid_request', `approvedAmounts.${over}: more than the line proposes`);
        if (input.status === 'approved' && amounts.every((a) => a === 0)) throw apiError(400, 'invalid_request', 'approvedAmounts: approving nothing is a refusal');
        const entry = await decideBudget(ctx.engine, current.id, c.get('staff').id, { status: input.status, amounts, decidedOn: input.decidedOn, note: input.note }, ctx.now());
        await ctx.audit.record(c.get('staff'), 'budget.decided', { type: 'budget', id: entry.id }, { unitId: entry.unitId, status: entry.status, approvedTotal: entry.approvedTotal });
        return c.json(entry);
      })
  );
}
