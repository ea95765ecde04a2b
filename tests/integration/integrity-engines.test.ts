// The plausibility holds, the anomaly view and the spot-checks (server/integrity)
// the same on a SQLite file and on PostgreSQL: records sent through the record
// pipeline are held by the record, learner and guide rules; a reviewer accepts
// one learner and dismisses another; a learner held only for an address burst
// is released by checking in to a known session; the anomaly view lists what
// waits; a spot-check drawn twice with the same key is the same draw. The
// rollups are a stand-in here that notes what the holds ask of them. Every id
// and time is fixed, so the two engines' answers are compared whole at the end.
import { asc, eq } from 'drizzle-orm';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine, EngineKind } from '../../server/db/engine/engine.ts';
import { guideSessions, integrityHolds, learners, users } from '../../server/db/schema/index.ts';
import { createIntegrity, SESSION_CHECK_IN, type HoldsRollup, type Integrity, type RecordRow } from '../../server/integrity/holds.ts';
import { createAnomalies, reviewRef } from '../../server/integrity/anomalies.ts';
import { createSpotChecks } from '../../server/integrity/spot-checks.ts';
import { createRecordPipeline, type RecordPipeline } from '../../server/records/pipeline.ts';
import { DEFAULT_PLAUSIBILITY } from '../../shared/integrity/plausibility.ts';
import type { Anomalies } from '../../shared/integrity/api.ts';
import type { SpotCheck } from '../../shared/integrity/spot-check.ts';
import { ENGINES, testEngines } from '../support/engines.ts';

const engines = testEngines();
const NOW = Date.parse('2026-11-20T03:00:00Z');
const MIN = 60_000;
const H = 60 * MIN;
const iso = (ms: number) => new Date(ms).toISOString();
/** A fixed UUID per name, so both engines see the same ids. */
const uuid = (n: number) => `01900000-0000-7000-8000-${String(n).padStart(12, '0')}`;
const [AN, BINH, CHI, DUNG, EM, PHUONG, GIANG, HOA] = [1, 2, 3, 4, 5, 6, 7, 8].map((n) => uuid(n));
const GUIDE = 'guide-1';
const KEY = Buffer.alloc(32, 7);
// Small limits, so a few records trip each rule.
const LIMITS = { ...DEFAULT_PLAUSIBILITY, maxLessonsPerHour: 3, maxLearnersPerDevice: 2, maxRegistrationsPerAddress: 2 };

let next = 100;
const completion = (learnerId: string, deviceId: string, o: { durationSec?: number; at?: number; lessonId?: string } = {}) => ({
  id: uuid(next++),
  type: 'lesson.completed',
  learnerId,
  deviceId,
  occurredAt: iso(o.at ?? NOW - 30 * MIN),
  courseId: 'dvc',
  lessonId: o.lessonId ?? 'buoi-1',
  contentVersion: 'v1',
  score: 80,
  durationSec: o.durationSec ?? 600,
});
const guideCompletion = (learnerId: string, sessionId: string, at: number) => ({
  id: uuid(next++),
  type: 'lesson.completed',
  recordedBy: GUIDE,
  deviceId: 'guide-phone-0001',
  occurredAt: iso(at),
  learnerId,
  courseId: 'dvc',
  lessonId: 'buoi-1',
  contentVersion: 'v1',
  score: 100,
  durationSec: 600,
  sessionId,
});

/** What each engine answered, compared at the end. */
const seen: Partial<Record<EngineKind, unknown>> = {};

