// Staff password hashing: scrypt with OWASP's parameters (N=2^17, r=8, p=1),
// stored as the self-describing "scrypt$N$r$p$salt$hash" so parameters can be
// raised later without breaking old hashes. The async scrypt runs on libuv's
// thread pool, so a login never blocks sync requests.
import { randomBytes, randomInt, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}
export const OWASP_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;
const SALT_LENGTH = 16;
export const MIN_PASSWORD_LENGTH = 8;
export const MAX_PASSWORD_LENGTH = 256;

/** Each hash holds 128·N·r bytes (128 MiB here); cap parallel hashes so a burst
 * of logins cannot exhaust a small machine's memory. */
const MAX_PARALLEL = 2;
let running = 0;
const waiting: Array<() => void> = [];

async function withSlot<T>(task: () => Promise<T>): Promise<T> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  try {
    return await task();
  } finally {
    running--;
    waiting.shift()?.();
  }
}

function derive(password: string, salt: Buffer, params: ScryptParams, keyLength: number): Promise<Buffer> {
  const options: ScryptOptions = { N: params.N, r: params.r, p: params.p, maxmem: 256 * params.N * params.r + 1024 * 1024 };
  return withSlot(
    () =>
      new Promise((resolve, reject) => {
        scrypt(password.normalize('NFC'), salt, keyLength, options, (error, key) => (error ? reject(error) : resolve(key)));
      }),
  );
}

export async function hashPassword(password: string, params: ScryptParams = OWASP_SCRYPT): Promise<string> {
  const salt = randomBytes(SALT_LENGTH);
  const key = await derive(password, salt, params, KEY_LENGTH);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

function parseStored(stored: string) {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return undefined;
  const [N, r, p] = parts.slice(1, 4).map(Number);
  const salt = Buffer.from(parts[4], 'base64url');
  const hash = Buffer.from(parts[5], 'base64url');
  const sane = [N, r, p].every(Number.isSafeInteger) && N > 1 && (N & (N - 1)) === 0 && r > 0 && p > 0 && N <= 2 ** 20;
  return sane && salt.length > 0 && hash.length > 0 ? { params: { N, r, p }, salt, hash } : undefined;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseStored(stored);
  if (!parsed) return false;
  const key = await derive(password, parsed.salt, parsed.params, parsed.hash.length);
  return timingSafeEqual(key, parsed.hash);
}

/** Hashing at one cost, for everything that makes or checks a staff password. */
export interface PasswordHasher {
  params: ScryptParams;
  hash(password: string): Promise<string>;
  /** Checks against the cost stored in the hash, whatever this hasher's own. */
  verify(password: string, stored: string): Promise<boolean>;
  /** A hash no password matches: verified against when the username is unknown,
   * so "no such user" takes as long as "wrong password". */
  dummyHash(): Promise<string>;
}

/**
 * The one way the server hashes staff passwords. Production always runs at
 * OWASP_SCRYPT (server/main.ts and the CLI take the default); the test suite
 * passes a cheaper cost through AppConfig.passwordCost so that hundreds of
 * staff logins do not take minutes.
 */
export function createPasswordHasher(params: ScryptParams = OWASP_SCRYPT): PasswordHasher {
  let dummy: Promise<string> | undefined;
  return {
    params,
    hash: (password) => hashPassword(password, params),
    verify: verifyPassword,
    dummyHash() {
      dummy ??= hashPassword(randomBytes(24).toString('base64url'), params);
      return dummy;
    },
  };
}

/** Production strength: what every process uses unless a test says otherwise. */
export const PRODUCTION_HASHER = createPasswordHasher(OWASP_SCRYPT);

const PASSWORD_ALPHABET = '23456789abcdefghjkmnpqrstuvwxyz';

/** Readable generated password: 4 groups of 4 characters (about 79 bits). */
export function generatePassword(): string {
  const chars = Array.from({ length: 16 }, () => PASSWORD_ALPHABET[randomInt(PASSWORD_ALPHABET.length)]);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}
