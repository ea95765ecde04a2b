// The resident's data rights: GET /api/v1/me returns everything the server
// holds about the learner (profile, consent, certificates, devices, every
// event); DELETE /api/v1/me erases it. Phones usually send the queued
// `learner.deletion-requested` event instead, which ends the same way.
import { asc, eq } from 'drizzle-orm';
import { Hono } from 'hono';
import type { MyData } from '../../shared/resident/api.ts';
import { requireLearner } from '../auth/learner-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';
import { devices, events, learners } from '../db/schema/index.ts';
import type { Resident } from '../resident/index.ts';

export function residentMeRoutes(ctx: AppContext, resident: Resident) {
  const learner = (id: string) => ctx.engine.db.select({ id: learners.id, createdAt: learners.createdAt }).from(learners).where(eq(learners.id, id)).get();
  const devicesOf = (id: string) =>
    ctx.engine.db.select({ deviceId: devices.id, lastSyncAt: devices.lastSyncAt }).from(devices).where(eq(devices.learnerId, id)).orderBy(asc(devices.lastSyncAt), asc(devices.id));
  const eventsOf = (id: string) =>
    ctx.engine.db
      .select({ id: events.id, type: events.type, occurredAt: events.occurredAt, receivedAt: events.receivedAt, payload: events.payload })
      .from(events)
      .where(eq(events.learnerId, id))
      .orderBy(asc(events.receivedAt), asc(events.id));
  const iso = (ms: number) => new Date(ms).toISOString();

  return new Hono<AppEnv>()
    .get('/', requireLearner(ctx), async (c) => {
      const id = c.get('learnerId');
      const row = (await learner(id))!;
      const body: MyData = {
        learner: { id: row.id, createdAt: iso(row.createdAt) },
        ...(await resident.profiles.read(id)),
        certificates: await resident.certificates.list(id),
        devices: (await devicesOf(id)).map((d) => ({ deviceId: d.deviceId, lastSyncAt: iso(d.lastSyncAt) })),
        events: (await eventsOf(id)).map((e) => ({ id: e.id, type: e.type, occurredAt: iso(e.occurredAt), receivedAt: iso(e.receivedAt), payload: JSON.parse(e.payload) })),
      };
      return c.json(body);
    })
    .delete('/', requireLearner(ctx), async (c) => {
      await resident.eraser.erase(c.get('learnerId'));
      return c.body(null, 204);
    });
}
