// One tap from the studio into the unit's outreach log: a card posted, an LED
// screen's slide loop, posters printed. A unit officer's only (the log is the
// unit's, and the unit projection refuses anyone else's record); the server
// builds the activity (server/outreach/published-activity.ts) and sends it
// through the unit record pipeline like a phone's sync, so a repeat or a
// second officer's tap finds it there: 201 the first time, 200 after.
import { Hono } from 'hono';
import { outreachLogInputSchema, type OutreachLogged } from '../../shared/outreach/outreach-log.ts';
import { vietnamDay } from '../../shared/resident/home-plan.ts';
import { requireStaff } from '../auth/staff-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { readBody } from '../http/json-body.ts';
import type { PlanStore } from '../plans/store.ts';
import type { Units } from '../plans/units.ts';
import type { RecordPipeline } from '../records/pipeline.ts';
import { publishedActivity, STUDIO_DESK_DEVICE } from '../outreach/published-activity.ts';

export function outreachLogRoutes(ctx: AppContext, units: Units, plans: PlanStore, records: RecordPipeline['unit']) {
  const officer = requireStaff(ctx, ['unit']);

  return new Hono<AppEnv>().post('/', officer, async (c) => {
    const me = c.get('staff');
    const unitId = await units.unitOf(me.id);
    if (!unitId) throw apiError(403, 'no_unit', 'Your account is not bound to a unit; ask an admin');
    const entry = await readBody(c, outreachLogInputSchema);
    if (entry.startsOn > vietnamDay(ctx.now())) throw apiError(422, 'not_yet', `${entry.startsOn} has not come yet`);
    const all = await plans.all();
    const record = publishedActivity(all, unitId, entry, { id: me.id, at: ctx.now() });
    if (!record) throw apiError(422, 'no_plan_form', 'No plan has a form for this channel; add one under Plans');
    const [result] = await records.ingest({ by: { id: me.id, deviceId: STUDIO_DESK_DEVICE }, records: [record], receivedAt: ctx.now() });
    const created = result.status === 'accepted';
    // Already in the log (a resend, or another officer of the unit logged it first).
    const logged = created || result.status === 'duplicate' || result.status === 'conflict' || (result.status === 'rejected' && result.error?.code === 'conflict');
    if (!logged) throw apiError(422, result.error?.code ?? 'not_logged', result.error?.message ?? 'The outreach log refused the item');
    if (created) await ctx.audit.record(me, 'outreach.logged', { type: 'activity', id: record.activityId }, { channel: entry.channel, subFormId: record.subFormId, source: entry.source });
    const body: OutreachLogged = { activityId: record.activityId, planId: record.planId, formCode: record.formCode, subFormId: record.subFormId, created };
    return c.json(body, created ? 201 : 200);
  });
}
