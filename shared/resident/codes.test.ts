import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CERTIFICATE_CODE_LENGTH, codeProblem, formatCode, newCode, normalizeCode, RECOVERY_CODE_LENGTH } from './codes.ts';

describe('codes', () => {
  it('new codes pass their own check, also after formatting and sloppy typing', () => {
    for (const length of [RECOVERY_CODE_LENGTH, CERTIFICATE_CODE_LENGTH]) {
      for (let i = 0; i < 200; i++) {
        const code = newCode(length);
        expect(codeProblem(code, length)).toBeNull();
        const typed = ` ${formatCode(code).toLowerCase().replace(/0/g, 'o').replace(/1/g, 'l')} `;
        expect(normalizeCode(typed)).toBe(code);
      }
    }
  });

  it('catches every single-character typo', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: RECOVERY_CODE_LENGTH - 1 }), fc.integer({ min: 1, max: 31 }), (pos, shift) => {
        const code = newCode(RECOVERY_CODE_LENGTH);
        const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
        const changed = code.slice(0, pos) + alphabet[(alphabet.indexOf(code[pos]) + shift) % 32] + code.slice(pos + 1);
        expect(codeProblem(changed, RECOVERY_CODE_LENGTH)).toBe('check');
      }),
    );
  });

  it('names the problem with a malformed code', () => {
    expect(codeProblem('ABC', CERTIFICATE_CODE_LENGTH)).toBe('length');
    expect(codeProblem('ABCDEFGHU!', CERTIFICATE_CODE_LENGTH)).toBe('characters');
    expect(formatCode('ABCDEFGHJK')).toBe('ABCDE-FGHJK');
    expect(formatCode('0123456789ABCDEF')).toBe('0123-4567-89AB-CDEF');
  });
});
