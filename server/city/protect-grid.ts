// The "<5" rules for a table whose rows and columns are both parts of
// published totals: the localities' weeks (each row adds up to a locality's
// new learners, each column to the city's week). A small count leaves as
// "<5"; then, in any row or column where one cell alone is hidden, or the
// hidden cells add up to fewer than 5, the smallest visible non-zero cell is
// hidden too, and rows and columns are checked again until none needs more
// (stats/suppress.ts protect does one line; a cell hidden for a column can
// expose its row).
import { HIDDEN, SMALL_COUNT_LIMIT, type Count } from '../../shared/stats/api.ts';
import { people } from '../stats/suppress.ts';

export function protectGrid(cells: readonly (readonly number[])[]): Count[][] {
  const out: Count[][] = cells.map((row) => row.map(people));
  const width = cells[0]?.length ?? 0;
  const lines: Array<Array<[number, number]>> = [
    ...cells.map((row, i) => row.map((_, j): [number, number] => [i, j])),
    ...Array.from({ length: width }, (_, j) => cells.map((_, i): [number, number] => [i, j])),
  ];
  const hide = (line: Array<[number, number]>): boolean => {
    const hidden = line.filter(([i, j]) => out[i]![j] !== cells[i]![j]);
    const sum = hidden.reduce((a, [i, j]) => a + cells[i]![j]!, 0);
    if (hidden.length === 0 || (hidden.length > 1 && sum >= SMALL_COUNT_LIMIT)) return false;
    let next: [number, number] | undefined;
    for (const [i, j] of line) {
      const n = cells[i]![j]!;
      if (out[i]![j] === n && n > 0 && (!next || n < cells[next[0]]![next[1]]!)) next = [i, j];
    }
    if (!next) return false;
    out[next[0]]![next[1]] = HIDDEN;
    return true;
  };
  for (let changed = true; changed; ) {
    changed = false;
    for (const line of lines) while (hide(line)) changed = true;
  }
  return out;
}
