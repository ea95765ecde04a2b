import { describe, expect, it } from 'vitest';
import type { Count, CoverageRow } from '../stats/api.ts';
import { groupFigure, percentText, wardProgress } from './card-figures.ts';

const row = (name: string | null, households: number | null, fiveSkills: Count, householdShare: number | null, completedShare: number | null = null): CoverageRow => ({
  groupId: name ? name.toLowerCase().replace(/\s+/g, '-') : null,
  name,
  adultPopulation: 100,
  households,
  figuresAreSample: false,
  reached: 10,
  completed: 10,
  reachedShare: 0.1,
  completedShare,
  householdsRecorded: 10,
  householdsFiveSkills: fiveSkills,
  householdShare,
  completedThisMonth: 0,
  growthPoints: null,
});

describe('figures on a social card', () => {
  it('shows a group by its households, else by people who finished a course, else not at all', () => {
    expect(groupFigure(row('Tổ dân phố 5', 40, 25, 0.625))).toEqual({ kind: 'households', groupName: 'Tổ dân phố 5', share: 0.625 });
    expect(groupFigure(row('Tổ dân phố 6', 40, '<5', null, 0.12))).toEqual({ kind: 'completed', groupName: 'Tổ dân phố 6', share: 0.12 });
    // Suppressed on the server: the share is null, so nothing is shown.
    expect(groupFigure(row('Tổ dân phố 7', 40, '<5', null, null))).toBeNull();
    // Learners who named no group are no residential group.
    expect(groupFigure(row(null, null, 9, null, 0.5))).toBeNull();
  });

  it('adds up only the counts that are shown, and says "at least" when one is hidden', () => {
    expect(wardProgress([row('A', 100, 30, 0.3), row('B', 50, 20, 0.4)])).toEqual({ households: 150, withFiveSkills: 50, share: 50 / 150, atLeast: false });
    expect(wardProgress([row('A', 100, 30, 0.3), row('B', 50, '<5', null)])).toEqual({ households: 150, withFiveSkills: 30, share: 0.2, atLeast: true });
    expect(wardProgress([row('A', 100, 30, 0.3), row('B', 50, '*', null)])?.atLeast).toBe(true);
    // A group without a household count adds nothing to either side.
    expect(wardProgress([row('A', 100, 30, 0.3), row('B', null, 20, null)])?.households).toBe(100);
  });

  it('gives no ward figure built on fewer than five households, nor without household counts', () => {
    expect(wardProgress([row('A', 100, 4, 0.04)])).toBeNull();
    expect(wardProgress([row('A', 100, '<5', null), row('B', 80, '<5', null)])).toBeNull();
    expect(wardProgress([row('A', null, 30, null)])).toBeNull();
    expect(wardProgress([])).toBeNull();
  });

  it('never rounds up to 100% before every household is there', () => {
    expect(percentText(0.995)).toBe('99%');
    expect(percentText(1)).toBe('100%');
    expect(percentText(0.625)).toBe('63%');
  });
});
