import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { protect } from './suppress.ts';

describe('protect (primary and secondary suppression of one breakdown)', () => {
  it('shows a breakdown without small counts as it is', () => {
    expect(protect([12, 0, 7, 30])).toEqual([12, 0, 7, 30]);
  });

  it('hides the next-smallest cell when a single "<5" could be worked out from the total', () => {
    expect(protect([40, 3, 9, 0, 12])).toEqual([40, '<5', '*', 0, 12]);
  });

  it('keeps hiding while the hidden cells add up to fewer than 5', () => {
    // 1 + 1 = 2: with the total known, each "<5" would be exactly 1.
    expect(protect([6, 1, 0, 1])).toEqual(['*', '<5', 0, '<5']);
    expect(protect([2, 2, 20, 8])).toEqual(['<5', '<5', 20, '*']);
  });

  it('stops once two or more hidden cells add up to at least 5', () => {
    expect(protect([3, 4, 50])).toEqual(['<5', '<5', 50]);
  });

  it('never hides a zero and never changes a shown number', () => {
    fc.assert(
      fc.property(fc.array(fc.nat({ max: 40 }), { maxLength: 12 }), (cells) => {
        const out = protect(cells);
        cells.forEach((n, i) => {
          if (n === 0) expect(out[i]).toBe(0);
          else if (n < 5) expect(out[i]).toBe('<5');
          else expect([n, '*']).toContain(out[i]);
        });
        // Either nothing is hidden, or the hidden part cannot be pinned down:
        // two or more hidden cells adding up to 5 or more, or nothing left to hide.
        const hidden = cells.filter((n, i) => out[i] !== n);
        const visiblePositive = cells.filter((n, i) => out[i] === n && n > 0);
        if (hidden.length > 0 && visiblePositive.length > 0) {
          expect(hidden.length).toBeGreaterThan(1);
          expect(hidden.reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(5);
        }
      }),
    );
  });
});
