import type { ErrorKeys } from '../net/error-message.ts';

/** A failed admin call: the server's own message when it answered, else "cannot reach the server". */
export const ADMIN_ERRORS: ErrorKeys = { offline: 'wardAdmin.offline', failed: 'wardAdmin.error', other: 'offline' };
