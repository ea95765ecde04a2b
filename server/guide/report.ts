// The team report for a date range (Vietnam calendar days, inclusive):
// per guide and per team (cns, da06). Sessions, attendees and self
// completions follow the sessions that STARTED in the range; assisted
// completions and outcomes count by the day the guide recorded them.
// Self and assisted completions are always separate numbers.
import type { ReportRow, TeamReport } from '../../shared/guide/api.ts';
import { TEAMS } from '../../shared/api.ts';
import { toCsv } from '../csv.ts';
import type { Sqlite } from '../db/open.ts';
import { ATTENDANCE, ATTRIBUTED_SELF_COMPLETIONS } from './attribution.ts';

type Team = (typeof TEAMS)[number];

const DAY_MS = 86_400_000;
/** [start, end) in epoch ms for inclusive Vietnam calendar days (UTC+7, no DST); open ends are unbounded. */
export function dayRange(from?: string, to?: string): [number, number] {
  const start = from ? Date.parse(`${from}T00:00:00+07:00`) : Number.MIN_SAFE_INTEGER;
  const end = to ? Date.parse(`${to}T00:00:00+07:00`) + DAY_MS : Number.MAX_SAFE_INTEGER;
  return [start, end];
}
type Keyed = { key: string; n: number };

export function createTeamReport(sqlite: Sqlite) {
  const guides = sqlite.prepare<[], { guideId: string; displayName: string; team: Team }>(
    "SELECT id AS guideId, display_name AS displayName, team FROM users WHERE role = 'guide' AND team IS NOT NULL ORDER BY team, display_name",
  );
  // Each query is asked twice: grouped by guide and grouped by team (with
  // DISTINCT, so a fact shared by two guides of one team counts once).
  const by = (group: 'guide' | 'team', sql: (key: string) => string) =>
    sqlite.prepare<[number, number], Keyed>(sql(group === 'guide' ? 'u.id' : 'u.team'));
  const queries = (group: 'guide' | 'team') => ({
    sessions: by(group, (k) => `SELECT ${k} AS key, COUNT(DISTINCT s.id) AS n FROM guide_sessions s JOIN users u ON u.id = s.guide_id
      WHERE s.starts_at >= ? AND s.starts_at < ? GROUP BY key`),
    attendees: by(group, (k) => `SELECT ${k} AS key, COUNT(DISTINCT a.session_id || '/' || a.learner_id) AS n
      FROM (${ATTENDANCE}) a JOIN guide_sessions s ON s.id = a.session_id JOIN users u ON u.id = s.guide_id
      WHERE s.starts_at >= ? AND s.starts_at < ? GROUP BY key`),
    selfCompletions: by(group, (k) => `SELECT ${k} AS key, COUNT(DISTINCT e.id) AS n ${ATTRIBUTED_SELF_COMPLETIONS}
      JOIN users u ON u.id = s.guide_id WHERE s.starts_at >= ? AND s.starts_at < ? GROUP BY key`),
    assistedCompletions: by(group, (k) => `SELECT ${k} AS key, COUNT(DISTINCT g.id) AS n FROM guide_events g JOIN users u ON u.id = g.recorded_by
      WHERE g.type = 'lesson.completed' AND g.effective_at >= ? AND g.effective_at < ? GROUP BY key`),
    outcomes: by(group, (k) => `SELECT ${k} AS key, COUNT(DISTINCT g.id) AS n FROM guide_events g JOIN users u ON u.id = g.recorded_by
      WHERE g.type = 'outcome.confirmed' AND g.effective_at >= ? AND g.effective_at < ? GROUP BY key`),
  });
  const perGuide = queries('guide');
  const perTeam = queries('team');

  const rows = (q: ReturnType<typeof queries>, start: number, end: number) => {
    const maps = Object.fromEntries(
      Object.entries(q).map(([name, stmt]) => [name, new Map(stmt.all(start, end).map((r) => [r.key, r.n]))]),
    ) as Record<keyof ReportRow, Map<string, number>>;
    return (key: string): ReportRow => ({
      sessions: maps.sessions.get(key) ?? 0,
      attendees: maps.attendees.get(key) ?? 0,
      selfCompletions: maps.selfCompletions.get(key) ?? 0,
      assistedCompletions: maps.assistedCompletions.get(key) ?? 0,
      outcomes: maps.outcomes.get(key) ?? 0,
    });
  };

  // One read transaction: every number describes the same moment.
  return sqlite.transaction((from?: string, to?: string): TeamReport => {
    const [start, end] = dayRange(from, to);
    const guideRow = rows(perGuide, start, end);
    const teamRow = rows(perTeam, start, end);
    return {
      from: from ?? null,
      to: to ?? null,
      guides: guides.all().map((g) => ({ ...g, ...guideRow(g.guideId) })),
      teams: TEAMS.map((team) => ({ team, ...teamRow(team) })),
    };
  });
}

const CSV_HEADER = ['scope', 'team', 'guide', 'sessions', 'attendees', 'self_completions', 'assisted_completions', 'outcomes'];

/** The report as CSV rows (server/csv.ts); the route adds the byte-order mark. */
export function reportToCsv(report: TeamReport): string {
  const nums = (r: ReportRow) => [r.sessions, r.attendees, r.selfCompletions, r.assistedCompletions, r.outcomes];
  return toCsv([
    CSV_HEADER,
    ...report.guides.map((g) => ['guide', g.team, g.displayName, ...nums(g)]),
    ...report.teams.map((t) => ['team', t.team, '', ...nums(t)]),
  ]);
}
