// Session codes made on the guide's phone (offline): 8 characters from an
// alphabet without look-alikes, from the platform's CSPRNG. Uniqueness is
// checked by the server; ~1.5e11 possible codes make a clash very unlikely.
import { SESSION_CODE_ALPHABET, SESSION_CODE_LENGTH } from '../../../shared/guide/constants.ts';

export function newSessionCode(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  const alphabet = SESSION_CODE_ALPHABET;
  // Rejection sampling: no modulo bias.
  const limit = 256 - (256 % alphabet.length);
  let code = '';
  while (code.length < SESSION_CODE_LENGTH) {
    for (const b of random(16)) if (b < limit && code.length < SESSION_CODE_LENGTH) code += alphabet[b % alphabet.length];
  }
  return code;
}

/** What a resident typed, tidied: upper case, no spaces or dashes. */
export const normalizeCode = (typed: string) => typed.toUpperCase().replace(/[\s-]/g, '');

/** "ACDE3467" → "ACDE 3467", easier to read aloud. */
export const formatCode = (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`;
