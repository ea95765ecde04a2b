// The unit family's projection (server/records): before a record is written,
// the officer must belong to the unit it names and the plan must have the
// form, sub-form and content items it names; a correction must name an
// activity of the same unit. After it is written, unit_activities holds the
// activity's current version, unit_activity_items its content items and
// unit_activity_files its evidence files, in the same transaction. A record
// may name only files its unit's officers uploaded first (units/evidence.ts).
// Once a period's report on the plan was issued, the activities whose days
// fall in it are locked: a correction is refused (period_locked) unless it
// says it comes after the report (afterIssue); such a correction is kept as a
// new record beside the original and written to the audit log. Statements are
// prepared once: they run for every synced unit record.
import { eq, sql } from 'drizzle-orm';
import type { SyncResult } from '../../shared/api.ts';
import type { UnitEvent } from '../../shared/events.ts';
import type { Plan } from '../../shared/plans/schema.ts';
import type { Engine } from '../db/engine/engine.ts';
import { placeholders } from '../db/placeholders.ts';
import { excluded } from '../db/set-values.ts';
import { plans, unitActivities, unitActivityFiles, unitActivityItems, users } from '../db/schema/index.ts';
import type { Projection } from '../records/hooks.ts';
import type { Units } from '../plans/units.ts';
import type { UnitEvidence } from './evidence.ts';
import type { ReportLock, ReportStore } from '../plans/report-store.ts';
import type { AuditLog } from '../audit/log.ts';

type NewActivity = typeof unitActivities.$inferInsert;
type Structure = Pick<Plan, 'contentItems' | 'forms'>;

const refuse = (id: string, code: string, message: string): SyncResult => ({ id, status: 'rejected', error: { code, message } });

/** Why the plan cannot hold this activity, or undefined. */
export function planProblem(plan: Structure, e: Pick<UnitEvent, 'formCode' | 'subFormId' | 'contentItems'>): string | undefined {
  const form = plan.forms.find((f) => f.code === e.formCode);
  if (!form) return `The plan has no form "${e.formCode}"`;
  if (e.subFormId !== undefined && !form.subForms.some((s) => s.id === e.subFormId)) return `Form ${form.code} has no sub-form "${e.subFormId}"`;
  const items = new Set(plan.contentItems.map((c) => c.code));
  const unknown = e.contentItems.filter((c) => !items.has(c));
  if (unknown.length > 0) return `The plan has no content item ${unknown.map((c) => `"${c}"`).join(', ')}`;
  return undefined;
}

