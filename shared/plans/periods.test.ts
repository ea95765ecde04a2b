import { describe, expect, it } from 'vitest';
import { monthsIn, periodSpan, vietnamToday, windowOf, windowsOver } from './periods.ts';

describe('periods', () => {
  it('reads today as a Vietnam day: 17:00 UTC is already the next day', () => {
    expect(vietnamToday(Date.parse('2025-03-31T16:59:59Z'))).toBe('2025-03-31');
    expect(vietnamToday(Date.parse('2025-03-31T17:00:00Z'))).toBe('2025-04-01');
    expect(vietnamToday(Date.parse('2025-12-31T17:30:00Z'))).toBe('2026-01-01');
  });

  it('gives calendar months, quarters, halves and years, February of a leap year included', () => {
    expect(periodSpan('month', '2024-02-10')).toEqual({ from: '2024-02-01', to: '2024-02-29' });
    expect(periodSpan('month', '2025-02-10')).toEqual({ from: '2025-02-01', to: '2025-02-28' });
    expect(periodSpan('quarter', '2025-05-31')).toEqual({ from: '2025-04-01', to: '2025-06-30' });
    expect(periodSpan('half', '2025-07-01')).toEqual({ from: '2025-07-01', to: '2025-12-31' });
    expect(periodSpan('year', '2025-12-31')).toEqual({ from: '2025-01-01', to: '2025-12-31' });
    expect(periodSpan('year', '0001-06-01')).toEqual({ from: '0001-01-01', to: '0001-12-31' });
    expect(periodSpan('month', '0004-02-01')).toEqual({ from: '0004-02-01', to: '0004-02-29' });
    expect(periodSpan('range', '2025-01-01', { from: '2025-03-10', to: '2025-04-09' })).toEqual({ from: '2025-03-10', to: '2025-04-09' });
  });

  it('starts weeks on Monday and lists the weeks that overlap a month, across its ends', () => {
    // 2025-03-01 is a Saturday.
    expect(windowOf('week', '2025-03-01')).toEqual({ from: '2025-02-24', to: '2025-03-02' });
    const weeks = windowsOver('week', { from: '2025-03-01', to: '2025-03-31' });
    expect(weeks[0]).toEqual({ from: '2025-02-24', to: '2025-03-02' });
    expect(weeks.at(-1)).toEqual({ from: '2025-03-31', to: '2025-04-06' });
    expect(weeks).toHaveLength(6);
    // Across a year end.
    expect(windowOf('week', '2026-01-01')).toEqual({ from: '2025-12-29', to: '2026-01-04' });
  });

  it('counts whole calendar months, else days over an average month', () => {
    expect(monthsIn({ from: '2025-01-01', to: '2025-12-31' })).toBe(12);
    expect(monthsIn({ from: '2025-02-01', to: '2025-02-28' })).toBe(1);
    expect(monthsIn({ from: '2025-11-01', to: '2026-01-31' })).toBe(3);
    expect(monthsIn({ from: '2025-03-10', to: '2025-04-09' })).toBeCloseTo(31 / (365.25 / 12));
  });
});
