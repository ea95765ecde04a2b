// What the report on a plan needs of a period's activities besides the
// tracker's counts, read with aggregate SQL instead of every row: counts and
// reach sums per form and sub-form (the tracker's covering index holds both),
// the first titles of each content item in report order (first day, unit,
// id; the item rows' own index, read until enough are found), and full rows
// only where they are few (directives) or wanted one by one (the Excel
// annex). An activity counts when its days overlap the period, as on the
// tracker. Statements are prepared once per database.
import { and, asc, between, count, eq, gte, inArray, lte, sql, type SQL } from 'drizzle-orm';
import { REACH_MEASURES, type ReachMeasure } from '../../shared/plans/constants.ts';
import type { ActivityRow } from '../../shared/units/api.ts';
import type { Engine } from '../db/engine/engine.ts';
import { unitActivities, unitActivityItems } from '../db/schema/index.ts';
import { total } from '../stats/sql.ts';

export interface Span {
  from: string;
  to: string;
}

/** One form and sub-form's activities in the span and their reach sums. */
export interface FormSums {
  formCode: string;
  subFormId: string | null;
  activities: number;
  reach: Record<ReachMeasure, number>;
}

/** An activity as the report lists it (the annex, the directives): the unit's list row without its files. */
export type ActivityLine = Omit<ActivityRow, 'files' | 'recordedAt'>;

const REACH_COLUMNS = {
  participants: unitActivities.reachParticipants,
  views: unitActivities.reachViews,
  minutesAired: unitActivities.reachMinutesAired,
  copies: unitActivities.reachCopies,
  screenHours: unitActivities.reachScreenHours,
} satisfies Record<ReachMeasure, unknown>;

/** Every unit id sorts between these (lower-case letters, digits and "-"): the index's unit column as a range. */
const ALL_UNITS = { unitFrom: '', unitTo: '~' };
/** Titles read per step while looking for an item's first distinct ones. */
const EXAMPLE_STEP = 16;

export function createReportFigures(engine: Engine) {
  const { db } = engine;
  const plan = sql.placeholder('plan');
  const from = sql.placeholder('from');
  const to = sql.placeholder('to');
  const overlaps = and(
    eq(unitActivities.planId, plan),
    between(unitActivities.unitId, sql.placeholder('unitFrom'), sql.placeholder('unitTo')),
    gte(unitActivities.endsOn, from),
    lte(unitActivities.startsOn, to),
  )!;
  const sums = db
    .select({
      formCode: unitActivities.formCode,
      subFormId: unitActivities.subFormId,
      n: count(),
      participants: total(REACH_COLUMNS.participants),
      views: total(REACH_COLUMNS.views),
      minutesAired: total(REACH_COLUMNS.minutesAired),
      copies: total(REACH_COLUMNS.copies),
      screenHours: total(REACH_COLUMNS.screenHours),
    })
    .from(unitActivities)
    .where(overlaps)
    .groupBy(unitActivities.formCode, unitActivities.subFormId)
    .prepare();
  const titles = db
    .select({ title: unitActivities.title })
    .from(unitActivityItems)
    .innerJoin(unitActivities, eq(unitActivities.id, unitActivityItems.activityId))
    .where(
      and(
        eq(unitActivityItems.planId, plan),
        eq(unitActivityItems.itemCode, sql.placeholder('item')),
        lte(unitActivityItems.startsOn, to),
        gte(unitActivityItems.endsOn, from),
      ),
    )
    .orderBy(asc(unitActivityItems.startsOn), asc(unitActivityItems.unitId), asc(unitActivityItems.activityId))
    .limit(sql.placeholder('limit'))
    .offset(sql.placeholder('offset'))
    .prepare();

  /** Full rows in report order (first day, unit, id), with their content items. */
  const lines = async (planId: string, span: Span, only?: SQL): Promise<ActivityLine[]> => {
    const where = and(eq(unitActivities.planId, planId), gte(unitActivities.endsOn, span.from), lte(unitActivities.startsOn, span.to), only);
    const rows = await db.select().from(unitActivities).where(where).orderBy(asc(unitActivities.startsOn), asc(unitActivities.unitId), asc(unitActivities.id));
    if (rows.length === 0) return [];
    const listed = db.select({ id: unitActivities.id }).from(unitActivities).where(where);
    const items = new Map<string, string[]>();
    for (const { activityId, itemCode } of await db
      .select({ activityId: unitActivityItems.activityId, itemCode: unitActivityItems.itemCode })
      .from(unitActivityItems)
      .where(inArray(unitActivityItems.activityId, listed))) {
      const list = items.get(activityId);
      if (list) list.push(itemCode);
      else items.set(activityId, [itemCode]);
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
        corrections: r.corrections,
      };
    });
  };

  return {
    /** Activities and reach per form and sub-form (null: none named). */
    async formSums(planId: string, span: Span): Promise<FormSums[]> {
      return (await sums.all({ plan: planId, ...ALL_UNITS, ...span })).map((r) => ({
        formCode: r.formCode,
        subFormId: r.subFormId,
        activities: r.n,
        reach: Object.fromEntries(REACH_MEASURES.map((m) => [m, Number(r[m])])) as Record<ReachMeasure, number>,
      }));
    },
    /** The first `n` distinct titles of a content item's activities in report order. */
    async examples(planId: string, item: string, span: Span, n: number): Promise<string[]> {
      const found = new Set<string>();
      for (let offset = 0; found.size < n; offset += EXAMPLE_STEP) {
        const step = await titles.all({ plan: planId, item, ...span, limit: EXAMPLE_STEP, offset });
        for (const { title } of step) if (found.size < n) found.add(title);
        if (step.length < EXAMPLE_STEP) break;
      }
      return [...found];
    },
    /** Every activity of the span, or only those of one sub-form. */
    lines(planId: string, span: Span, subFormId?: string): Promise<ActivityLine[]> {
      return lines(planId, span, subFormId === undefined ? undefined : eq(unitActivities.subFormId, subFormId));
    },
  };
}
export type ReportFigures = ReturnType<typeof createReportFigures>;

const readers = new WeakMap<Engine, ReportFigures>();
/** The engine's one set of report statements (made on first use). */
export function reportFigures(engine: Engine): ReportFigures {
  let r = readers.get(engine);
  if (!r) readers.set(engine, (r = createReportFigures(engine)));
  return r;
}
