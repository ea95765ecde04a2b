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
  // Devices synced at or after a moment: whole hours from the hourly counters
  // (stats_device_hours, kept by triggers), the moment's own hour exactly.
  const since = sqlite.prepare<{ at: number; hour: number }, { n: number }>(
    `SELECT (SELECT COALESCE(SUM(devices), 0) FROM stats_device_hours WHERE hour > $hour)
          + (SELECT COUNT(*) FROM devices WHERE last_sync_at >= $at AND last_sync_at < ($hour + 1) * 3600000) AS n`,
  );
  const overall = sqlite.prepare<[], { total: number; last: number | null }>(
    'SELECT (SELECT COALESCE(SUM(devices), 0) FROM stats_device_hours) AS total, (SELECT MAX(last_sync_at) FROM devices) AS last',
  );
  const ge = (at: number) => since.get({ at, hour: Math.floor(at / 3_600_000) })!.n;
  const devices = { get: ({ a, b, c }: { a: number; b: number; c: number }) => {
    const [na, nb, nc] = [ge(a), ge(b), ge(c)];
    const { total, last } = overall.get()!;
    return { d1: na, d7: nb - na, d30: nc - nb, older: total - nc, last };
  } };
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
