// What a staff password must be (NIST SP 800-63B style): long enough, not one
// of the ~49,000 passwords attackers try first, and not the username. No
// composition rules ("one digit, one symbol"): they push people to
// "Password1!" and add no strength. The common list is loaded on the first
// check, not at start-up, and only on the server (it is ~0.5 MB).
import type { PasswordProblemCode } from '../../shared/password-problems.ts';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from './passwords.ts';

export type { PasswordProblemCode };

export interface PasswordProblem {
  code: PasswordProblemCode;
  message: string;
}

let common: Promise<Set<string>> | undefined;

/** What people here reach for first and the English list misses: Vietnamese
 * words for "password", "I love you", the country, the app and the office.
 * Refused also with digits or symbols after them ("matkhau2024!"). */
const LOCAL_WORDS = new Set([
  'matkhau', 'mk', 'anhyeuem', 'emyeuanh', 'yeuem', 'yeuanh', 'iuem', 'iuanh', 'conyeume', 'yeumenhieu',
  'vietnam', 'vietnamvodich', 'hanoi', 'saigon', 'haiphong', 'danang', 'xinchao', 'khongbiet', 'khongco', 'quantri',
  'quantrivien', 'admin', 'phuong', 'uybannhandan', 'ubnd', 'congan', 'hocvuso', 'binhdanhocvuso', 'hocvu', 'huongdan',
]);
const TRAILING_DIGITS_OR_SYMBOLS = /[\d\W_]+$/u;

/** Lower-cased NFC: "Password" and "PASSWORD" are as guessable as "password". */
const fold = (value: string) => value.normalize('NFC').toLowerCase();

function commonPasswords(): Promise<Set<string>> {
  common ??= import('@zxcvbn-ts/language-common').then(({ dictionary }) => new Set((dictionary['passwords-common'] as string[]).map(fold)));
  return common;
}

/** Why this password may not be used, or undefined when it may. */
export async function checkPassword(password: string, username?: string): Promise<PasswordProblem | undefined> {
  // Length in characters (code points), as a person counts them.
  const length = [...password.normalize('NFC')].length;
  if (length < MIN_PASSWORD_LENGTH) return { code: 'password_too_short', message: `Password must be at least ${MIN_PASSWORD_LENGTH} characters` };
  if (length > MAX_PASSWORD_LENGTH) return { code: 'password_too_long', message: `Password must be at most ${MAX_PASSWORD_LENGTH} characters` };
  const folded = fold(password);
  if (username !== undefined && folded.trim() === fold(username).trim()) {
    return { code: 'password_is_username', message: 'Password must not be the username' };
  }
  if ((await commonPasswords()).has(folded) || LOCAL_WORDS.has(folded.replace(TRAILING_DIGITS_OR_SYMBOLS, ''))) {
    return { code: 'password_too_common', message: 'This password is on the list of common passwords attackers try first; choose another' };
  }
  return undefined;
}

/** Thrown by account functions when a password breaks the policy (routes answer 400 with its code). */
export class PasswordPolicyError extends Error {
  constructor(readonly code: PasswordProblemCode, message: string) {
    super(message);
    this.name = 'PasswordPolicyError';
  }
}

export async function assertPasswordAllowed(password: string, username?: string): Promise<void> {
  const problem = await checkPassword(password, username);
  if (problem) throw new PasswordPolicyError(problem.code, problem.message);
}
