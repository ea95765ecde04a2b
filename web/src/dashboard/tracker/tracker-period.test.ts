import { describe, expect, it } from 'vitest';
import { choiceFor, spanOf } from './tracker-period.ts';

describe('tracker period', () => {
  it('starts on the period that holds today, of each kind', () => {
    const today = '2025-08-14';
    expect(spanOf(choiceFor('month', today))).toEqual({ from: '2025-08-01', to: '2025-08-31' });
    expect(spanOf(choiceFor('quarter', today))).toEqual({ from: '2025-07-01', to: '2025-09-30' });
    expect(spanOf(choiceFor('half', today))).toEqual({ from: '2025-07-01', to: '2025-12-31' });
    expect(spanOf(choiceFor('year', today))).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(spanOf(choiceFor('range', today))).toEqual({ from: '2025-08-01', to: '2025-08-14' });
  });

  it('gives the chosen part of the year, and no span for an unfinished or reversed range', () => {
    expect(spanOf({ kind: 'quarter', year: 2024, part: 1, from: '', to: '' })).toEqual({ from: '2024-01-01', to: '2024-03-31' });
    expect(spanOf({ kind: 'month', year: 2024, part: 2, from: '', to: '' })).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(spanOf({ kind: 'half', year: 2025, part: 1, from: '', to: '' })).toEqual({ from: '2025-01-01', to: '2025-06-30' });
    expect(spanOf({ kind: 'range', year: 2025, part: 0, from: '2025-03-01', to: '' })).toBeNull();
    expect(spanOf({ kind: 'range', year: 2025, part: 0, from: '2025-03-01', to: '2025-02-01' })).toBeNull();
  });
});
