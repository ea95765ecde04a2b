import type { ErrorKeys } from '../net/error-message.ts';

/** A failed call in words a resident can act on; screens add their own codes. */
export const RESIDENT_ERRORS: ErrorKeys = { offline: 'resident.offline', failed: 'resident.failed' };
