// Units and the outreach log. Admins add and rename units; a unit officer
// reads their unit and the plans (GET /me, kept on the phone), sends the
// unit's records (POST /sync, the unit family of the one record pipeline)
// and reads their own unit's activities; reviewers and admins read every
// unit's. Anything else is 403 and writes nothing.
import { Hono } from 'hono';
import type { SyncResponse } from '../../shared/api.ts';
import { UNIT_ID_PATTERN } from '../../shared/plans/constants.ts';
import { unitInputSchema } from '../../shared/plans/schema.ts';
import { activityQuerySchema, createUnitSchema, unitSyncRequestSchema, type UnitMe } from '../../shared/units/api.ts';
import { requireStaff } from '../auth/staff-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { parseWith, readBody } from '../http/json-body.ts';
import type { PlanStore } from '../plans/store.ts';
import type { Units } from '../plans/units.ts';
import type { RecordPipeline } from '../records/pipeline.ts';
import { listActivities } from '../units/activities.ts';

export function unitRoutes(ctx: AppContext, units: Units, plans: PlanStore, records: RecordPipeline['unit']) {
  const admin = requireStaff(ctx, ['admin']);
  const officer = requireStaff(ctx, ['unit']);
  const readers = requireStaff(ctx, ['reviewer', 'admin', 'unit']);
  const unitOfOfficer = async (userId: string) => {
    const id = await units.unitOf(userId);
    const unit = id ? await units.get(id) : undefined;
    if (!unit) throw apiError(403, 'no_unit', 'Your account is not bound to a unit; ask an admin');
    return unit;
  };
  const existingUnit = async (raw: string) => {
    const unit = UNIT_ID_PATTERN.test(raw) ? await units.get(raw) : undefined;
    if (!unit) throw apiError(404, 'not_found', 'No such unit');
    return unit;
  };

  return new Hono<AppEnv>()
    .get('/', readers, async (c) => c.json({ units: await units.list() }))
    .post('/', admin, async (c) => {
      const input = await readBody(c, createUnitSchema);
      let unit;
      try {
        unit = await units.add(input);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        throw apiError(message.includes('already exists') ? 409 : 400, message.includes('already exists') ? 'conflict' : 'invalid_request', message);
      }
      await ctx.audit.record(c.get('staff'), 'unit.created', { type: 'unit', id: unit.id }, { abbreviation: unit.shortName });
      return c.json(unit, 201);
    })
    .get('/me', officer, async (c) => {
      const body: UnitMe = { unit: await unitOfOfficer(c.get('staff').id), plans: await plans.all() };
      return c.json(body);
    })
    .post('/sync', officer, async (c) => {
      const { deviceId, events } = await readBody(c, unitSyncRequestSchema);
      const receivedAt = ctx.now();
      const results = await records.ingest({ by: { id: c.get('staff').id, deviceId }, records: events, receivedAt });
      const body: SyncResponse = { results, serverTime: new Date(receivedAt).toISOString() };
      return c.json(body);
    })
    .put('/:id', admin, async (c) => {
      const id = (await existingUnit(c.req.param('id'))).id;
      const input = await readBody(c, unitInputSchema);
      const unit = (await units.update(id, input))!;
      await ctx.audit.record(c.get('staff'), 'unit.updated', { type: 'unit', id }, { abbreviation: unit.shortName });
      return c.json(unit);
    })
    // A unit officer reads only their own unit's log; the office reads every unit's.
    .get('/:id/activities', readers, async (c) => {
      const unit = await existingUnit(c.req.param('id'));
      const me = c.get('staff');
      if (me.role === 'unit' && (await unitOfOfficer(me.id)).id !== unit.id) throw apiError(403, 'forbidden', 'You read only your own unit');
      const filter = parseWith(activityQuerySchema, c.req.query());
      if (filter.from && filter.to && filter.from > filter.to) throw apiError(400, 'invalid_request', 'from must not be after to');
      return c.json({ unitId: unit.id, activities: await listActivities(ctx.engine, unit.id, filter) });
    });
}
