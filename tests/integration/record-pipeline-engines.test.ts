// The record pipeline's promises, the same on a SQLite file and on
// PostgreSQL: a resent record never makes a second row, also when the two
// copies arrive at once; an id stored for someone else is a conflict; one
// request's failure fails only that request; and a request is answered only
// once its records are committed, so another connection can read them.
import { eq, sql } from 'drizzle-orm';
import { uuidv7 } from '../../shared/ids.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Engine } from '../../server/db/engine/engine.ts';
import { devices, events, learners } from '../../server/db/schema/index.ts';
import { createRecordPipeline, type RecordPipeline } from '../../server/records/pipeline.ts';
import type { Projection } from '../../server/records/hooks.ts';
import { ENGINES, testEngines } from '../support/engines.ts';

const engines = testEngines();
const NOW = Date.parse('2026-11-20T03:00:00Z');
/** Two residents' learner ids (UUIDs, as phones make them). */
const AN = uuidv7();
const BINH = uuidv7();

function completion(learnerId: string, id = uuidv7(), lessonId = 'buoi-1') {
  return { id, type: 'lesson.completed', learnerId, deviceId: 'phone-0001', occurredAt: new Date(NOW - 60_000).toISOString(), courseId: 'dvc', lessonId, contentVersion: 'v1', score: 80, durationSec: 300 };
}

describe.each(ENGINES)('record pipeline on %s', (kind) => {
  let engine: Engine;
  let pipeline: RecordPipeline;
  /** What the after-commit hook saw, read outside the request's transaction. */
  const seenAfterCommit: Record<string, number> = {};

  beforeAll(async () => {
    engine = await engines.fresh(kind);
    for (const id of [AN, BINH]) await engine.db.insert(learners).values({ id, secretHash: 'h', createdAt: NOW });
    const probe: Projection = {
      name: 'probe',
      learner: {
        check: (event) => (event.type === 'lesson.completed' && event.lessonId === 'refused' ? { id: event.id, status: 'rejected', error: { code: 'forbidden', message: 'no' } } : undefined),
        apply: (event) => {
          if (event.type === 'lesson.completed' && event.lessonId === 'boom') throw new Error('projection failed');
        },
        afterCommit: async (_by, outcomes) => {
          for (const { event } of outcomes) seenAfterCommit[event.id] = (await engine.all(sql`SELECT id FROM ${events} WHERE id = ${event.id}`)).length;
        },
      },
    };
    pipeline = createRecordPipeline(engine, [probe]);
  }, 60_000);

  const send = (learnerId: string, records: unknown[]) => pipeline.learner.ingest({ by: { id: learnerId, deviceId: 'phone-0001' }, records, receivedAt: NOW });

  it('stores a record once when the same batch arrives twice at the same time, and answers each after the commit', async () => {
    const batch = [completion(AN), completion(AN)];
    const [first, second] = await Promise.all([send(AN, batch), send(AN, batch)]);
    const statuses = [...first, ...second].map((r) => r.status).sort();
    expect(statuses).toEqual(['accepted', 'accepted', 'duplicate', 'duplicate']);
    const stored = await engine.db.select({ id: events.id }).from(events).where(eq(events.learnerId, AN));
    expect(stored.map((r) => r.id).sort()).toEqual(batch.map((e) => e.id).sort());
    expect(batch.map((e) => seenAfterCommit[e.id])).toEqual([1, 1]);
    const again = await send(AN, batch);
    expect(again.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
  });

  it('calls an id already stored for another learner a conflict, and refuses a record a rule refuses', async () => {
    const mine = completion(AN);
    await send(AN, [mine]);
    const results = await send(BINH, [{ ...mine, learnerId: BINH }, completion(BINH, uuidv7(), 'refused')]);
    expect(results.map((r) => [r.status, r.error?.code])).toEqual([
      ['conflict', 'id_conflict'],
      ['rejected', 'forbidden'],
    ]);
    expect(await engine.get(sql`SELECT learner_id FROM ${events} WHERE id = ${mine.id}`)).toEqual({ learner_id: AN });
  });

  it('fails only the request whose write failed when requests share a commit', async () => {
    const good = completion(BINH);
    const bad = completion(AN, uuidv7(), 'boom');
    const outcomes = await Promise.allSettled([send(AN, [bad]), send(BINH, [good])]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'fulfilled']);
    expect((await engine.all(sql`SELECT id FROM ${events} WHERE id IN (${good.id}, ${bad.id})`)).map((r) => (r as { id: string }).id)).toEqual([good.id]);
  });

  it("keeps the phone's latest sync time, whichever request commits last", async () => {
    await pipeline.learner.ingest({ by: { id: BINH, deviceId: 'phone-0002' }, records: [completion(BINH)], receivedAt: NOW + 5_000 });
    await pipeline.learner.ingest({ by: { id: BINH, deviceId: 'phone-0002' }, records: [completion(BINH)], receivedAt: NOW + 1_000 });
    const [row] = await engine.db.select({ at: devices.lastSyncAt }).from(devices).where(eq(devices.id, 'phone-0002'));
    expect(row).toEqual({ at: NOW + 5_000 });
  });
});
