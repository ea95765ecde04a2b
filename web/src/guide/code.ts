// Session codes made on the guide's phone (offline): 7 characters from an
// alphabet without look-alikes, from the platform's CSPRNG, then a check
// character (shared/guide/constants.ts). Uniqueness is checked by the
// server; ~6e9 possible codes make a clash very unlikely.
import { SESSION_CODE_ALPHABET, SESSION_CODE_LENGTH, sessionCodeCheck } from '../../../shared/guide/constants.ts';

export function newSessionCode(random: (n: number) => Uint8Array = (n) => crypto.getRandomValues(new Uint8Array(n))): string {
  const alphabet = SESSION_CODE_ALPHABET;
  // Rejection sampling: no modulo bias.
  const limit = 256 - (256 % alphabet.length);
  let code = '';
  while (code.length < SESSION_CODE_LENGTH - 1) {
    for (const b of random(16)) if (b < limit && code.length < SESSION_CODE_LENGTH - 1) code += alphabet[b % alphabet.length];
  }
  return code + sessionCodeCheck(code);
}

/** What a resident typed, tidied: upper case, no spaces or dashes. */
export const normalizeCode = (typed: string) => typed.toUpperCase().replace(/[\s-]/g, '');

/** "ACDE3467" → "ACDE 3467", easier to read aloud. */
export const formatCode = (code: string) => `${code.slice(0, 4)} ${code.slice(4)}`;
