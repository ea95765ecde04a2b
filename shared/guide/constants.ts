// Guide-mode constants without zod, so phone screens can use them without
// shipping the validation library (shared/events/guide.ts builds its schemas
// from these).

/** No 0/O, 1/I/L, 2/Z, 5/S, 8/B: read aloud and typed by elderly residents. */
export const SESSION_CODE_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';
export const SESSION_CODE_LENGTH = 8;
export const SESSION_CODE_PATTERN = new RegExp(`^[${SESSION_CODE_ALPHABET}]{${SESSION_CODE_LENGTH}}$`);

// The last character of a session code is a check character over the first
// seven, so a phone with no signal can tell a misheard or mistyped code from
// a real one (codes made before it existed still work online: the server
// knows them). Weights 1,2,3,4,6,7,8 are invertible mod 25 and so are the
// differences of neighbours: any one wrong character, and any swap of two
// neighbouring ones, changes the check. The start value (not a multiple of
// 5) keeps a code of one letter repeated, such as AAAA AAAA, from ever being
// valid.
const CHECK_WEIGHTS = [1, 2, 3, 4, 6, 7, 8];

export function sessionCodeCheck(body: string): string {
  let sum = 7;
  for (let i = 0; i < body.length; i++) sum += CHECK_WEIGHTS[i] * SESSION_CODE_ALPHABET.indexOf(body[i]);
  return SESSION_CODE_ALPHABET[sum % SESSION_CODE_ALPHABET.length];
}

/** Whether a well-formed (normalized) session code carries the right check character. */
export function hasSessionCodeCheck(code: string): boolean {
  return SESSION_CODE_PATTERN.test(code) && sessionCodeCheck(code.slice(0, -1)) === code.slice(-1);
}

// Append only: phones keep older lists for a while. The last one is the
// movement's headline indicator (shared/indicators/definitions.ts): the guide
// sees the confirmation on the resident's own screen; nothing is copied.
export const PLATFORM_CONFIRMED_OUTCOME = 'national-platform-confirmed';
export const OUTCOMES = ['vneid-level2-activated', 'first-online-dossier', 'first-cashless-payment', 'bank-biometric-setup', PLATFORM_CONFIRMED_OUTCOME] as const;
export const GENDERS = ['female', 'male', 'other'] as const;
