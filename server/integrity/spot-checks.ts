// Spot-checks (shared/integrity/spot-check.ts): the office draws a seeded
// random sample of verified records in a period — completions a guide
// recorded in person and outcomes a guide confirmed (guide_events) — and
// records, item by item, whether a phone call or visit confirmed it. The
// records are taken in id order and shuffled by the seed (Fisher–Yates over
// mulberry32), so the same seed over the same records gives the same list.
// The seed comes from the server's key and what is drawn (draw-key.ts),
// never from the person drawing.
import { and, asc, eq, gte, inArray, lt, sql } from 'drizzle-orm';
import { learnerCode } from '../../shared/guide/learner-code.ts';
import type { SpotCheck } from '../../shared/integrity/spot-check.ts';
import { seededRandom } from '../../shared/seeded-random.ts';
import { dayOf, isoFromDay } from '../../shared/stats/days.ts';
import type { Db } from '../db/open.ts';
import { assistedLearners, guideEvents, spotCheckItems, spotChecks, statsLearners, users } from '../db/schema/index.ts';
import { msBounds, resolveRange } from '../stats/range.ts';
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

export function createSpotChecks(db: Db, now: () => number, key: () => Buffer) {
  const population = db
    .select({ id: guideEvents.id })
    .from(guideEvents)
    .where(and(inArray(guideEvents.type, ['lesson.completed', 'outcome.confirmed']), gte(guideEvents.effectiveAt, sql.placeholder('from')), lt(guideEvents.effectiveAt, sql.placeholder('to'))))
    .orderBy(asc(guideEvents.id))
    .prepare();
  const latestId = db.select({ id: sql<number>`max(${spotChecks.id})` }).from(spotChecks).prepare();
  const header = db.select().from(spotChecks).where(eq(spotChecks.id, sql.placeholder('id'))).prepare();
  const items = db
    .select({
      itemNo: spotCheckItems.itemNo,
      learnerId: spotCheckItems.learnerId,
      result: spotCheckItems.result,
      payload: guideEvents.payload,
      effectiveAt: guideEvents.effectiveAt,
      guide: users.displayName,
      assistedGroup: assistedLearners.groupId,
      selfGroup: statsLearners.groupId,
    })
    .from(spotCheckItems)
    .innerJoin(guideEvents, eq(guideEvents.id, spotCheckItems.eventId))
    .innerJoin(users, eq(users.id, guideEvents.recordedBy))
    .leftJoin(assistedLearners, eq(assistedLearners.id, spotCheckItems.learnerId))
    .leftJoin(statsLearners, eq(statsLearners.learnerId, spotCheckItems.learnerId))
    .where(eq(spotCheckItems.checkId, sql.placeholder('id')))
    .orderBy(asc(spotCheckItems.itemNo))
    .prepare();

  function read(id: number): SpotCheck | null {
    const h = header.get({ id });
    if (!h) return null;
    const list = items.all({ id }).map((row) => {
      const e = JSON.parse(row.payload) as { type: string; courseId?: string; lessonId?: string; outcome?: SpotCheck['items'][number]['outcome'] };
      return {
        itemNo: row.itemNo,
        kind: e.type === 'outcome.confirmed' ? ('outcome' as const) : ('completion' as const),
        code: learnerCode(row.learnerId),
        groupId: row.assistedGroup ?? row.selfGroup ?? null,
        courseId: e.courseId ?? null,
        lessonId: e.lessonId ?? null,
        outcome: e.outcome ?? null,
        day: isoFromDay(dayOf(row.effectiveAt)),
        guide: row.guide,
        result: row.result,
      };
    });
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
    latest: (): SpotCheck | null => {
      const id = latestId.get()?.id;
      return id ? read(id) : null;
    },
    draw(q: { from: string; to: string; size: number }, by: string): SpotCheck {
      const r = resolveRange({ from: q.from, to: q.to }, now(), () => false);
      const [from, to] = msBounds(r);
      return db.transaction(() => {
        const ids = population.all({ from, to }).map((x) => x.id);
        const seed = drawSeed(key(), { from: r.range.from, to: r.range.to, size: q.size, records: ids });
        const sample = drawSample(ids, q.size, seed);
        const [{ id }] = db.insert(spotChecks).values({ periodFrom: r.range.from, periodTo: r.range.to, seed, population: ids.length, drawnBy: by, drawnAt: now() }).returning({ id: spotChecks.id }).all();
        const learnerOf = db.select({ id: guideEvents.id, learnerId: guideEvents.learnerId }).from(guideEvents).where(inArray(guideEvents.id, sample.length ? sample : [''])).all();
        const byId = new Map(learnerOf.map((x) => [x.id, x.learnerId ?? '']));
        sample.forEach((eventId, i) => db.insert(spotCheckItems).values({ checkId: id, itemNo: i + 1, eventId, learnerId: byId.get(eventId) ?? '' }).run());
        return read(id)!;
      });
    },
    /** The result of one item; false when the check or item does not exist. */
    record(checkId: number, itemNo: number, result: Result, by: string): boolean {
      const changed = db
        .update(spotCheckItems)
        .set({ result, recordedBy: by, recordedAt: now() })
        .where(and(eq(spotCheckItems.checkId, checkId), eq(spotCheckItems.itemNo, itemNo)))
        .run();
      return changed.changes === 1;
    },
    read,
  };
}
