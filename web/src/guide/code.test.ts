import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hasSessionCodeCheck, SESSION_CODE_ALPHABET, SESSION_CODE_PATTERN } from '../../../shared/guide/constants.ts';
import { formatCode, newSessionCode, normalizeCode } from './code.ts';

describe('session codes', () => {
  it('are always 8 characters of the unambiguous alphabet, whatever the random bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 16, maxLength: 16 }), { minLength: 8, maxLength: 8 }), (chunks) => {
        let i = 0;
        const code = newSessionCode(() => chunks[i++ % chunks.length].map((b, j) => (j === 0 ? 0 : b)));
        return SESSION_CODE_PATTERN.test(code) && hasSessionCodeCheck(code);
      }),
    );
    expect(new Set(Array.from({ length: 200 }, () => newSessionCode())).size).toBe(200);
  });
  it('catch any one wrong character and any swap of neighbours, so a misheard code is not taken for a real one', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 7 }), fc.integer({ min: 1, max: SESSION_CODE_ALPHABET.length - 1 }), (at, shift) => {
        const code = newSessionCode();
        const wrong = SESSION_CODE_ALPHABET[(SESSION_CODE_ALPHABET.indexOf(code[at]) + shift) % SESSION_CODE_ALPHABET.length];
        return !hasSessionCodeCheck(code.slice(0, at) + wrong + code.slice(at + 1));
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), (at) => {
        const code = newSessionCode();
        fc.pre(code[at] !== code[at + 1]);
        return !hasSessionCodeCheck(code.slice(0, at) + code[at + 1] + code[at] + code.slice(at + 2));
      }),
    );
    for (const letter of SESSION_CODE_ALPHABET) expect(hasSessionCodeCheck(letter.repeat(8))).toBe(false);
  });
  it('reads back what a resident types', () => {
    expect(normalizeCode(' acde-3467 ')).toBe('ACDE3467');
    expect(normalizeCode(formatCode('ACDE3467'))).toBe('ACDE3467');
  });
});
