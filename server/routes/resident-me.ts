// The resident's data rights: GET /api/v1/me returns everything the server
// holds about the learner (profile, consent, certificates, devices, every
// event); DELETE /api/v1/me erases it. Phones usually send the queued
// `learner.deletion-requested` event instead, which ends the same way.
import { Hono } from 'hono';
import type { MyData } from '../../shared/resident/api.ts';
import { requireLearner } from '../auth/learner-auth.ts';
import type { AppContext, AppEnv } from '../context.ts';
import type { Resident } from '../resident/index.ts';

export function residentMeRoutes(ctx: AppContext, resident: Resident) {
  const learner = ctx.sqlite.prepare<[string], { id: string; createdAt: number }>('SELECT id, created_at AS createdAt FROM learners WHERE id = ?');
  const devices = ctx.sqlite.prepare<[string], { deviceId: string; lastSyncAt: number }>(
    'SELECT id AS deviceId, last_sync_at AS lastSyncAt FROM devices WHERE learner_id = ? ORDER BY last_sync_at',
  );
  const events = ctx.sqlite.prepare<[string], { id: string; type: string; occurredAt: number; receivedAt: number; payload: string }>(
    'SELECT id, type, occurred_at AS occurredAt, received_at AS receivedAt, payload FROM events WHERE learner_id = ? ORDER BY received_at, id',
  );
  const iso = (ms: number) => new Date(ms).toISOString();

  return new Hono<AppEnv>()
    .get('/', requireLearner(ctx), (c) => {
      const id = c.get('learnerId');
      const row = learner.get(id)!;
      const body: MyData = {
        learner: { id: row.id, createdAt: iso(row.createdAt) },
        ...resident.profiles.read(id),
        certificates: resident.certificates.list(id),
        devices: devices.all(id).map((d) => ({ deviceId: d.deviceId, lastSyncAt: iso(d.lastSyncAt) })),
        events: events.all(id).map((e) => ({ id: e.id, type: e.type, occurredAt: iso(e.occurredAt), receivedAt: iso(e.receivedAt), payload: JSON.parse(e.payload) })),
      };
      return c.json(body);
    })
    .delete('/', requireLearner(ctx), (c) => {
      resident.eraser.erase(c.get('learnerId'));
      return c.body(null, 204);
    });
}
