import { describe, expect, it } from 'vitest';
import { protectGrid } from './protect-grid.ts';

describe('protectGrid', () => {
  it('hides small counts, and in every row and column what would reveal them', () => {
    // Rows: localities by week; the last row is the weekly totals.
    expect(protectGrid([[4, 2], [5, 2], [0, 2], [9, 6]])).toEqual([['<5', '<5'], ['*', '<5'], [0, '<5'], [9, 6]]);
  });

  it('follows a cell hidden for its column into its row', () => {
    // Row 0: the 3 alone would be the row's total minus the 20, so the 20 goes too;
    // column 0 then hides its 6, and column 1 (its 20 hidden alone) its 7.
    const out = protectGrid([[3, 20], [6, 7], [10, 10]]);
    expect(out[0]).toEqual(['<5', '*']);
    expect(out[1]).toEqual(['*', '*']);
    for (const [i, row] of out.entries()) {
      const hidden = row.filter((c) => typeof c !== 'number').length;
      expect(hidden === 0 || hidden > 1, `row ${i}`).toBe(true);
    }
  });

  it('leaves a table with nothing small as it is', () => {
    expect(protectGrid([[5, 0], [12, 30]])).toEqual([[5, 0], [12, 30]]);
  });
});
