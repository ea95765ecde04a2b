// The privacy notice residents agree to. Its text lives in the web app's
// strings (privacy.json); bump the version whenever that text changes in
// substance, so every consent on record names the notice it was given for.
export const PRIVACY_NOTICE_VERSION = 1;
/** The date the current notice took effect (shown on the notice page). */
export const PRIVACY_NOTICE_DATE = '2025-06-01';
/** The one purpose personal fields are used for. */
export const CONSENT_PURPOSE = 'ward-participation' as const;