describe.each(ENGINES)('integrity on %s', (kind) => {
  let engine: Engine;
  let integrity: Integrity;
  let pipeline: RecordPipeline;
  let anomalies: ReturnType<typeof createAnomalies>;
  let spot: ReturnType<typeof createSpotChecks>;
  /** What the holds asked of the rollups, by record id. */
  const asked = { catchUps: 0, withdrawn: [] as string[][], released: [] as string[][] };
  const ids = (rows: readonly RecordRow[]) => rows.map((r) => r.id);
  const rollup: HoldsRollup = {
    catchUp: async () => void asked.catchUps++,
    withdraw: (_learner, rows, guideRows) => void asked.withdrawn.push([...ids(rows), ...ids(guideRows)]),
    countReleased: (rows, guideRows) => void asked.released.push([...ids(guideRows), ...ids(rows)]),
  };
  // Sessions: one going on now, one that ended ten days ago (a record naming it now is made outside it).
  const NOW_SESSION = uuid(50);
  const OLD_SESSION = uuid(51);

  beforeAll(async () => {
    next = 100;
    engine = await engines.fresh(kind);
    const catalog = { lessonMinutes: () => 10 }; // 10 minutes: faster than 120 s is too fast
    integrity = createIntegrity(engine, { rollup, catalog, limits: LIMITS, now: () => NOW });
    pipeline = createRecordPipeline(engine, [integrity.projection]);
    anomalies = createAnomalies(engine, LIMITS);
    spot = createSpotChecks(engine, () => NOW, () => KEY);
    for (const id of [AN, BINH, CHI, DUNG, EM, PHUONG, GIANG, HOA]) await engine.db.insert(learners).values({ id, secretHash: 'h', createdAt: NOW - H });
    await engine.db.insert(users).values({ id: GUIDE, username: 'guide1', displayName: 'Guide One', role: 'guide', passwordHash: 'x', createdAt: NOW - 30 * 24 * H, disabled: false });
    const session = { guideId: GUIDE, groupId: 'tdp-1', title: 'Buổi học', place: 'Nhà văn hóa', courses: '["dvc"]' };
    await engine.db.insert(guideSessions).values([
      { ...session, id: NOW_SESSION, code: 'ACDE3467', startsAt: NOW - 2 * H, endsAt: NOW + H },
      { ...session, id: OLD_SESSION, code: 'ACDE3468', startsAt: NOW - 10 * 24 * H, endsAt: NOW - 10 * 24 * H + 2 * H },
    ]);
  }, 60_000);

  const send = async (learnerId: string, deviceId: string, records: unknown[]) => {
    const results = await pipeline.learner.ingest({ by: { id: learnerId, deviceId }, records, receivedAt: NOW });
    expect(results.map((r) => r.status)).toEqual(records.map(() => 'accepted'));
    return records as Array<{ id: string }>;
  };
  const holds = async () =>
    (await engine.db.select({ eventId: integrityHolds.eventId, learnerId: integrityHolds.learnerId, rules: integrityHolds.rules, status: integrityHolds.status, decidedBy: integrityHolds.decidedBy }).from(integrityHolds).orderBy(asc(integrityHolds.eventId))).map((h) => ({ ...h, rules: JSON.parse(h.rules) as string[] }));
  const statusOf = async (eventId: string) => (await engine.db.select({ status: integrityHolds.status }).from(integrityHolds).where(eq(integrityHolds.eventId, eventId)))[0]?.status;

  it('holds a lesson finished too fast, and the lessons past the hourly limit across two requests', async () => {
    const [ok, fast] = await send(AN, 'phone-an-01', [completion(AN, 'phone-an-01'), completion(AN, 'phone-an-01', { durationSec: 5 })]);
    const first = await send(BINH, 'phone-binh-01', [0, 1].map((i) => completion(BINH, 'phone-binh-01', { at: NOW - 50 * MIN + i * MIN })));
    const second = await send(BINH, 'phone-binh-01', [2, 3].map((i) => completion(BINH, 'phone-binh-01', { at: NOW - 50 * MIN + i * MIN })));
    expect(await statusOf(ok.id)).toBeUndefined();
    expect(await holds()).toEqual([
      { eventId: fast.id, learnerId: AN, rules: ['too-fast'], status: 'held', decidedBy: null },
      { eventId: second[1].id, learnerId: BINH, rules: ['lessons-per-hour'], status: 'held', decidedBy: null },
    ]);
    expect(await Promise.all([...first, second[0]].map((r) => statusOf(r.id)))).toEqual([undefined, undefined, undefined]);
  });

  it('puts every learner of a crowded phone under review and takes their counted records back out', async () => {
    const [chi] = await send(CHI, 'phone-shared-1', [completion(CHI, 'phone-shared-1')]);
    const [dung] = await send(DUNG, 'phone-shared-1', [completion(DUNG, 'phone-shared-1')]);
    expect(await statusOf(chi.id)).toBeUndefined();
    const [em] = await send(EM, 'phone-shared-1', [completion(EM, 'phone-shared-1')]);
    expect(await Promise.all([chi, dung, em].map((r) => statusOf(r.id)))).toEqual(['held', 'held', 'held']);
    expect(asked.withdrawn).toEqual([[chi.id], [dung.id], [em.id]]); // Em's just stored: the real rollups keep out what they have not reached
    expect((await integrity.pending()).map((p) => p.learnerId).sort()).toEqual([CHI, DUNG, EM].sort());
  });

  it('flags a burst of registrations from one address; checking in to a known session releases a learner held for that alone', async () => {
    for (const id of [PHUONG, GIANG, HOA]) await integrity.registered(id, '203.0.113.9');
    const [lesson] = await send(PHUONG, 'phone-phuong', [completion(PHUONG, 'phone-phuong')]);
    expect(await statusOf(lesson.id)).toBe('held');
    const checkIn = { id: uuid(next++), type: 'session.joined', learnerId: PHUONG, deviceId: 'phone-phuong', occurredAt: iso(NOW - 10 * MIN), code: 'ACDE3467', method: 'code' };
    await send(PHUONG, 'phone-phuong', [checkIn]);
    expect((await holds()).find((h) => h.eventId === lesson.id)).toMatchObject({ status: 'accepted', decidedBy: SESSION_CHECK_IN });
    expect(asked.released).toEqual([[lesson.id, checkIn.id]]); // the check-in was held with her lesson
    expect((await integrity.pending()).map((p) => p.learnerId).sort()).toEqual([CHI, DUNG, EM, GIANG, HOA].sort());
  });

  it("holds a guide's record made outside the session it names, and lets a real session's records through", async () => {
    const inSession = [1, 2, 3, 4, 5].map((n) => guideCompletion(uuid(200 + n), NOW_SESSION, NOW - H + n * MIN));
    const outside = guideCompletion(uuid(210), OLD_SESSION, NOW - 20 * MIN);
    const results = await pipeline.guide.ingest({ by: { id: GUIDE, deviceId: 'guide-phone-0001' }, records: [...inSession, outside], receivedAt: NOW });
    expect(results.map((r) => r.status)).toEqual(Array(6).fill('accepted'));
    expect(await Promise.all(inSession.map((r) => statusOf(r.id)))).toEqual(Array(5).fill(undefined));
    expect((await holds()).find((h) => h.eventId === outside.id)).toMatchObject({ status: 'held', rules: ['outside-session'] });
  });

  it('lists what waits in the anomaly view; a reviewer accepts one learner and dismisses another, each once', async () => {
    const before = await anomalies.view();
    expect(before.waiting).toBe(8); // An, Bình (records), Chi, Dũng, Em (phone), Giang, Hoa (address), the guide's learner
    expect(Object.fromEntries(before.rules.map((r) => [r.rule, [r.learners, r.records]]))).toMatchObject({
      'too-fast': [1, 1],
      'lessons-per-hour': [1, 1],
      'learners-per-device': [3, 3],
      'registrations-per-address': [2, 0],
      'outside-session': [1, 1],
    });
    const anRef = before.learners.find((l) => l.ref === reviewRef(AN))!.ref;
    expect(await anomalies.learnerOf(anRef)).toBe(AN);
    const caughtUp = asked.catchUps;
    expect(await integrity.review(AN, 'accepted', 'office')).toEqual({ records: 1, known: true, flagged: false });
    expect(await integrity.review(AN, 'accepted', 'office')).toEqual({ records: 0, known: true, flagged: false });
    expect(await integrity.review(CHI, 'dismissed', 'office')).toEqual({ records: 1, known: true, flagged: true });
    expect(await integrity.review(uuid(999), 'accepted', 'office')).toEqual({ records: 0, known: false, flagged: false });
    expect(asked.catchUps).toBeGreaterThan(caughtUp);
    const anHeld = (await holds()).find((h) => h.learnerId === AN)!;
    expect(anHeld).toMatchObject({ status: 'accepted', decidedBy: 'office' });
    expect(asked.released.at(-1)).toEqual([anHeld.eventId]); // accepted: counted once; dismissed: never
    const after = await anomalies.view();
    expect(after.waiting).toBe(6);
    expect(after.decided).toEqual({ accepted: 2, dismissed: 1 }); // Phương (checked in), An; Chi
    seen[kind] = { before, after, holds: await holds(), asked: { withdrawn: asked.withdrawn, released: asked.released } };
  });

  it('draws the same spot-check for the same key and period, leaving held records out, and records a result', async () => {
    expect(await spot.latest()).toBeNull();
    const q = { from: '2026-11-01', to: '2026-11-20', size: 3 };
    const first = await spot.draw(q, 'office');
    const again = await spot.draw(q, 'office');
    expect(first.population).toBe(5); // the guide's five lessons in the session; the one outside it is held
    expect(first.items).toHaveLength(3);
    expect(again.id).toBe(first.id + 1);
    expect({ seed: again.seed, items: again.items }).toEqual({ seed: first.seed, items: first.items });
    expect(await spot.record(first.id, 2, 'confirmed', 'office')).toBe(true);
    expect(await spot.record(first.id, 9, 'confirmed', 'office')).toBe(false);
    const read = (await spot.read(first.id)) as SpotCheck;
    expect(read.totals).toEqual({ confirmed: 1, notConfirmed: 0, unreachable: 0, pending: 2 });
    expect((await spot.latest())?.id).toBe(again.id);
    (seen[kind] as Record<string, unknown>).spot = { seed: first.seed, population: first.population, items: read.items };
  });
});

describe('both engines', () => {
  it('answer alike: holds, anomaly views, rollup requests and the spot-check draw', () => {
    expect(seen.sqlite).toBeDefined();
    expect(seen.postgres).toEqual(seen.sqlite);
    const views = seen.sqlite as { before: Anomalies };
    expect(views.before.learners.length).toBe(8);
  });
});
