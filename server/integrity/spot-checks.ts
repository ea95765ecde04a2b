// Spot-checks (shared/integrity/spot-check.ts): the office draws a seeded
// random sample of verified records in a period (server/stats/verified-records.ts)
// — completions a guide recorded in person, outcomes a guide confirmed
// (guide_events), and a resident's own completions credited to a guided
// session they checked in to (events) — held records left out, and
// records, item by item, whether a phone call or visit confirmed it. The
// records are taken in id order and shuffled by the seed (Fisher–Yates over
// mulberry32), so the same seed over the same records gives the same list.
// The seed comes from the server's key and what is drawn (draw-key.ts),
// never from the person drawing.
import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import { learnerCode } from '../../shared/guide/learner-code.ts';
import type { SpotCheck } from '../../shared/integrity/spot-check.ts';
import { seededRandom } from '../../shared/seeded-random.ts';
import { dayOf, isoFromDay } from '../../shared/stats/days.ts';
import { changed, type Engine } from '../db/engine/engine.ts';
import { assistedLearners, events, guideEvents, guideSessions, spotCheckItems, spotChecks, statsLearners, users } from '../db/schema/index.ts';
import { msBounds, resolveRange } from '../stats/range.ts';
import { verifiedGuideRecord, VERIFIED_SELF_COMPLETIONS } from '../stats/verified-records.ts';
import { drawSeed } from './draw-key.ts';

type Result = NonNullable<SpotCheck['items'][number]['result']>;

/** The first `size` of the records after a seeded shuffle. */
export function drawSample<T>(records: readonly T[], size: number, seed: number): T[] {
  const list = [...records];
  const random = seededRandom(seed);
  const n = Math.min(size, list.length);
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(random() * (list.length - i));
    [list[i], list[j]] = [list[j], list[i]];
  }
  return list.slice(0, n);
}

