// The Culture-Social Office's tracker for one plan and a span of days:
// units × forms counts, each unit's last activity, and which content items
// were served (an activity counts when its days overlap the span). A unit
// officer gets the same view limited to their own unit.
import { and, count, eq, gte, lt, lte, max, type SQL } from 'drizzle-orm';
import type { Plan, Unit } from '../../shared/plans/schema.ts';
import type { Tracker } from '../../shared/units/api.ts';
import type { Db } from '../db/open.ts';
import { guideSessions, unitActivities, unitActivityItems } from '../db/schema/index.ts';

/** The sub-form id that marks where the movement's guide sessions count. */
export const GUIDE_SESSION_SUB_FORM = 'guide-session';
const DAY = 86_400_000;
/** Midnight of a Vietnam calendar day (UTC+7), in UTC ms. */
const vnMidnight = (day: string) => Date.parse(`${day}T00:00:00+07:00`);

export function readTracker(db: Db, plan: Plan, units: Unit[], span: { from?: string; to?: string }): Tracker {
  const where: SQL[] = [eq(unitActivities.planId, plan.id)];
  if (span.from) where.push(gte(unitActivities.endsOn, span.from));
  if (span.to) where.push(lte(unitActivities.startsOn, span.to));
  if (units.length === 1) where.push(eq(unitActivities.unitId, units[0].id));
  const cells = db
    .select({ unitId: unitActivities.unitId, formCode: unitActivities.formCode, n: count(), last: max(unitActivities.startsOn) })
    .from(unitActivities)
    .where(and(...where))
    .groupBy(unitActivities.unitId, unitActivities.formCode)
    .all();
  const items = db
    .select({ code: unitActivityItems.itemCode, n: count() })
    .from(unitActivityItems)
    .innerJoin(unitActivities, eq(unitActivities.id, unitActivityItems.activityId))
    .where(and(...where))
    .groupBy(unitActivityItems.itemCode)
    .all();
  const perItem = new Map(items.map((i) => [i.code, i.n]));
  // The movement's sessions are guide records already: counted here, never typed again by a unit.
  const movementForm = plan.forms.find((f) => f.subForms.some((s) => s.id === GUIDE_SESSION_SUB_FORM));
  const sessionsWhere: SQL[] = [];
  if (span.from) sessionsWhere.push(gte(guideSessions.startsAt, vnMidnight(span.from)));
  if (span.to) sessionsWhere.push(lt(guideSessions.startsAt, vnMidnight(span.to) + DAY));
  const sessions = movementForm ? (db.select({ n: count() }).from(guideSessions).where(and(...sessionsWhere)).get()?.n ?? 0) : 0;
  return {
    planId: plan.id,
    from: span.from ?? null,
    to: span.to ?? null,
    forms: plan.forms.map((f) => ({ code: f.code, title: f.title })),
    units: units.map((u) => {
      const mine = cells.filter((c) => c.unitId === u.id);
      const last = mine.reduce<string | null>((a, c) => (c.last && (!a || c.last > a) ? c.last : a), null);
      return {
        id: u.id,
        shortName: u.shortName,
        name: u.name,
        perForm: Object.fromEntries(mine.map((c) => [c.formCode, c.n])),
        total: mine.reduce((a, c) => a + c.n, 0),
        lastActivityOn: last,
      };
    }),
    contentItems: plan.contentItems.map((c) => ({ code: c.code, title: c.title, activities: perItem.get(c.code) ?? 0 })),
    guideSessions: movementForm ? { formCode: movementForm.code, sessions } : null,
  };
}
