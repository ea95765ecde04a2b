// Guide-mode constants without zod, so phone screens can use them without
// shipping the validation library (shared/events/guide.ts builds its schemas
// from these).

/** No 0/O, 1/I/L, 2/Z, 5/S, 8/B: read aloud and typed by elderly residents. */
export const SESSION_CODE_ALPHABET = '34679ACDEFGHJKMNPQRTUVWXY';
export const SESSION_CODE_LENGTH = 8;
export const SESSION_CODE_PATTERN = new RegExp(`^[${SESSION_CODE_ALPHABET}]{${SESSION_CODE_LENGTH}}$`);

export const OUTCOMES = ['vneid-level2-activated', 'first-online-dossier', 'first-cashless-payment', 'bank-biometric-setup'] as const;
export const GENDERS = ['female', 'male', 'other'] as const;
