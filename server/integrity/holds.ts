// Plausibility holds: records made on a resident's phone alone that break a
// rule of shared/integrity/plausibility.ts are stored as usual (the phone
// gets 'accepted' and deletes them; nothing is lost) but count in no figure
// until a reviewer accepts them. The stats rollup asks counts() for each
// learner record (hold-table.ts); the rebuild skips the same records
// (rollup-tables.ts). On the engine (server/db/engine): the same on SQLite and
// PostgreSQL; the rollups are reached through HoldsRollup.
//
// - Record rules (too fast, too many per hour) hold that record.
// - Learner rules (too many learners on one phone, a burst of registrations
//   from one address) put every learner of the phone or burst under review:
//   their records already counted are taken back out (rollup withdraw()) and
//   held, and so is everything they send until a reviewer decides.
// - Guide rules (a learner's lessons more than the session could hold, a
//   guide recording more learners in an hour than a session holds, a record
//   made outside the session it names) hold that guide record, like a record
//   rule: guide_events keeps it, the rollup skips it, the reviewer decides
//   under the learner's code.
// - Accept: each held record of the learner is counted once (status held →
//   accepted, in one transaction); dismiss: they never count. A learner
//   accepted is not flagged again by learner rules; record rules still apply.
// - A check-in vouches for a burst: a guided session at a cultural house
//   registers dozens of phones from one carrier or wifi address. A learner
//   held only for the registrations-per-address rule who checks in to a
//   session the server knows (its guide's records arrived) is accepted as
//   "checked in" (decided by SESSION_CHECK_IN); records held by another rule
//   stay held for a reviewer.
import { and, asc, countDistinct, eq, inArray, isNull, sql } from 'drizzle-orm';
import { completionRules, deviceCrowded, guidedRecordRules, HOUR_MS, type PlausibilityLimits, type PlausibilityRule } from '../../shared/integrity/plausibility.ts';
import type { LearningEvent, GuideEvent } from '../../shared/events.ts';
import type { Engine } from '../db/engine/engine.ts';
import { placeholders } from '../db/placeholders.ts';
import { notHeld } from '../stats/verified-records.ts';
import { devices, events, guideEvents, guideSessions, integrityHolds, integrityLearners, learners } from '../db/schema/index.ts';
import type { Projection } from '../records/hooks.ts';
import { COUNTED_ONLY_WHEN_PLAUSIBLE, GUIDED_COUNTED_ONLY_WHEN_PLAUSIBLE } from '../stats/rollup.ts';
import { registrationsFor, type RecentRegistrations } from './recent-registrations.ts';

export type Decision = 'accepted' | 'dismissed';

/** Who decided, for a learner released by checking in to a known session (no reviewer). */
export const SESSION_CHECK_IN = 'session-check-in';

export interface IntegrityCatalog {
  lessonMinutes(courseId: string, lessonId: string): number | undefined;
}

/** A learner's or guide's record as the rollups take it: its id, the stored JSON and the time it counts on. */
export interface RecordRow {
  id: string;
  payload: string;
  effectiveAt: number;
}

type Maybe<T> = T | Promise<T>;

/** What the holds ask of the figures' rollups (server/stats/rollup.ts through hold-table.ts's rollupForHolds). */
export interface HoldsRollup {
  /** Brings the rollups up to date with every stored learner record; outside any transaction. */
  catchUp(): Maybe<void>;
  /** A learner put under review: `rows` are their learner records that counted, in time order (the rollups take out
   * those they hold), `guideRows` the guide's records about them that still count. */
  withdraw(learnerId: string, rows: readonly RecordRow[], guideRows: readonly RecordRow[]): Maybe<void>;
  /** Records a decision just released, in time order: the rollups count those they passed over while held. */
  countReleased(rows: readonly RecordRow[], guideRows: readonly RecordRow[]): Maybe<void>;
}

const LEARNING_TYPES = [...COUNTED_ONLY_WHEN_PLAUSIBLE];
const rulesOf = (json: string) => JSON.parse(json) as PlausibilityRule[];
const union = (a: readonly PlausibilityRule[], b: readonly PlausibilityRule[]) => [...new Set([...a, ...b])];

