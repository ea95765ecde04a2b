// The shapes of the record primitives as plain patterns, free of zod so that
// phone code (QR targets, file import checks) and the server's bearer parser
// use the very same rules as the schemas built from them (primitives.ts).
export const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
export const DEVICE_ID_PATTERN = /^[A-Za-z0-9_-]{8,64}$/;
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
export const GROUP_ID_PATTERN = /^[a-z0-9-]{1,40}$/;
export const SECRET_PATTERN = /^[A-Za-z0-9_-]{22,128}$/;

/** A pattern's body without its anchors, to build a larger one from it. */
export const inner = (pattern: RegExp) => pattern.source.replace(/^\^/, '').replace(/\$$/, '');
