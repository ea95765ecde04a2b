// The officer's text of a report, one row per period and group (upsert).
import { and, eq } from 'drizzle-orm';
import type { Narrative, NarrativeText } from '../../shared/stats/narrative.ts';
import type { StatsRange } from '../../shared/stats/api.ts';
import type { Engine } from '../db/engine/engine.ts';
import { reportNarratives } from '../db/schema/index.ts';
import { excluded } from '../db/set-values.ts';

const EMPTY: NarrativeText = { situation: '', results: '', shortcomings: '', proposals: '' };

export function createNarratives(engine: Engine) {
  const { db } = engine;
  const key = (r: StatsRange) => ({ periodFrom: r.from, periodTo: r.to, groupId: r.group ?? '' });
  const where = (r: StatsRange) => {
    const k = key(r);
    return and(eq(reportNarratives.periodFrom, k.periodFrom), eq(reportNarratives.periodTo, k.periodTo), eq(reportNarratives.groupId, k.groupId));
  };
  const read = async (r: StatsRange): Promise<Narrative> => {
    const row = await db.select().from(reportNarratives).where(where(r)).get();
    const text = row ? { situation: row.situation, results: row.results, shortcomings: row.shortcomings, proposals: row.proposals } : EMPTY;
    return { from: r.from, to: r.to, group: r.group, ...text, updatedAt: row ? new Date(row.updatedAt).toISOString() : null };
  };
  const save = async (r: StatsRange, text: NarrativeText, by: string, at: number): Promise<Narrative> => {
    await db
      .insert(reportNarratives)
      .values({ ...key(r), ...text, updatedAt: at, updatedBy: by })
      .onConflictDoUpdate({
        target: [reportNarratives.periodFrom, reportNarratives.periodTo, reportNarratives.groupId],
        set: { situation: excluded(reportNarratives.situation), results: excluded(reportNarratives.results), shortcomings: excluded(reportNarratives.shortcomings), proposals: excluded(reportNarratives.proposals), updatedAt: excluded(reportNarratives.updatedAt), updatedBy: excluded(reportNarratives.updatedBy) },
      });
    return read(r);
  };
  return { read, save };
}
