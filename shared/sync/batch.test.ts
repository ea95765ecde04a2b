import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { selectBatch, type OutboxItem } from './batch.ts';

const item = fc.record<OutboxItem>({
  id: fc.uuid(),
  createdAt: fc.integer({ min: 0, max: 2_000_000_000_000 }),
  attempts: fc.nat(50),
  state: fc.constantFrom('pending', 'dead'),
});
const items = fc.uniqueArray(item, { selector: (e) => e.id, maxLength: 300 });

describe('selectBatch', () => {
  it('never includes a dead entry and never exceeds the batch size', () => {
    fc.assert(
      fc.property(items, fc.integer({ min: 1, max: 150 }), (entries, size) => {
        const batch = selectBatch(entries, size);
        expect(batch.length).toBeLessThanOrEqual(size);
        expect(batch.every((e) => e.state === 'pending')).toBe(true);
      }),
    );
  });

  it('takes as many pending entries as fit, oldest first', () => {
    fc.assert(
      fc.property(items, fc.integer({ min: 1, max: 150 }), (entries, size) => {
        const batch = selectBatch(entries, size);
        const pending = entries.filter((e) => e.state === 'pending');
        expect(batch.length).toBe(Math.min(size, pending.length));
        for (let i = 1; i < batch.length; i++) expect(batch[i - 1].createdAt).toBeLessThanOrEqual(batch[i].createdAt);
        // Nothing left behind is older than something taken.
        const taken = new Set(batch.map((e) => e.id));
        const newestTaken = Math.max(-Infinity, ...batch.map((e) => e.createdAt));
        for (const e of pending) if (!taken.has(e.id)) expect(e.createdAt).toBeGreaterThanOrEqual(newestTaken);
      }),
    );
  });

  it('draining batch by batch sends every pending entry exactly once', () => {
    fc.assert(
      fc.property(items, fc.integer({ min: 1, max: 40 }), (entries, size) => {
        let outbox = [...entries];
        const sent: string[] = [];
        for (let guard = 0; guard < 1000; guard++) {
          const batch = selectBatch(outbox, size);
          if (batch.length === 0) break;
          sent.push(...batch.map((e) => e.id));
          const ids = new Set(batch.map((e) => e.id));
          outbox = outbox.filter((e) => !ids.has(e.id));
        }
        const pendingIds = entries.filter((e) => e.state === 'pending').map((e) => e.id);
        expect([...sent].sort()).toEqual([...pendingIds].sort());
      }),
    );
  });

  it('refuses a batch size that is not a positive integer', () => {
    expect(() => selectBatch([], 0)).toThrow(RangeError);
  });
});
