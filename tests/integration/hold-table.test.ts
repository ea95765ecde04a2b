// The stats rollups as the holds see them (server/integrity/hold-table.ts), on
// the SQLite file the rollups still run on: a learner record released by a
// decision, or taken out when its learner is flagged, is counted or
// subtracted here only if the rollups' catch-up cursor has passed it; one it
// has not reached is left to the catch-up, so nothing counts twice. The
// guide's records (rolled up inside their own sync) are always counted.
import { describe, expect, it } from 'vitest';
import type { GuideEvent, LearningEvent } from '../../shared/events.ts';
import { events, learners } from '../../server/db/schema/index.ts';
import { rollupForHolds } from '../../server/integrity/hold-table.ts';
import type { StatsRollup } from '../../server/stats/rollup.ts';
import { testEngines } from '../support/engines.ts';

const engines = testEngines();
const NOW = Date.parse('2026-11-20T03:00:00Z');
const LEARNER = '01900000-0000-7000-8000-000000000001';

function world() {
  const { db, sqlite } = engines.freshSqlite();
  db.insert(learners).values({ id: LEARNER, secretHash: 'h', createdAt: NOW }).run();
  const rows = ['e1', 'e2', 'e3'].map((id, i) => {
    const payload = JSON.stringify({ id, type: 'lesson.completed', learnerId: LEARNER, courseId: 'dvc', lessonId: `l${i}`, score: 80 });
    db.insert(events).values({ id, type: 'lesson.completed', learnerId: LEARNER, deviceId: 'phone-0001', courseId: 'dvc', lessonId: `l${i}`, occurredAt: NOW, receivedAt: NOW, effectiveAt: NOW + i, payload, score: 80 }).run();
    return { id, payload, effectiveAt: NOW + i };
  });
  const rowid = (id: string) => (sqlite.prepare('SELECT rowid AS n FROM events WHERE id = ?').get(id) as { n: number }).n;
  const calls = { counted: [] as string[], guides: [] as string[], withdrawn: [] as string[][] };
  let through = 0;
  const rollup = {
    catchUp: () => undefined,
    learnerRecordsThrough: () => through,
    countLearnerRecord: (e: LearningEvent) => void calls.counted.push(e.id),
    countGuideRecord: (e: GuideEvent) => void calls.guides.push(e.id),
    withdraw: (_learner: string, counted: ReadonlyArray<{ payload: string }>) => void calls.withdrawn.push(counted.map((r) => (JSON.parse(r.payload) as { id: string }).id)),
  } as unknown as StatsRollup;
  return { holds: rollupForHolds(db, rollup), rows, calls, passTo: (id: string) => (through = rowid(id)) };
}

describe('the rollups as the holds see them (SQLite)', () => {
  it('counts a released record only once the catch-up has passed it; the guide records always', () => {
    const { holds, rows, calls, passTo } = world();
    passTo('e2');
    const guide = { id: 'g1', payload: JSON.stringify({ id: 'g1', type: 'lesson.completed' }), effectiveAt: NOW };
    holds.countReleased(rows, [guide]);
    expect(calls.counted).toEqual(['e1', 'e2']); // e3 is the catch-up's to count, now that it counts
    expect(calls.guides).toEqual(['g1']);
  });

  it('takes out only what the rollups hold when a learner is flagged, and nothing when they hold none of it', () => {
    const { holds, rows, calls, passTo } = world();
    holds.withdraw(LEARNER, rows, []);
    expect(calls.withdrawn).toEqual([]);
    passTo('e1');
    holds.withdraw(LEARNER, rows, []);
    expect(calls.withdrawn).toEqual([['e1']]);
  });
});
