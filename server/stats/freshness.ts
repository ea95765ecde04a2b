// How fresh the figures are: when each guide's phone last synced (guides are
// staff, accountable by name), and how many learner devices synced recently
// (counts only, never a device or a person).
import type { Freshness } from '../../shared/stats/api.ts';
import type { Sqlite } from '../db/open.ts';
import { people } from './suppress.ts';

const DAY = 86_400_000;

export function createFreshness(sqlite: Sqlite, now: () => number) {
  const guides = sqlite.prepare<[], { guide: string; team: string | null; deviceId: string | null; last: number | null }>(
    `SELECT u.display_name AS guide, u.team, g.device_id AS deviceId, g.last
       FROM users u LEFT JOIN (SELECT recorded_by, device_id, MAX(received_at) AS last FROM guide_events GROUP BY recorded_by, device_id) g
         ON g.recorded_by = u.id
      WHERE u.role = 'guide' AND u.disabled = 0
      ORDER BY g.last IS NULL, g.last DESC, u.display_name`,
  );
  const devices = sqlite.prepare<{ a: number; b: number; c: number }, { d1: number; d7: number; d30: number; older: number; last: number | null }>(
    `SELECT COALESCE(SUM(last_sync_at >= $a), 0) AS d1, COALESCE(SUM(last_sync_at < $a AND last_sync_at >= $b), 0) AS d7,
            COALESCE(SUM(last_sync_at < $b AND last_sync_at >= $c), 0) AS d30, COALESCE(SUM(last_sync_at < $c), 0) AS older,
            MAX(last_sync_at) AS last FROM devices`,
  );
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return (): Freshness => {
    const t = now();
    const d = devices.get({ a: t - DAY, b: t - 7 * DAY, c: t - 30 * DAY })!;
    return {
      guides: guides.all().map((g) => ({ guide: g.guide, team: g.team, deviceId: g.deviceId, lastSyncAt: iso(g.last) })),
      devices: { within1Day: people(d.d1), within7Days: people(d.d7), within30Days: people(d.d30), older: people(d.older), lastSyncAt: iso(d.last) },
    };
  };
}
