// The stats rollups as the holds see them (server/integrity/hold-table.ts), on
// both engines: a learner record released by a decision, or taken out when
// its learner is flagged, is counted or subtracted here only if the rollups'
// catch-up cursor has passed it (insertion order: SQLite's rowid,
// PostgreSQL's seq); one it has not reached is left to the catch-up, so
// nothing counts twice. The guide's records (rolled up inside their own
// sync) are always counted.
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import type { GuideEvent, LearningEvent } from '../../shared/events.ts';
import type { EngineKind } from '../../server/db/engine/engine.ts';
import { events, learners } from '../../server/db/schema/index.ts';
import { rollupForHolds } from '../../server/integrity/hold-table.ts';
import type { StatsRollup } from '../../server/stats/rollup.ts';
import { dialectOf } from '../../server/stats/sql.ts';
import { ENGINES, testEngines } from '../support/engines.ts';

const engines = testEngines();
const NOW = Date.parse('2026-11-20T03:00:00Z');
const LEARNER = '01900000-0000-7000-8000-000000000001';

async function world(kind: EngineKind) {
  const engine = await engines.fresh(kind);
  await engine.db.insert(learners).values({ id: LEARNER, secretHash: 'h', createdAt: NOW });
  const rows = [];
  for (const [i, id] of ['e1', 'e2', 'e3'].entries()) {
    const payload = JSON.stringify({ id, type: 'lesson.completed', learnerId: LEARNER, courseId: 'dvc', lessonId: `l${i}`, score: 80 });
    await engine.db.insert(events).values({ id, type: 'lesson.completed', learnerId: LEARNER, deviceId: 'phone-0001', courseId: 'dvc', lessonId: `l${i}`, occurredAt: NOW, receivedAt: NOW, effectiveAt: NOW + i, payload, score: 80 });
    rows.push({ id, payload, effectiveAt: NOW + i });
  }
  const order = async (id: string) => (await engine.db.select({ n: dialectOf(kind).rowOrder(events) }).from(events).where(eq(events.id, id)))[0].n;
  const calls = { counted: [] as string[], guides: [] as string[], withdrawn: [] as string[][] };
  let through = 0;
  const rollup = {
    catchUp: async () => undefined,
    learnerRecordsThroughNow: async () => through,
    countLearnerRecord: async (e: LearningEvent) => void calls.counted.push(e.id),
    countGuideRecord: async (e: GuideEvent) => void calls.guides.push(e.id),
    withdraw: async (_learner: string, counted: ReadonlyArray<{ payload: string }>) => void calls.withdrawn.push(counted.map((r) => (JSON.parse(r.payload) as { id: string }).id)),
  } as unknown as StatsRollup;
  return { holds: rollupForHolds(engine, rollup), rows, calls, passTo: async (id: string) => void (through = await order(id)) };
}

describe.each(ENGINES)('the rollups as the holds see them (%s)', (kind) => {
  it('counts a released record only once the catch-up has passed it; the guide records always', async () => {
    const { holds, rows, calls, passTo } = await world(kind);
    await passTo('e2');
    const guide = { id: 'g1', payload: JSON.stringify({ id: 'g1', type: 'lesson.completed' }), effectiveAt: NOW };
    await holds.countReleased(rows, [guide]);
    expect(calls.counted).toEqual(['e1', 'e2']); // e3 is the catch-up's to count, now that it counts
    expect(calls.guides).toEqual(['g1']);
  }, 60_000); // the first test on PostgreSQL starts its cluster

  it('takes out only what the rollups hold when a learner is flagged, and nothing when they hold none of it', async () => {
    const { holds, rows, calls, passTo } = await world(kind);
    await holds.withdraw(LEARNER, rows, []);
    expect(calls.withdrawn).toEqual([]);
    await passTo('e1');
    await holds.withdraw(LEARNER, rows, []);
    expect(calls.withdrawn).toEqual([['e1']]);
  }, 60_000);
});
