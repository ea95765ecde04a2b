// The Culture-Social Office's tracker for one plan and a span of days:
// units × forms counts, each unit's last activity, which content items were
// served (an activity counts when its days overlap the span), and each
// unit's tasks and the plan's targets for the period (shared/plans/
// task-status.ts decides; an activity counts there on its first day). A
// unit officer gets the same view limited to their own unit: its row, tasks,
// targets and content-item counts, and none of the ward's figures. One set of
// prepared statements per database, read for every request.
import { and, between, count, eq, gte, lt, lte, max, sql } from 'drizzle-orm';
import { vietnamToday, windowOf, type Span } from '../../shared/plans/periods.ts';
import type { Plan, Unit } from '../../shared/plans/schema.ts';
import { countsNeeded, targetStates, taskStates } from '../../shared/plans/task-status.ts';
import type { Tracker } from '../../shared/units/api.ts';
import type { Engine } from '../db/engine/engine.ts';
import { guideSessions, unitActivities, unitActivityItems } from '../db/schema/index.ts';

/** The sub-form id that marks where the movement's guide sessions count. */
export const GUIDE_SESSION_SUB_FORM = 'guide-session';
const DAY = 86_400_000;
/** Midnight of a Vietnam calendar day (UTC+7), in UTC ms. */
const vnMidnight = (day: string) => Date.parse(`${day}T00:00:00+07:00`);
/** An open side of the span, as a day every stored day sorts after (or before). */
const FIRST_DAY = '0000-01-01';
const LAST_DAY = '9999-12-31';
/** The longest period the tracker judges (five years and a day or two). */
export const MAX_PERIOD_DAYS = 1_830;
/** Above every unit id (lower-case letters, digits and "-"). */
const LAST_ID = '~';
/** Spans counted per statement (six values each, well under either engine's limit on parameters). */
const SPANS_PER_STATEMENT = 512;

/** One span a task needs counted: a unit's form (and sub-form, when named) over some days. */
interface SpanWanted {
  unit: string;
  form: string;
  sub: string | null;
  from: string;
  to: string;
}

