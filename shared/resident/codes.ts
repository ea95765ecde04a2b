// Short codes people read, type and scan: recovery codes (move to a new
// phone) and certificate verification codes. Crockford base32: no U, and
// O/I/L typed by mistake are read as 0/1/1. The last character is a check
// character, so a typo is told apart from a code that simply does not exist.
import { randomBytes } from '../ids.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/** 15 random characters (75 bits) + 1 check: "7KQ2-M9XD-4TRH-PW3C". */
export const RECOVERY_CODE_LENGTH = 16;
/** 9 random characters (45 bits) + 1 check: "K7Q2M-9XD4T". */
export const CERTIFICATE_CODE_LENGTH = 10;

function checkChar(body: string): string {
  let sum = 0;
  // Odd weights are invertible mod 32, so any single wrong character changes the sum.
  for (let i = 0; i < body.length; i++) sum += (2 * i + 1) * ALPHABET.indexOf(body[i]);
  return ALPHABET[sum % 32];
}

function randomBody(length: number): string {
  let out = '';
  for (const b of randomBytes(length)) out += ALPHABET[b & 31];
  return out;
}

export function newCode(length: number): string {
  const body = randomBody(length - 1);
  return body + checkChar(body);
}

/** Upper-cases, drops spaces and dashes, reads O as 0 and I/L as 1. */
export function normalizeCode(input: string): string {
  return input
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

export type CodeProblem = 'length' | 'characters' | 'check';

/** Why a (normalized) code cannot be one we made, or null if it could be. */
export function codeProblem(code: string, length: number): CodeProblem | null {
  if (code.length !== length) return 'length';
  for (const ch of code) if (!ALPHABET.includes(ch)) return 'characters';
  return checkChar(code.slice(0, -1)) === code.slice(-1) ? null : 'check';
}

/** Groups for reading aloud: 4+4+4+4 for recovery codes, 5+5 for certificates. */
export function formatCode(code: string): string {
  const size = code.length === CERTIFICATE_CODE_LENGTH ? 5 : 4;
  return code.match(new RegExp(`.{1,${size}}`, 'g'))?.join('-') ?? code;
}
