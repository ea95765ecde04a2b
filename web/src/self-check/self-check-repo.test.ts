// On the phone: one outbox record per self-check attempt, written with the
// kept first/latest result in one transaction; and a joined session puts
// the lesson quiz in the guide's fixed order until it ends.
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { getDatabase } from '../resident/db/database.ts';
import { openRepos } from '../resident/db/index.ts';
import { keptResults, recordSelfCheck } from './self-check-repo.ts';
import { isInGuidedSession, joinSession } from '../join/join-repo.ts';

const results = (right: number) => [
  { skill: 'public-services' as const, right, total: 3, recommend: [] },
  { skill: 'cyber-safety' as const, right: 1, total: 3, recommend: ['cyber-safety'] },
];

describe('self-check on the phone', () => {
  it('queues one record per attempt and keeps the first next to the latest', async () => {
    expect(await keptResults()).toBeNull();
    await recordSelfCheck('bank1', results(1), 200, new Date('2026-12-01T02:00:00Z'));
    const kept = await recordSelfCheck('bank1', results(3), 180.4, new Date('2026-12-05T02:00:00Z'));
    expect(kept.first.results[0]).toEqual({ skill: 'public-services', right: 1, total: 3 });
    expect(kept.latest.results[0]).toEqual({ skill: 'public-services', right: 3, total: 3 });
    expect(await keptResults()).toEqual(kept);
    const pending = (await openRepos().outbox.listPending()).map((r) => r.event).filter((e) => e.type === 'selfcheck.completed');
    expect(pending).toHaveLength(2);
    expect(pending[1]).toMatchObject({ bankVersion: 'bank1', durationSec: 180, results: [{ skill: 'public-services', right: 3, total: 3 }, { skill: 'cyber-safety', right: 1, total: 3 }] });
    expect(new Set(pending.map((e) => e.id)).size).toBe(2);
  });

  it('is in a guide\'s session from joining until the session\'s planned end', async () => {
    const joined = new Date('2026-12-05T02:00:00Z');
    expect(await isInGuidedSession(joined.getTime())).toBe(false);
    await joinSession('ABCDEFGH', 'code', 'Buổi học', joined, '2026-12-05T04:00:00.000Z');
    expect(await isInGuidedSession(Date.parse('2026-12-05T03:00:00Z'))).toBe(true);
    expect(await isInGuidedSession(Date.parse('2026-12-05T04:30:00Z'))).toBe(false);
    await getDatabase().delete();
  });
});
