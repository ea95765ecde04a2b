import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dayFromIso, isoFromDay, monthStart } from './days.ts';

describe('monthStart', () => {
  it.each([
    ['0001-01-31', '0001-01-01'],
    ['0050-03-10', '0050-03-01'],
    ['0099-12-31', '0099-12-01'],
    ['0100-02-28', '0100-02-01'],
    ['1900-02-28', '1900-02-01'],
    ['1970-01-01', '1970-01-01'],
    ['2025-06-20', '2025-06-01'],
  ])('%s is in the month starting %s', (day, first) => {
    expect(isoFromDay(monthStart(dayFromIso(day)))).toBe(first);
  });

  it('is the first day of the same year and month, for every day from year 1 to 9999', () => {
    fc.assert(
      fc.property(fc.integer({ min: dayFromIso('0001-01-01'), max: dayFromIso('9999-12-31') }), (day) => {
        const first = isoFromDay(monthStart(day));
        expect(first).toBe(`${isoFromDay(day).slice(0, 8)}01`);
      }),
    );
  });
});
