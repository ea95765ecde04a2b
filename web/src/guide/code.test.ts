import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SESSION_CODE_PATTERN } from '../../../shared/guide/constants.ts';
import { formatCode, newSessionCode, normalizeCode } from './code.ts';

describe('session codes', () => {
  it('are always 8 characters of the unambiguous alphabet, whatever the random bytes', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ minLength: 16, maxLength: 16 }), { minLength: 8, maxLength: 8 }), (chunks) => {
        let i = 0;
        const code = newSessionCode(() => chunks[i++ % chunks.length].map((b, j) => (j === 0 ? 0 : b)));
        return SESSION_CODE_PATTERN.test(code);
      }),
    );
    expect(new Set(Array.from({ length: 200 }, () => newSessionCode())).size).toBe(200);
  });
  it('reads back what a resident types', () => {
    expect(normalizeCode(' acde-3467 ')).toBe('ACDE3467');
    expect(normalizeCode(formatCode('ACDE3467'))).toBe('ACDE3467');
  });
});
