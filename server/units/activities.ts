// Reads a unit's activities (their current versions) for the officer's own
// list and the office, newest first, optionally for one plan and a span of
// days (an activity counts when its days overlap the span).
import { and, asc, desc, eq, gte, inArray, lte, type SQL } from 'drizzle-orm';
import type { ActivityRow } from '../../shared/units/api.ts';
import type { Engine } from '../db/engine/engine.ts';
import type { FileLink } from '../../shared/files.ts';
import { storedFiles, unitActivities, unitActivityFiles, unitActivityItems } from '../db/schema/index.ts';

/** At most this many rows in one answer; a year of one unit's work fits. */
const MAX_ROWS = 2_000;

export interface ActivityFilter {
  plan?: string;
  from?: string;
  to?: string;
}

export async function listActivities(engine: Engine, unitId: string, filter: ActivityFilter): Promise<ActivityRow[]> {
  const { db } = engine;
  const where: SQL[] = [eq(unitActivities.unitId, unitId)];
  if (filter.plan) where.push(eq(unitActivities.planId, filter.plan));
  if (filter.from) where.push(gte(unitActivities.endsOn, filter.from));
  if (filter.to) where.push(lte(unitActivities.startsOn, filter.to));
  // The same rows as a subquery: the items and files queries name them by
  // this instead of binding up to MAX_ROWS ids one by one (a year's report
  // reads ten units' lists; binding was most of its time).
  const listed = db.select({ id: unitActivities.id }).from(unitActivities).where(and(...where)).orderBy(desc(unitActivities.startsOn), desc(unitActivities.id)).limit(MAX_ROWS);
  const rows = await db
    .select()
    .from(unitActivities)
    .where(and(...where))
    .orderBy(desc(unitActivities.startsOn), desc(unitActivities.id))
    .limit(MAX_ROWS);
  const items = new Map<string, string[]>();
  const files = new Map<string, FileLink[]>();
  if (rows.length > 0) {
    for (const { activityId, itemCode } of await db.select().from(unitActivityItems).where(inArray(unitActivityItems.activityId, listed))) {
      const list = items.get(activityId);
      if (list) list.push(itemCode);
      else items.set(activityId, [itemCode]);
    }
    const linked = await db
      .select({ activityId: unitActivityFiles.activityId, sha256: storedFiles.sha256, type: storedFiles.type, bytes: storedFiles.bytes, name: unitActivityFiles.name })
      .from(unitActivityFiles)
      .innerJoin(storedFiles, eq(storedFiles.sha256, unitActivityFiles.sha256))
      .where(inArray(unitActivityFiles.activityId, listed))
      .orderBy(asc(unitActivityFiles.position));
    for (const { activityId, ...file } of linked) files.set(activityId, [...(files.get(activityId) ?? []), file as FileLink]);
  }
  return rows.map((r) => {
    const d = JSON.parse(r.details) as Pick<ActivityRow, 'place' | 'audiences' | 'reach' | 'links'>;
    return {
      id: r.id,
      unitId: r.unitId,
      planId: r.planId,
      formCode: r.formCode,
      subFormId: r.subFormId,
      contentItems: (items.get(r.id) ?? []).sort(),
      startsOn: r.startsOn,
      endsOn: r.endsOn,
      title: r.title,
      place: d.place,
      audiences: d.audiences,
      reach: d.reach,
      links: d.links,
      files: files.get(r.id) ?? [],
      corrections: r.corrections,
      recordedAt: new Date(r.recordedAt).toISOString(),
    };
  });
}
