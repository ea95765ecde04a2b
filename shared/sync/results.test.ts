import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { planResults } from './results.ts';
import type { SyncResult } from '../api.ts';

const status = fc.constantFrom<SyncResult['status']>('accepted', 'duplicate', 'rejected', 'conflict');

/** Sent ids, plus a server answer that may skip, repeat or invent ids. */
const scenario = fc.uniqueArray(fc.uuid(), { maxLength: 100 }).chain((sent) =>
  fc.record({
    sent: fc.constant(sent),
    results: fc.array(
      fc.record({
        id: sent.length > 0 ? fc.oneof(fc.constantFrom(...sent), fc.uuid()) : fc.uuid(),
        status,
        error: fc.option(fc.record({ code: fc.string(), message: fc.string() }), { nil: undefined }),
      }),
      { maxLength: 150 },
    ),
  }),
);

describe('planResults', () => {
  it('puts every sent id in exactly one bucket and invents none', () => {
    fc.assert(
      fc.property(scenario, ({ sent, results }) => {
        const plan = planResults(sent, results);
        const all = [...plan.remove, ...plan.dead.map((d) => d.id), ...plan.retry, ...plan.reissue.map((r) => r.id)];
        expect([...all].sort()).toEqual([...sent].sort());
      }),
    );
  });

  it('deletes only what the server acknowledged', () => {
    fc.assert(
      fc.property(scenario, ({ sent, results }) => {
        const plan = planResults(sent, results);
        for (const id of plan.remove) {
          const first = results.find((r) => r.id === id);
          expect(first && (first.status === 'accepted' || first.status === 'duplicate')).toBe(true);
        }
      }),
    );
  });

  it('marks rejected entries dead and retries entries the server did not mention', () => {
    fc.assert(
      fc.property(scenario, ({ sent, results }) => {
        const plan = planResults(sent, results);
        for (const { id } of plan.dead) expect(results.find((r) => r.id === id)?.status).toBe('rejected');
        for (const { id } of plan.reissue) expect(results.find((r) => r.id === id)?.status).toBe('conflict');
        for (const id of plan.retry) expect(results.some((r) => r.id === id)).toBe(false);
      }),
    );
  });

  it('never deletes a conflict: the id is stored for someone else, not for this phone', () => {
    const plan = planResults(['a'], [{ id: 'a', status: 'conflict', error: { code: 'id_conflict', message: 'not stored' } }]);
    expect(plan).toEqual({ remove: [], dead: [], retry: [], reissue: [{ id: 'a', error: 'id_conflict: not stored' }] });
  });

  it('keeps the server reason of a rejection', () => {
    const plan = planResults(['a'], [{ id: 'a', status: 'rejected', error: { code: 'invalid_event', message: 'score: too big' } }]);
    expect(plan.dead).toEqual([{ id: 'a', error: 'invalid_event: score: too big' }]);
  });
});