export function createSpotChecks(engine: Engine, now: () => number, key: () => Buffer) {
  const db = engine.db;
  const from = sql.placeholder('from');
  const to = sql.placeholder('to');
  // Every verified record of the period, as (id, learner), in id order: the guide's and the credited self completions.
  const guided = db
    .select({ id: guideEvents.id, learnerId: guideEvents.learnerId })
    .from(guideEvents)
    .where(and(verifiedGuideRecord(), gte(guideEvents.effectiveAt, from), lt(guideEvents.effectiveAt, to)))
    .prepare();
  const eventAt = sql.raw('"events"."effective_at"');
  const credited = db
    .selectDistinct({ id: sql<string>`"events"."id"`, learnerId: sql<string>`"events"."learner_id"` })
    .from(sql`${VERIFIED_SELF_COMPLETIONS}`)
    .where(sql`${eventAt} >= ${from} AND ${eventAt} < ${to}`)
    .prepare();
  const recordsOf = async (q: { from: number; to: number }) =>
    [...(await guided.all(q)).map((r) => ({ id: r.id, learnerId: r.learnerId ?? '' })), ...(await credited.all(q))].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  // The session a credited completion is named by: of those crediting it, the first to start.
  const creditingSession = db
    // Columns by name: the FROM is a join written out, which the query builder does not see into.
    .select({ code: sql<string>`"guide_sessions"."code"`, title: sql<string>`"guide_sessions"."title"`, startsAt: sql<number>`"guide_sessions"."starts_at"`, guide: sql<string>`"users"."display_name"` })
    .from(sql`${VERIFIED_SELF_COMPLETIONS} JOIN ${users} ON ${users.id} = ${guideSessions.guideId}`)
    .where(sql`"events"."id" = ${sql.placeholder('id')}`)
    .orderBy(sql`"guide_sessions"."starts_at"`, sql`"guide_sessions"."id"`)
    .limit(1)
    .prepare();
  const latestId = db.select({ id: sql<number>`max(${spotChecks.id})` }).from(spotChecks).prepare();
  const header = db.select().from(spotChecks).where(eq(spotChecks.id, sql.placeholder('id'))).prepare();
  const items = db
    .select({
      itemNo: spotCheckItems.itemNo,
      eventId: spotCheckItems.eventId,
      learnerId: spotCheckItems.learnerId,
      result: spotCheckItems.result,
      guidePayload: guideEvents.payload,
      guideAt: guideEvents.effectiveAt,
      selfPayload: events.payload,
      selfAt: events.effectiveAt,
      guide: users.displayName,
      assistedGroup: assistedLearners.groupId,
      selfGroup: statsLearners.groupId,
    })
    .from(spotCheckItems)
    .leftJoin(guideEvents, eq(guideEvents.id, spotCheckItems.eventId))
    .leftJoin(events, eq(events.id, spotCheckItems.eventId))
    .leftJoin(users, eq(users.id, guideEvents.recordedBy))
    .leftJoin(assistedLearners, eq(assistedLearners.id, spotCheckItems.learnerId))
    .leftJoin(statsLearners, eq(statsLearners.learnerId, spotCheckItems.learnerId))
    .where(eq(spotCheckItems.checkId, sql.placeholder('id')))
    .orderBy(asc(spotCheckItems.itemNo))
    .prepare();

  async function read(id: number): Promise<SpotCheck | null> {
    const h = await header.get({ id });
    if (!h) return null;
    const list: SpotCheck['items'] = [];
    for (const row of await items.all({ id })) {
      const payload = row.guidePayload ?? row.selfPayload;
      if (payload === null) continue; // a record erased since (its learner left) drops out of the list
      const e = JSON.parse(payload) as { type: string; courseId?: string; lessonId?: string; outcome?: SpotCheck['items'][number]['outcome'] };
      const session = row.guidePayload === null ? await creditingSession.get({ id: row.eventId }) : undefined;
      list.push({
        itemNo: row.itemNo,
        kind: row.guidePayload === null ? 'session-completion' : e.type === 'outcome.confirmed' ? 'outcome' : 'completion',
        code: learnerCode(row.learnerId),
        groupId: row.assistedGroup ?? row.selfGroup ?? null,
        courseId: e.courseId ?? null,
        lessonId: e.lessonId ?? null,
        outcome: e.outcome ?? null,
        day: isoFromDay(dayOf((row.guideAt ?? row.selfAt)!)),
        guide: row.guide ?? session?.guide ?? '',
        session: session ? { code: session.code, title: session.title, day: isoFromDay(dayOf(session.startsAt)) } : null,
        result: row.result,
      });
    }
    const count = (r: Result | null) => list.filter((i) => i.result === r).length;
    return {
      id: h.id,
      from: h.periodFrom,
      to: h.periodTo,
      seed: h.seed,
      population: h.population,
      drawnBy: h.drawnBy,
      drawnAt: new Date(h.drawnAt).toISOString(),
      items: list,
      totals: { confirmed: count('confirmed'), notConfirmed: count('not-confirmed'), unreachable: count('unreachable'), pending: count(null) },
    };
  }

  return {
    latest: async (): Promise<SpotCheck | null> => {
      const id = (await latestId.get())?.id;
      return id ? read(id) : null;
    },
    async draw(q: { from: string; to: string; size: number }, by: string): Promise<SpotCheck> {
      const r = resolveRange({ from: q.from, to: q.to }, now(), () => false);
      const [from, to] = msBounds(r);
      return engine.transaction(async () => {
        const records = await recordsOf({ from, to });
        const ids = records.map((x) => x.id);
        const seed = drawSeed(key(), { from: r.range.from, to: r.range.to, size: q.size, records: ids });
        const sample = drawSample(ids, q.size, seed);
        const [{ id }] = await db.insert(spotChecks).values({ periodFrom: r.range.from, periodTo: r.range.to, seed, population: ids.length, drawnBy: by, drawnAt: now() }).returning({ id: spotChecks.id });
        const learnerOf = new Map(records.map((x) => [x.id, x.learnerId]));
        for (const [i, eventId] of sample.entries()) await db.insert(spotCheckItems).values({ checkId: id, itemNo: i + 1, eventId, learnerId: learnerOf.get(eventId) ?? '' });
        return (await read(id))!;
      });
    },
    /** The result of one item; false when the check or item does not exist. */
    async record(checkId: number, itemNo: number, result: Result, by: string): Promise<boolean> {
      const n = await changed(
        db
          .update(spotCheckItems)
          .set({ result, recordedBy: by, recordedAt: now() })
          .where(and(eq(spotCheckItems.checkId, checkId), eq(spotCheckItems.itemNo, itemNo))),
      );
      return n === 1;
    },
    read,
  };
}
