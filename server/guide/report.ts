// The team report for a date range (Vietnam calendar days, inclusive):
// per guide and per team (cns, da06). Sessions, attendees and self
// completions follow the sessions that STARTED in the range; assisted
// completions and outcomes count by the day the guide recorded them.
// Self and assisted completions are always separate numbers. Records a
// plausibility rule holds count nowhere here until a reviewer accepts them
// (server/stats/verified-records.ts).
import type { ReportRow, TeamReport } from '../../shared/guide/api.ts';
import { TEAMS } from '../../shared/api.ts';
import { toCsv } from '../csv.ts';
import { and, asc, eq, isNotNull, sql, type SQL } from 'drizzle-orm';
import type { Engine } from '../db/engine/engine.ts';
import { events, guideEvents, guideSessions, users } from '../db/schema/index.ts';
import { COUNTED_ATTENDANCE, notHeld, VERIFIED_SELF_COMPLETIONS } from '../stats/verified-records.ts';

type Team = (typeof TEAMS)[number];

const DAY_MS = 86_400_000;
/** [start, end) in epoch ms for inclusive Vietnam calendar days (UTC+7, no DST); open ends are unbounded. */
export function dayRange(from?: string, to?: string): [number, number] {
  const start = from ? Date.parse(`${from}T00:00:00+07:00`) : Number.MIN_SAFE_INTEGER;
  const end = to ? Date.parse(`${to}T00:00:00+07:00`) + DAY_MS : Number.MAX_SAFE_INTEGER;
  return [start, end];
}
/** One row of every report query: the guide's id or the team, and a count. */
interface Keyed {
  key: string;
  n: number;
}
type Period = { start: number; end: number };

export function createTeamReport(engine: Engine) {
  const guides = engine.db
    .select({ guideId: users.id, displayName: users.displayName, team: sql<Team>`${users.team}` })
    .from(users)
    .where(and(eq(users.role, 'guide'), isNotNull(users.team)))
    .orderBy(asc(users.team), asc(users.displayName))
    .prepare();
  // Each query is asked twice: grouped by guide and grouped by team (with
  // DISTINCT, so a fact shared by two guides of one team counts once).
  const by = (group: 'guide' | 'team', query: (key: SQL, r: Period) => SQL) => (r: Period) =>
    engine.all<Keyed>(query(group === 'guide' ? sql`${users.id}` : sql`${users.team}`, r));
  const recordedBy = (type: string) => (k: SQL, r: Period) => sql`SELECT ${k} AS key, COUNT(DISTINCT ${guideEvents.id}) AS n
      FROM ${guideEvents} JOIN ${users} ON ${users.id} = ${guideEvents.recordedBy}
     WHERE ${guideEvents.type} = ${type} AND ${notHeld(guideEvents.id)} AND ${guideEvents.effectiveAt} >= ${r.start} AND ${guideEvents.effectiveAt} < ${r.end} GROUP BY key`;
  const queries = (group: 'guide' | 'team') => ({
    sessions: by(group, (k, r) => sql`SELECT ${k} AS key, COUNT(DISTINCT ${guideSessions.id}) AS n
      FROM ${guideSessions} JOIN ${users} ON ${users.id} = ${guideSessions.guideId}
     WHERE ${guideSessions.startsAt} >= ${r.start} AND ${guideSessions.startsAt} < ${r.end} GROUP BY key`),
    attendees: by(group, (k, r) => sql`SELECT ${k} AS key, COUNT(DISTINCT attendance.session_id || '/' || attendance.learner_id) AS n
      FROM ${COUNTED_ATTENDANCE} JOIN ${guideSessions} ON ${guideSessions.id} = attendance.session_id JOIN ${users} ON ${users.id} = ${guideSessions.guideId}
     WHERE ${guideSessions.startsAt} >= ${r.start} AND ${guideSessions.startsAt} < ${r.end} GROUP BY key`),
    selfCompletions: by(group, (k, r) => sql`SELECT ${k} AS key, COUNT(DISTINCT ${events.id}) AS n FROM ${VERIFIED_SELF_COMPLETIONS}
      JOIN ${users} ON ${users.id} = ${guideSessions.guideId} WHERE ${guideSessions.startsAt} >= ${r.start} AND ${guideSessions.startsAt} < ${r.end} GROUP BY key`),
    assistedCompletions: by(group, recordedBy('lesson.completed')),
    outcomes: by(group, recordedBy('outcome.confirmed')),
  });
  const perGuide = queries('guide');
  const perTeam = queries('team');

  const rows = async (q: ReturnType<typeof queries>, start: number, end: number) => {
    const maps = {} as Record<keyof ReportRow, Map<string, number>>;
    for (const [name, ask] of Object.entries(q)) maps[name as keyof ReportRow] = new Map((await ask({ start, end })).map((r) => [r.key, r.n]));
    return (key: string): ReportRow => ({
      sessions: maps.sessions.get(key) ?? 0,
      attendees: maps.attendees.get(key) ?? 0,
      selfCompletions: maps.selfCompletions.get(key) ?? 0,
      assistedCompletions: maps.assistedCompletions.get(key) ?? 0,
      outcomes: maps.outcomes.get(key) ?? 0,
    });
  };

  // One read transaction: every number describes the same moment.
  return (from?: string, to?: string): Promise<TeamReport> =>
    engine.transaction(async () => {
      const [start, end] = dayRange(from, to);
      const guideRow = await rows(perGuide, start, end);
      const teamRow = await rows(perTeam, start, end);
      return {
        from: from ?? null,
        to: to ?? null,
        guides: (await guides.all()).map((g) => ({ ...g, ...guideRow(g.guideId) })),
        teams: TEAMS.map((team) => ({ team, ...teamRow(team) })),
      };
    }, { readOnly: true });
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
