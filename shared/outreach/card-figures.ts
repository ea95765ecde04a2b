// The live figures a social card may show, from the dashboard's own numbers
// (small counts already suppressed on the server). A share built on a
// suppressed count is null there, so it is never shown; the ward total adds
// only the counts that are shown and says "at least" when a group's count is
// hidden, so a hidden "<5" cannot be worked out from the total.
import type { Count, CoverageRow } from '../stats/api.ts';

/** A residential group's coverage: households with a member who has the five skills, else people who finished a course. */
export interface GroupFigure {
  kind: 'households' | 'completed';
  groupName: string;
  /** 0–1 */
  share: number;
}

export function groupFigure(row: CoverageRow): GroupFigure | null {
  if (!row.name || !row.groupId) return null;
  if (row.householdShare !== null && row.householdShare > 0) return { kind: 'households', groupName: row.name, share: row.householdShare };
  if (row.completedShare !== null && row.completedShare > 0) return { kind: 'completed', groupName: row.name, share: row.completedShare };
  return null;
}

/** The ward's progress to the national target: every household with a member who has the five basic skills. */
export interface WardProgress {
  households: number;
  withFiveSkills: number;
  /** 0–1 */
  share: number;
  /** Some group's count is hidden ("<5" or "*"): the figure is a floor. */
  atLeast: boolean;
}

const shown = (c: Count): number | null => (typeof c === 'number' ? c : null);

/** Under five households in all is itself a small count: no figure. */
export const MIN_SHOWN = 5;

export function wardProgress(coverage: readonly CoverageRow[]): WardProgress | null {
  let households = 0;
  let withFiveSkills = 0;
  let atLeast = false;
  for (const row of coverage) {
    if (!row.groupId || row.households === null) continue;
    households += row.households;
    const n = shown(row.householdsFiveSkills);
    if (n === null) atLeast = true;
    else withFiveSkills += n;
  }
  if (households === 0 || withFiveSkills < MIN_SHOWN) return null;
  return { households, withFiveSkills, share: Math.min(1, withFiveSkills / households), atLeast };
}

/** "62%": whole percent, never rounded up to 100 before it is reached. */
export function percentText(share: number): string {
  const p = Math.round(share * 100);
  return `${p === 100 && share < 1 ? 99 : p}%`;
}
