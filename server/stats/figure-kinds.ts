// The figures by kind of evidence (shared/stats/figure-kinds.ts), for a range:
// - verified: lessons a guide recorded in person (stats_daily's assisted
//   completions) plus a resident's own completions credited to a guided
//   session they checked in to (the attribution rule of server/guide/attribution.ts);
// - self-reported: the resident's own completions not credited to a session;
// - outcomes: confirmed outcomes, as the headline counts them.
// Held records (server/integrity) are in none of them; they are counted apart.
import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { DEFAULT_OFFICIAL_KINDS, FIGURE_KINDS, officialLessons, type FigureKind, type FigureKinds } from '../../shared/stats/figure-kinds.ts';
import type { Headline } from '../../shared/stats/api.ts';
import type { AsyncDb, Engine } from '../db/engine/engine.ts';
import { events, guideEvents, integrityHolds, wardFigureSettings } from '../db/schema/index.ts';
import { VERIFIED_SELF_COMPLETIONS } from './verified-records.ts';
import { msBounds, type DayRange } from './range.ts';

const from = sql.placeholder('from');
const to = sql.placeholder('to');

/** The kinds the ward's official figures count, from the stored choice (JSON), or the default when none was saved. */
export function officialKindsOf(stored: string | undefined): FigureKinds['official'] {
  if (stored === undefined) return { kinds: [...DEFAULT_OFFICIAL_KINDS], isDefault: true };
  const chosen = JSON.parse(stored) as string[];
  return { kinds: FIGURE_KINDS.filter((k) => chosen.includes(k)), isDefault: false };
}

// Written out with table names: the FROM is the attribution join, where a bare "id" is ambiguous.
const eventId = sql.raw('"events"."id"');
const eventAt = sql.raw('"events"."effective_at"');
/** A resident's own completions in [from, to) credited to a guided session (the city's figures read it too, locality-figures.ts). */
export const creditedSelfCompletions = (db: AsyncDb) =>
  db
    .select({ n: sql<number>`count(DISTINCT ${eventId})` })
    .from(sql`${VERIFIED_SELF_COMPLETIONS}`)
    .where(sql`${eventAt} >= ${from} AND ${eventAt} < ${to}`);

export function createFigureKinds(engine: Engine) {
  const { db } = engine;
  const creditedSelf = creditedSelfCompletions(db).prepare();
  const held = db
    .select({ n: sql<number>`count(*)` })
    .from(integrityHolds)
    .innerJoin(events, eq(events.id, integrityHolds.eventId))
    .where(and(eq(integrityHolds.status, 'held'), eq(events.type, 'lesson.completed'), gte(events.effectiveAt, from), lt(events.effectiveAt, to)))
    .prepare();
  // Lessons a guide recorded that a guide rule holds.
  const heldGuided = db
    .select({ n: sql<number>`count(*)` })
    .from(integrityHolds)
    .innerJoin(guideEvents, eq(guideEvents.id, integrityHolds.eventId))
    .where(and(eq(integrityHolds.status, 'held'), eq(guideEvents.type, 'lesson.completed'), gte(guideEvents.effectiveAt, from), lt(guideEvents.effectiveAt, to)))
    .prepare();
  const setting = db.select({ kinds: wardFigureSettings.officialKinds }).from(wardFigureSettings).where(eq(wardFigureSettings.id, 1)).prepare();

  const official = async (): Promise<FigureKinds['official']> => officialKindsOf((await setting.get())?.kinds);

  return {
    official,
    async figures(r: DayRange, headline: Pick<Headline, 'assistedCompletions' | 'selfCompletions' | 'outcomesConfirmed'>): Promise<FigureKinds> {
      const [msFrom, msTo] = msBounds(r);
      const ms = { from: msFrom, to: msTo };
      const credited = (await creditedSelf.get(ms))?.n ?? 0;
      const k = { verified: headline.assistedCompletions + credited, selfReported: headline.selfCompletions - credited };
      const o = await official();
      const heldCount = ((await held.get(ms))?.n ?? 0) + ((await heldGuided.get(ms))?.n ?? 0);
      return { ...k, outcomes: headline.outcomesConfirmed, held: heldCount, official: o, officialLessons: officialLessons(k, o.kinds) };
    },
    async save(kinds: readonly FigureKind[], by: string, at: number) {
      const officialKinds = JSON.stringify(FIGURE_KINDS.filter((k) => kinds.includes(k)));
      await db.insert(wardFigureSettings).values({ id: 1, officialKinds, updatedBy: by, updatedAt: at }).onConflictDoUpdate({ target: wardFigureSettings.id, set: { officialKinds, updatedBy: by, updatedAt: at } });
    },
  };
}
