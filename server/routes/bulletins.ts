// Loudspeaker bulletins kept for their broadcast schedule. Unit officers,
// reviewers (VH-XH) and admins save bulletins and schedules; a unit officer
// only for their own unit. Marking a scheduled day as aired is the airing
// unit's officer's (the outreach log is the unit's): it logs one activity
// with its minutes through the unit record pipeline, once, however often
// it is tapped.
import { Hono } from 'hono';
import { airingInputSchema, bulletinInputSchema, scheduledDays, type Bulletin } from '../../shared/outreach/bulletin-schedule.ts';
import { vietnamDay } from '../../shared/resident/home-plan.ts';
import type { StaffUser } from '../../shared/api.ts';
import { requireStaff } from '../auth/staff-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { apiError } from '../http/errors.ts';
import { readBody } from '../http/json-body.ts';
import type { PlanStore } from '../plans/store.ts';
import type { Units } from '../plans/units.ts';
import type { RecordPipeline } from '../records/pipeline.ts';
import { airedActivity, BULLETIN_DESK_DEVICE } from '../outreach/aired-activity.ts';
import { BulletinRuleError, createBulletinStore, type BulletinFields } from '../outreach/bulletins.ts';

const BULLETIN_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

export function bulletinRoutes(ctx: AppContext, units: Units, plans: PlanStore, records: RecordPipeline['unit']) {
  const writers = requireStaff(ctx, ['reviewer', 'admin', 'unit']);
  const officer = requireStaff(ctx, ['unit']);
  const store = createBulletinStore(ctx.engine, ctx.now);

  const unitOf = async (me: StaffUser) => {
    const id = await units.unitOf(me.id);
    if (!id) throw apiError(403, 'no_unit', 'Your account is not bound to a unit; ask an admin');
    return id;
  };
  const bulletinFor = async (me: StaffUser, raw: string): Promise<Bulletin> => {
    const b = BULLETIN_ID.test(raw) ? await store.get(raw) : undefined;
    if (!b) throw apiError(404, 'not_found', 'No such bulletin');
    if (me.role === 'unit' && b.unitId !== (await unitOf(me))) throw apiError(403, 'forbidden', "You work only on your own unit's bulletins");
    return b;
  };
  const fieldsFor = async (me: StaffUser, input: ReturnType<typeof bulletinInputSchema.parse>): Promise<BulletinFields> => {
    if (me.role === 'unit') return { ...input, unitId: await unitOf(me) };
    if (!input.unitId) throw apiError(422, 'unit_required', 'Name the unit that airs the bulletin');
    return { ...input, unitId: input.unitId };
  };
  const ruled = async <T,>(run: () => Promise<T>): Promise<T> => {
    try {
      return await run();
    } catch (error) {
      if (error instanceof BulletinRuleError) throw apiError(422, error.code, error.message);
      throw error;
    }
  };

  return new Hono<AppEnv>()
    .get('/', writers, async (c) => {
      const me = c.get('staff');
      return c.json({ bulletins: await store.list(me.role === 'unit' ? await unitOf(me) : undefined) });
    })
    .post('/', writers, async (c) => {
      const me = c.get('staff');
      const fields = await fieldsFor(me, await readBody(c, bulletinInputSchema));
      const b = await ruled(() => store.create(fields, me.id));
      await ctx.audit.record(me, 'bulletin.saved', { type: 'bulletin', id: b.id }, { kind: b.kind, unitId: b.unitId, scheduled: b.schedule !== null });
      return c.json(b, 201);
    })
    .put('/:id', writers, async (c) => {
      const me = c.get('staff');
      const before = await bulletinFor(me, c.req.param('id'));
      const fields = await fieldsFor(me, await readBody(c, bulletinInputSchema));
      const b = await ruled(() => store.update(before.id, fields));
      await ctx.audit.record(me, 'bulletin.saved', { type: 'bulletin', id: b.id }, { kind: b.kind, unitId: b.unitId, scheduled: b.schedule !== null });
      return c.json(b);
    })
    .post('/:id/aired', officer, async (c) => {
      const me = c.get('staff');
      const b = await bulletinFor(me, c.req.param('id'));
      const { day, minutes: typed } = await readBody(c, airingInputSchema);
      if (!b.schedule || !scheduledDays(b.schedule.days).includes(day)) throw apiError(422, 'not_scheduled', `The bulletin is not scheduled on ${day}`);
      if (day > vietnamDay(ctx.now())) throw apiError(422, 'not_yet', `${day} has not come yet`);
      // Already marked (another tap, another officer of the unit): the first airing stands.
      if (await store.airing(b.id, day)) return c.json((await store.get(b.id))!, 200);
      const minutes = typed ?? b.minutes;
      const groups = (await store.groupNames(b.schedule.groups)).map((g) => g.name);
      const place = [...b.schedule.clusters, ...groups].join(', ');
      const record = airedActivity(await plans.all(), b, day, minutes, place, { id: me.id, at: ctx.now() });
      if (!record) throw apiError(422, 'no_plan_form', 'No plan has a loudspeaker form for this kind of bulletin; add one under Plans');
      const [result] = await records.ingest({ by: { id: me.id, deviceId: BULLETIN_DESK_DEVICE }, records: [record], receivedAt: ctx.now() });
      // Accepted now, or already in the log (a resend, or another officer's tap recorded it first).
      const logged = result.status === 'accepted' || result.status === 'duplicate' || result.status === 'conflict' || (result.status === 'rejected' && result.error?.code === 'conflict');
      if (!logged) throw apiError(422, result.error?.code ?? 'not_logged', result.error?.message ?? 'The outreach log refused the airing');
      const created = await store.recordAiring({ bulletinId: b.id, day, minutes, activityId: record.activityId, airedBy: me.id });
      if (created) await ctx.audit.record(me, 'bulletin.aired', { type: 'bulletin', id: b.id }, { day, minutes, activityId: record.activityId });
      return c.json((await store.get(b.id))!, created ? 201 : 200);
    });
}