export function createUnitProjection(engine: Engine, units: Units, evidence: Pick<UnitEvidence, 'fileOfUnit'>, reports?: Pick<ReportStore, 'lockFor'>, audit?: AuditLog): Projection {
  const { db } = engine;
  const planRow = db.select({ structure: plans.structure, updatedAt: plans.updatedAt }).from(plans).where(eq(plans.id, sql.placeholder('id'))).prepare();
  const activityUnit = db
    .select({ unitId: unitActivities.unitId, planId: unitActivities.planId, startsOn: unitActivities.startsOn, endsOn: unitActivities.endsOn, lastEventId: unitActivities.lastEventId })
    .from(unitActivities)
    .where(eq(unitActivities.id, sql.placeholder('id')))
    .prepare();
  const user = db.select({ username: users.username, role: users.role }).from(users).where(eq(users.id, sql.placeholder('id'))).prepare();
  /** The issued report covering the activity's stored days or its corrected days, if any. */
  const lockOf = async (e: UnitEvent, existing: { planId: string; startsOn: string; endsOn: string }): Promise<ReportLock | undefined> =>
    (await reports?.lockFor(existing.planId, existing.startsOn, existing.endsOn)) ?? (await reports?.lockFor(e.planId, e.startsOn, e.endsOn ?? e.startsOn));
  const columns = [
    'id',
    'unitId',
    'planId',
    'formCode',
    'subFormId',
    'startsOn',
    'endsOn',
    'title',
    'lastEventId',
    'corrections',
    'recordedBy',
    'recordedAt',
    'details',
    'reachParticipants',
    'reachViews',
    'reachMinutesAired',
    'reachCopies',
    'reachScreenHours',
  ] as const;
  const upsert = db
    .insert(unitActivities)
    .values(placeholders<NewActivity>(columns))
    .onConflictDoUpdate({
      target: unitActivities.id,
      set: {
        planId: excluded(unitActivities.planId),
        formCode: excluded(unitActivities.formCode),
        subFormId: excluded(unitActivities.subFormId),
        startsOn: excluded(unitActivities.startsOn),
        endsOn: excluded(unitActivities.endsOn),
        title: excluded(unitActivities.title),
        lastEventId: excluded(unitActivities.lastEventId),
        corrections: sql`${unitActivities.corrections} + 1`,
        details: excluded(unitActivities.details),
        reachParticipants: excluded(unitActivities.reachParticipants),
        reachViews: excluded(unitActivities.reachViews),
        reachMinutesAired: excluded(unitActivities.reachMinutesAired),
        reachCopies: excluded(unitActivities.reachCopies),
        reachScreenHours: excluded(unitActivities.reachScreenHours),
      },
    })
    .prepare();
  const clearItems = db.delete(unitActivityItems).where(eq(unitActivityItems.activityId, sql.placeholder('id'))).prepare();
  const addItem = db.insert(unitActivityItems).values(placeholders<typeof unitActivityItems.$inferInsert>(['activityId', 'itemCode', 'planId', 'unitId', 'startsOn', 'endsOn'])).onConflictDoNothing().prepare();
  const clearFiles = db.delete(unitActivityFiles).where(eq(unitActivityFiles.activityId, sql.placeholder('id'))).prepare();
  const addFile = db
    .insert(unitActivityFiles)
    .values(placeholders<typeof unitActivityFiles.$inferInsert>(['activityId', 'sha256', 'position', 'name']))
    .onConflictDoNothing()
    .prepare();

  // Plans change rarely; their parsed structure is kept until the row's updatedAt moves.
  const cache = new Map<string, { updatedAt: number; structure: Structure }>();
  const structureOf = async (planId: string): Promise<Structure | undefined> => {
    const row = await planRow.get({ id: planId });
    if (!row) return undefined;
    const hit = cache.get(planId);
    if (hit && hit.updatedAt === row.updatedAt) return hit.structure;
    const structure = JSON.parse(row.structure) as Structure;
    cache.set(planId, { updatedAt: row.updatedAt, structure });
    return structure;
  };

  return {
    name: 'units',
    unit: {
      async check(e, _at, by) {
        const mine = await units.unitOf(by.id);
        if (mine !== e.unitId) return refuse(e.id, 'forbidden', `You record for ${mine ? `unit "${mine}"` : 'no unit'}, not "${e.unitId}"`);
        const plan = await structureOf(e.planId);
        if (!plan) return refuse(e.id, 'unknown_plan', `No plan "${e.planId}"`);
        const problem = planProblem(plan, e);
        if (problem) return refuse(e.id, 'not_in_plan', problem);
        let missing: { sha256: string } | undefined;
        for (const f of e.files ?? []) {
          if (!(await evidence.fileOfUnit(e.unitId, f.sha256))) {
            missing = f;
            break;
          }
        }
        if (missing) return refuse(e.id, 'unknown_file', `The unit has not uploaded the file ${missing.sha256}; upload it before the record`);
        const existing = await activityUnit.get({ id: e.activityId });
        if (e.type === 'activity.recorded' && existing) return refuse(e.id, 'conflict', 'An activity with this id was already recorded');
        if (e.type === 'activity.corrected') {
          if (!existing) return refuse(e.id, 'unknown_activity', 'No such activity to correct');
          if (existing.unitId !== e.unitId) return refuse(e.id, 'forbidden', 'The activity belongs to another unit');
          const lock = await lockOf(e, existing);
          if (lock && !e.afterIssue) {
            return refuse(
              e.id,
              'period_locked',
              `Report ${lock.number} of ${lock.issuedOn} covers this activity's days and was issued, so the activity is locked. A correction now must be sent as a correction after the report (afterIssue) with its reason: it is kept as a new record and the issued report keeps its figures.`,
            );
          }
        }
        return undefined;
      },
      async apply(e, effectiveAt) {
        if (e.type === 'activity.corrected' && audit) {
          const before = await activityUnit.get({ id: e.activityId });
          const lock = before ? await lockOf(e, before) : undefined;
          if (before && lock) {
            const who = await user.get({ id: e.recordedBy });
            await audit.record({ id: e.recordedBy, username: who?.username ?? e.recordedBy, role: who?.role ?? 'unit' }, 'unit.activity_corrected_after_issue', { type: 'activity', id: e.activityId }, {
              report: lock.number,
              period: lock.periodKey,
              replaces: before.lastEventId,
              record: e.id,
              reason: e.reason,
            });
          }
        }
        const { place, audiences, reach, links } = e;
        const endsOn = e.endsOn ?? e.startsOn;
        await upsert.run({
          id: e.activityId,
          unitId: e.unitId,
          planId: e.planId,
          formCode: e.formCode,
          subFormId: e.subFormId ?? null,
          startsOn: e.startsOn,
          endsOn,
          title: e.title,
          lastEventId: e.id,
          corrections: 0,
          recordedBy: e.recordedBy,
          recordedAt: effectiveAt,
          details: JSON.stringify({ place, audiences, reach, links }),
          reachParticipants: reach.participants ?? null,
          reachViews: reach.views ?? null,
          reachMinutesAired: reach.minutesAired ?? null,
          reachCopies: reach.copies ?? null,
          reachScreenHours: reach.screenHours ?? null,
        } satisfies NewActivity);
        // Rewritten with every correction: a moved day or unit moves the item rows too.
        await clearItems.run({ id: e.activityId });
        for (const itemCode of e.contentItems) await addItem.run({ activityId: e.activityId, itemCode, planId: e.planId, unitId: e.unitId, startsOn: e.startsOn, endsOn });
        if (e.files) {
          await clearFiles.run({ id: e.activityId });
          // Linked by the stored hash: the phone names the bytes it sent, the store keeps them cleaned.
          for (const [position, f] of e.files.entries()) {
            const file = (await evidence.fileOfUnit(e.unitId, f.sha256))!;
            await addFile.run({ activityId: e.activityId, sha256: file.sha256, position, name: f.name ?? null });
          }
        }
      },
    },
  };
}