export function createIntegrity(engine: Engine, deps: { rollup: HoldsRollup; catalog: IntegrityCatalog; limits: PlausibilityLimits; now: () => number; registrations?: RecentRegistrations }) {
  const { rollup, catalog, limits, now } = deps;
  const registrations = deps.registrations ?? registrationsFor(engine);
  const db = engine.db;
  const learnerState = db.select().from(integrityLearners).where(eq(integrityLearners.learnerId, sql.placeholder('learner'))).prepare();
  const insertHold = db
    .insert(integrityHolds)
    .values(placeholders<typeof integrityHolds.$inferInsert>(['eventId', 'learnerId', 'rules', 'heldAt', 'status']))
    .onConflictDoUpdate({ target: integrityHolds.eventId, set: { status: sql`excluded.status`, rules: sql`excluded.rules`, decidedBy: null, decidedAt: null } })
    .prepare();
  // A request's completions window, read once per request (begin) instead of once per completion.
  const completionTimes = db
    .select({ at: events.occurredAt })
    .from(events)
    .where(
      and(
        eq(events.learnerId, sql.placeholder('learner')),
        eq(events.type, 'lesson.completed'),
        sql`${events.occurredAt} > ${sql.placeholder('from')} AND ${events.occurredAt} <= ${sql.placeholder('to')}`,
      ),
    )
    .prepare();
  const deviceLearners = db
    .select({ learnerId: devices.learnerId })
    .from(devices)
    .where(eq(devices.id, sql.placeholder('device')))
    .orderBy(asc(devices.learnerId)) // the learners of a crowded phone are flagged in one order on every engine
    .prepare();
  // A learner's records that count: learning records with no hold, or an accepted one.
  const countedOf = db
    .select({ id: events.id, payload: events.payload, effectiveAt: events.effectiveAt })
    .from(events)
    .where(and(eq(events.learnerId, sql.placeholder('learner')), inArray(events.type, LEARNING_TYPES), notHeld(events.id)))
    .orderBy(asc(events.effectiveAt), asc(events.id))
    .prepare();
  // The guide's records about a learner that count (a guide rule may hold some).
  const guideRowsOf = db
    .select({ id: guideEvents.id, payload: guideEvents.payload, effectiveAt: guideEvents.effectiveAt })
    .from(guideEvents)
    .where(and(eq(guideEvents.learnerId, sql.placeholder('learner')), inArray(guideEvents.type, ['assisted.registered', 'lesson.completed', 'outcome.confirmed']), notHeld(guideEvents.id)))
    .orderBy(asc(guideEvents.effectiveAt), asc(guideEvents.id))
    .prepare();
  const heldOf = db
    .select({ id: integrityHolds.eventId, payload: events.payload, effectiveAt: events.effectiveAt })
    .from(integrityHolds)
    .innerJoin(events, eq(events.id, integrityHolds.eventId))
    .where(and(eq(integrityHolds.learnerId, sql.placeholder('learner')), eq(integrityHolds.status, 'held')))
    .orderBy(asc(events.effectiveAt), asc(events.id))
    .prepare();
  const heldGuideOf = db
    .select({ id: integrityHolds.eventId, payload: guideEvents.payload, effectiveAt: guideEvents.effectiveAt })
    .from(integrityHolds)
    .innerJoin(guideEvents, eq(guideEvents.id, integrityHolds.eventId))
    .where(and(eq(integrityHolds.learnerId, sql.placeholder('learner')), eq(integrityHolds.status, 'held')))
    .orderBy(asc(guideEvents.effectiveAt), asc(guideEvents.id))
    .prepare();

  // What the guide rules read: the session named, the learner's guided lessons in it (or in the hour), the guide's learners in the hour.
  const sessionWindow = db.select({ startsAt: guideSessions.startsAt, endsAt: guideSessions.endsAt }).from(guideSessions).where(eq(guideSessions.id, sql.placeholder('session'))).prepare();
  const guidedLessonsInSession = db
    .select({ courseId: guideEvents.courseId, lessonId: guideEvents.lessonId })
    .from(guideEvents)
    .where(and(eq(guideEvents.learnerId, sql.placeholder('learner')), eq(guideEvents.type, 'lesson.completed'), eq(guideEvents.sessionId, sql.placeholder('session'))))
    .prepare();
  const inHour = sql`${guideEvents.occurredAt} > ${sql.placeholder('from')} AND ${guideEvents.occurredAt} <= ${sql.placeholder('to')}`;
  const guidedLessonsInHour = db
    .select({ courseId: guideEvents.courseId, lessonId: guideEvents.lessonId })
    .from(guideEvents)
    .where(and(eq(guideEvents.learnerId, sql.placeholder('learner')), eq(guideEvents.type, 'lesson.completed'), isNull(guideEvents.sessionId), inHour))
    .prepare();
  const guideLearnersInHour = db
    .select({ n: countDistinct(guideEvents.learnerId) })
    .from(guideEvents)
    .where(and(eq(guideEvents.recordedBy, sql.placeholder('guide')), inArray(guideEvents.type, [...GUIDED_COUNTED_ONLY_WHEN_PLAUSIBLE]), inHour))
    .prepare();

  const learnerExists = db.select({ id: learners.id }).from(learners).where(eq(learners.id, sql.placeholder('learner'))).prepare();
  // A learner a guide registered has no learners row; one with a decided hold is known too.
  const anyHold = db.select({ id: integrityHolds.eventId }).from(integrityHolds).where(eq(integrityHolds.learnerId, sql.placeholder('learner'))).limit(1).prepare();

  // Per-request lookups (a request is one learner's records). Each is read at
  // most once per request and kept in step with what the request writes, so
  // every answer equals the query it replaces:
  // - the learner's review state: dropped whenever flagLearner() changes it;
  // - the learners on each phone: the devices table changes only after the
  //   request's records (RecordStore.afterRequest);
  // - the phone times of the learner's stored completions that any of the
  //   request's completions can count in its hour, plus each completion the
  //   request stores (only the request's own learner's records go in).
  // The pipeline runs one request's hooks at a time, so one set serves all.
  type State = Awaited<ReturnType<typeof learnerState.get>>;
  const states = new Map<string, State>();
  const onDevices = new Map<string, string[]>();
  let completions: { learnerId: string; at: number[] } | undefined;

  async function stateOf(learnerId: string): Promise<State> {
    if (!states.has(learnerId)) states.set(learnerId, await learnerState.get({ learner: learnerId }));
    return states.get(learnerId);
  }

  async function begin(by: { id: string }, records: readonly LearningEvent[]) {
    states.clear();
    onDevices.clear();
    completions = undefined;
    const times = records.flatMap((e) => (e.type === 'lesson.completed' && e.learnerId === by.id ? [Date.parse(e.occurredAt)] : []));
    if (times.length === 0) return;
    const rows = await completionTimes.all({ learner: by.id, from: Math.min(...times) - HOUR_MS, to: Math.max(...times) });
    completions = { learnerId: by.id, at: rows.map((r) => r.at) };
  }

  async function hold(eventId: string, learnerId: string, rules: readonly PlausibilityRule[], status: 'held' | 'dismissed') {
    await insertHold.run({ eventId, learnerId, rules: JSON.stringify(rules), heldAt: now(), status });
  }

  /** Puts a learner under review; true if they were not already. Accepted learners are left alone. */
  async function flagLearner(learnerId: string, rule: PlausibilityRule): Promise<boolean> {
    const state = await learnerState.get({ learner: learnerId });
    states.delete(learnerId);
    if (state?.decision === 'accepted') return false;
    if (state) {
      await db.update(integrityLearners).set({ rules: JSON.stringify(union(rulesOf(state.rules), [rule])) }).where(eq(integrityLearners.learnerId, learnerId));
      return false;
    }
    await db.insert(integrityLearners).values({ learnerId, rules: JSON.stringify([rule]), flaggedAt: now(), decision: null });
    const rows = await countedOf.all({ learner: learnerId });
    for (const row of rows) await hold(row.id, learnerId, [rule], 'held');
    // Only what the rollups already hold is taken out; later records are held and the catch-up skips them.
    if (rows.length > 0) await rollup.withdraw(learnerId, rows, await guideRowsOf.all({ learner: learnerId }));
    return true;
  }

  async function checkDevice(event: LearningEvent) {
    let onDevice = onDevices.get(event.deviceId);
    if (!onDevice) onDevices.set(event.deviceId, (onDevice = (await deviceLearners.all({ device: event.deviceId })).map((r) => r.learnerId)));
    if (onDevice.includes(event.learnerId)) return;
    if (!deviceCrowded(onDevice.length, limits)) return;
    for (const learnerId of [...onDevice, event.learnerId]) await flagLearner(learnerId, 'learners-per-device');
  }

  async function apply(event: LearningEvent): Promise<void> {
    if (!COUNTED_ONLY_WHEN_PLAUSIBLE.has(event.type)) return;
    await checkDevice(event);
    const broken = event.type === 'lesson.completed' ? await recordRules(event) : [];
    const state = await stateOf(event.learnerId);
    if (state && state.decision !== 'accepted') return hold(event.id, event.learnerId, union(rulesOf(state.rules), broken), state.decision === 'dismissed' ? 'dismissed' : 'held');
    if (broken.length > 0) await hold(event.id, event.learnerId, broken, 'held');
  }

  /** The learner's stored completions with phone time in (to − 1 h, to], this one (just stored) included. */
  async function completionsInHour(learnerId: string, to: number): Promise<number> {
    if (completions?.learnerId !== learnerId) {
      // Not announced by begin() (a caller outside the ingest): ask the table.
      return (await completionTimes.all({ learner: learnerId, from: to - HOUR_MS, to })).length;
    }
    completions.at.push(to);
    let n = 0;
    for (const at of completions.at) if (at > to - HOUR_MS && at <= to) n++;
    return n;
  }

  async function recordRules(event: Extract<LearningEvent, { type: 'lesson.completed' }>): Promise<PlausibilityRule[]> {
    const to = Date.parse(event.occurredAt);
    return completionRules(
      {
        durationSec: event.durationSec,
        lessonMinutes: catalog.lessonMinutes(event.courseId, event.lessonId),
        completionsInHour: await completionsInHour(event.learnerId, to),
      },
      limits,
    );
  }

  /** A guide's lesson or outcome (its row is already in guide_events): held if it breaks a guide rule. */
  async function applyGuide(event: GuideEvent, effectiveAt: number): Promise<void> {
    if (event.type !== 'lesson.completed' && event.type !== 'outcome.confirmed') return;
    const at = Date.parse(event.occurredAt);
    const session = event.sessionId ? await sessionWindow.get({ session: event.sessionId }) : undefined;
    const lessons =
      event.type !== 'lesson.completed'
        ? undefined
        : session
          ? await guidedLessonsInSession.all({ learner: event.learnerId, session: event.sessionId! })
          : event.sessionId
            ? [event] // a session not synced yet: this lesson alone
            : await guidedLessonsInHour.all({ learner: event.learnerId, from: at - HOUR_MS, to: at });
    const broken = guidedRecordRules(
      {
        at: effectiveAt,
        session,
        lessonMinutes: lessons?.map((l) => catalog.lessonMinutes(l.courseId!, l.lessonId!)),
        learnersInHour: (await guideLearnersInHour.get({ guide: event.recordedBy, from: at - HOUR_MS, to: at }))?.n ?? 0,
      },
      limits,
    );
    if (broken.length > 0) await hold(event.id, event.learnerId, broken, 'held');
  }

  /** A reviewer's decision on every record of the learner still held; how many records it covered (known: the learner exists). */
  async function review(learnerId: string, decision: Decision, reviewer: string): Promise<{ records: number; known: boolean; flagged: boolean }> {
    // The figures are up to date first; a record stored since is counted by the next catch-up (countReleased).
    await rollup.catchUp();
    const result = await engine.transaction(async () => {
      const state = await learnerState.get({ learner: learnerId });
      const rows = await heldOf.all({ learner: learnerId });
      const guideRows = await heldGuideOf.all({ learner: learnerId });
      if (!state && rows.length === 0 && guideRows.length === 0) {
        const known = (await learnerExists.get({ learner: learnerId })) !== undefined || (await anyHold.get({ learner: learnerId })) !== undefined;
        return { records: 0, known, flagged: false };
      }
      const at = now();
      await db
        .update(integrityHolds)
        .set({ status: decision, decidedBy: reviewer, decidedAt: at })
        .where(and(eq(integrityHolds.learnerId, learnerId), eq(integrityHolds.status, 'held')));
      if (state) await db.update(integrityLearners).set({ decision, decidedBy: reviewer, decidedAt: at }).where(eq(integrityLearners.learnerId, learnerId));
      // Counted exactly once: only rows that were still 'held' a moment ago, in time order.
      if (decision === 'accepted') await rollup.countReleased(rows, guideRows);
      return { records: rows.length + guideRows.length, known: true, flagged: state !== undefined && state.decision !== decision };
    });
    states.delete(learnerId);
    return result;
  }

  const knownSession = db.select({ id: guideSessions.id }).from(guideSessions).where(eq(guideSessions.code, sql.placeholder('code'))).prepare();
  const ADDRESS_ONLY = JSON.stringify(['registrations-per-address'] satisfies PlausibilityRule[]);
  const heldForAddressOnly = db
    .select({ id: integrityHolds.eventId, payload: events.payload, effectiveAt: events.effectiveAt })
    .from(integrityHolds)
    .innerJoin(events, eq(events.id, integrityHolds.eventId))
    .where(and(eq(integrityHolds.learnerId, sql.placeholder('learner')), eq(integrityHolds.status, 'held'), eq(integrityHolds.rules, ADDRESS_ONLY)))
    .orderBy(asc(events.effectiveAt), asc(events.id))
    .prepare();

  /** After a sync committed: a learner held only for an address burst who checked in to a known session counts. */
  async function afterLearnerSync(_by: unknown, outcomes: ReadonlyArray<{ event: LearningEvent; status: string }>) {
    for (const { event, status } of outcomes) {
      if (event.type !== 'session.joined' || (status !== 'accepted' && status !== 'duplicate')) continue;
      const state = await learnerState.get({ learner: event.learnerId });
      if (!state || state.decision !== null || state.rules !== ADDRESS_ONLY || !(await knownSession.get({ code: event.code }))) continue;
      await rollup.catchUp(); // the held records are then ones the rollups passed over: counted here, once
      await engine.transaction(async () => {
        const at = now();
        const rows = await heldForAddressOnly.all({ learner: event.learnerId });
        for (const row of rows) await db.update(integrityHolds).set({ status: 'accepted', decidedBy: SESSION_CHECK_IN, decidedAt: at }).where(eq(integrityHolds.eventId, row.id));
        await db.update(integrityLearners).set({ decision: 'accepted', decidedBy: SESSION_CHECK_IN, decidedAt: at }).where(eq(integrityLearners.learnerId, event.learnerId));
        await rollup.countReleased(rows, []);
      });
      states.delete(event.learnerId);
    }
  }

  /** Registrations per address: in memory for one process, shared by several (recent-registrations.ts). */
  async function registered(learnerId: string, address: string): Promise<void> {
    const at = now();
    const list = await registrations.add(address, learnerId, at, at - limits.registrationWindowMs);
    if (list.length <= limits.maxRegistrationsPerAddress) return;
    await rollup.catchUp();
    await engine.transaction(async () => {
      for (const r of list) await flagLearner(r.learnerId, 'registrations-per-address');
    });
  }

  return {
    projection: {
      name: 'integrity',
      learner: {
        begin,
        apply,
        afterCommit: afterLearnerSync,
      },
      guide: { apply: applyGuide },
    } satisfies Projection,
    registered,
    review,
    limits,
    /** Learners under review that are still waiting (tests, the anomaly view). */
    pending: async () => await db.select({ learnerId: integrityLearners.learnerId }).from(integrityLearners).where(sql`${integrityLearners.decision} IS NULL`),
  };
}

export type Integrity = ReturnType<typeof createIntegrity>;
