import { describe, expect, it } from 'vitest';
import { docDateParts, placeOf } from './doc-date.ts';

describe('document date', () => {
  it('pads the day below 10 and only January and February', () => {
    expect(docDateParts(new Date(2026, 1, 4))).toEqual({ day: '04', month: '02', year: 2026 });
    expect(docDateParts(new Date(2026, 11, 14))).toEqual({ day: '14', month: '12', year: 2026 });
    expect(docDateParts(new Date(2026, 2, 9)).month).toBe('3');
  });
  it('drops the unit word from the place', () => {
    expect(placeOf('Phường Kiến An')).toBe('Kiến An');
  });
});
