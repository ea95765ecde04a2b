import { describe, expect, it } from 'vitest';
import { parseReportPeriod } from '../../../../shared/plans/report.ts';
import { periodChoice, periodKey } from './period.ts';

describe('report period choice', () => {
  it('names each kind of period the way the server reads it, and back', () => {
    for (const key of ['2025-06', '2025-Q2', '2025-H1', '2025-H2', '2025']) {
      expect(periodKey(periodChoice(key, new Date(2026, 0, 1)))).toBe(key);
      expect(parseReportPeriod(key)).toBeDefined();
    }
    expect(parseReportPeriod('2025-H2')).toMatchObject({ from: '2025-07-01', to: '2025-12-31' });
    expect(parseReportPeriod('2024-02')).toMatchObject({ to: '2024-02-29' });
  });
  it('starts at the current quarter without a key', () => {
    expect(periodKey(periodChoice(undefined, new Date(2026, 10, 5)))).toBe('2026-Q4');
  });
});