export function createTracker(engine: Engine) {
  const { db } = engine;
  const plan = sql.placeholder('plan');
  const from = sql.placeholder('from');
  const to = sql.placeholder('to');
  // Every unit ('' to the highest id) or one (an officer's view): a range, so the index serves both.
  const unitIs = between(unitActivities.unitId, sql.placeholder('unitFrom'), sql.placeholder('unitTo'));
  const overlaps = and(eq(unitActivities.planId, plan), gte(unitActivities.endsOn, from), lte(unitActivities.startsOn, to), unitIs);
  const cells = db
    .select({ unitId: unitActivities.unitId, formCode: unitActivities.formCode, n: count(), last: max(unitActivities.startsOn) })
    .from(unitActivities)
    .where(overlaps)
    .groupBy(unitActivities.unitId, unitActivities.formCode)
    .prepare();
  // The item rows carry their activity's plan, unit and days: counted from their own index, no join.
  const items = db
    .select({ code: unitActivityItems.itemCode, n: count() })
    .from(unitActivityItems)
    .where(
      and(
        eq(unitActivityItems.planId, plan),
        gte(unitActivityItems.endsOn, from),
        lte(unitActivityItems.startsOn, to),
        between(unitActivityItems.unitId, sql.placeholder('unitFrom'), sql.placeholder('unitTo')),
      ),
    )
    .groupBy(unitActivityItems.itemCode)
    .prepare();
  const sessions = db
    .select({ n: count() })
    .from(guideSessions)
    .where(and(gte(guideSessions.startsAt, sql.placeholder('fromMs')), lt(guideSessions.startsAt, sql.placeholder('toMs'))))
    .prepare();
  // Tasks: the spans shared/plans/task-status.ts needs counted, sent as rows of a VALUES list (portable;
  // SQLite's json_each is not) and counted in one pass over the covering index, a unit's form over a
  // week being a short range of it. A list is padded to a few fixed sizes so the engines keep a handful
  // of statement texts, and long ones go in chunks.
  const countSpans = async (planId: string, list: SpanWanted[]): Promise<Map<number, number>> => {
    const counted = new Map<number, number>();
    for (let at = 0; at < list.length; at += SPANS_PER_STATEMENT) {
      const chunk = list.slice(at, at + SPANS_PER_STATEMENT);
      let size = 16;
      while (size < chunk.length) size *= 2;
      const rows = chunk.map((w, i) => sql`(${sql.raw(String(at + i))}, ${w.unit}, ${w.form}, ${w.sub ?? ''}, ${w.from}, ${w.to})`);
      // Padding: no unit has the empty id.
      for (let i = chunk.length; i < size; i++) rows.push(sql`(${sql.raw('-1')}, '', '', '', '', '')`);
      const found = await engine.all<{ key: number; n: number }>(sql`
        SELECT wanted.column1 AS key, count(${unitActivities.id}) AS n
        FROM (VALUES ${sql.join(rows, sql`, `)}) AS wanted
        LEFT JOIN ${unitActivities} ON ${unitActivities.planId} = ${planId}
          AND ${unitActivities.unitId} = wanted.column2
          AND ${unitActivities.formCode} = wanted.column3
          AND ${unitActivities.startsOn} BETWEEN wanted.column5 AND wanted.column6
          AND (wanted.column4 = '' OR ${unitActivities.subFormId} = wanted.column4)
        GROUP BY wanted.column1`);
      for (const r of found) if (Number(r.key) >= 0) counted.set(Number(r.key), Number(r.n));
    }
    return counted;
  };
  // Targets: activities that started in the period, per unit, form and sub-form.
  const perForm = db
    .select({ unitId: unitActivities.unitId, formCode: unitActivities.formCode, subFormId: unitActivities.subFormId, n: count() })
    .from(unitActivities)
    .where(and(eq(unitActivities.planId, plan), gte(unitActivities.startsOn, from), lte(unitActivities.startsOn, to), unitIs))
    .groupBy(unitActivities.unitId, unitActivities.formCode, unitActivities.subFormId)
    .prepare();
  // Each unit's latest activity up to the period's end, in the span or not: how long a unit has been quiet.
  const latest = db
    .select({ unitId: unitActivities.unitId, last: max(unitActivities.startsOn) })
    .from(unitActivities)
    .where(and(eq(unitActivities.planId, plan), lte(unitActivities.startsOn, to), unitIs))
    .groupBy(unitActivities.unitId)
    .prepare();

  /** `units`: the units shown; `today`: the Vietnam day the deadlines are judged on; `ownUnit`: an officer's view of their one unit
   * (said, not guessed from one unit shown: a ward with one unit still gives the office the ward's figures). */
  return async function read(p: Plan, units: Unit[], span: { from?: string; to?: string }, today: string, ownUnit = false): Promise<Tracker> {
    if (ownUnit && units.length !== 1) throw new Error('an officer sees exactly one unit');
    const unit = ownUnit ? units[0].id : null;
    const unitRange = unit === null ? { unitFrom: '', unitTo: LAST_ID } : { unitFrom: unit, unitTo: unit };
    const open = { plan: p.id, ...unitRange, from: span.from ?? FIRST_DAY, to: span.to ?? LAST_DAY };
    const cellRows = await cells.all(open);
    const perItem = new Map((await items.all(open)).map((i) => [i.code, i.n]));
    // The movement's sessions are guide records already: counted here, never typed again by a unit.
    // They are the ward's, not a unit's: an officer's view of their own unit leaves them out.
    const movementForm = unit === null ? p.forms.find((f) => f.subForms.some((s) => s.id === GUIDE_SESSION_SUB_FORM)) : undefined;
    const sessionCount = movementForm
      ? ((await sessions.get({ fromMs: span.from ? vnMidnight(span.from) : 0, toMs: span.to ? vnMidnight(span.to) + DAY : Number.MAX_SAFE_INTEGER }))?.n ?? 0)
      : 0;

    const period = periodOf(p, span, today);
    const unitIds = units.map((u) => u.id);
    const needed = countsNeeded(p.tasks, p, period, unitIds);
    const counted =
      needed.length > 0 ? await countSpans(p.id, needed.map((c) => ({ unit: c.task.unitId, form: c.task.formCode, sub: c.task.subFormId, from: c.span.from, to: c.span.to }))) : new Map<number, number>();
    const at = new Map(needed.map((c, i) => [`${c.task.id}|${c.span.from}|${c.span.to}`, i]));
    const tasks = taskStates({ tasks: p.tasks, plan: p, period, today, unitIds, count: (t, w) => counted.get(at.get(`${t.id}|${w.from}|${w.to}`) ?? -1) ?? 0 });
    const taskById = new Map(p.tasks.map((t) => [t.id, t]));
    // A ward-wide target is shown only with every unit: an officer's own counts would misread it.
    const targets = p.targets.filter((t) => (unit === null ? t.unitId === null || unitIds.includes(t.unitId) : t.unitId === unit));
    const targetRows = targets.length > 0 ? targetStates({ targets, period, counts: await perForm.all({ plan: p.id, ...unitRange, from: period.from, to: period.to }) }) : [];
    const latestBy = new Map((await latest.all({ plan: p.id, ...unitRange, to: period.to })).map((r) => [r.unitId, r.last]));

    return {
      planId: p.id,
      from: span.from ?? null,
      to: span.to ?? null,
      period,
      today,
      forms: p.forms.map((f) => ({ code: f.code, title: f.title })),
      units: units.map((u) => {
        const mine = cellRows.filter((c) => c.unitId === u.id);
        const last = mine.reduce<string | null>((a, c) => (c.last && (!a || c.last > a) ? c.last : a), null);
        return {
          id: u.id,
          shortName: u.shortName,
          name: u.name,
          perForm: Object.fromEntries(mine.map((c) => [c.formCode, c.n])),
          total: mine.reduce((a, c) => a + c.n, 0),
          lastActivityOn: last,
          latestOn: latestBy.get(u.id) ?? null,
        };
      }),
      contentItems: p.contentItems.map((c) => ({ code: c.code, title: c.title, activities: perItem.get(c.code) ?? 0 })),
      guideSessions: movementForm ? { formCode: movementForm.code, sessions: sessionCount } : null,
      tasks: tasks.map((s) => {
        const t = taskById.get(s.taskId)!;
        return { ...s, title: t.title, formCode: t.formCode, subFormId: t.subFormId, every: t.every, atLeast: t.atLeast, dueOn: t.dueOn };
      }),
      targets: targetRows.map((s, i) => ({ ...s, count: targets[i].count, per: targets[i].per })),
    };
  };
}
export type TrackerReader = ReturnType<typeof createTracker>;

/** The period tasks and targets are judged over: the span asked for, else the plan's period, else today's year. */
export function periodOf(p: Pick<Plan, 'periodFrom' | 'periodTo'>, span: { from?: string; to?: string }, today: string): Span {
  const from = span.from ?? p.periodFrom ?? windowOf('year', span.to ?? today).from;
  let to = span.to ?? p.periodTo ?? windowOf('year', from).to;
  if (to < from) to = windowOf('year', from).to;
  return { from, to };
}

const readers = new WeakMap<Engine, TrackerReader>();
/** The tracker through the engine's one reader (made on first use); today defaults to the clock's Vietnam day. */
export function readTracker(engine: Engine, p: Plan, units: Unit[], span: { from?: string; to?: string }, today = vietnamToday(Date.now())): Promise<Tracker> {
  let read = readers.get(engine);
  if (!read) readers.set(engine, (read = createTracker(engine)));
  return read(p, units, span, today);
}
