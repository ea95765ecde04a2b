// The LED screens' limits and timings, zod-free so the screen's page can use
// them without downloading the validation library.
export const DISPLAY_SLIDE_KINDS = ['slogan', 'qr', 'coverage', 'sessions', 'announcement', 'story'] as const;
export type DisplaySlideKind = (typeof DISPLAY_SLIDE_KINDS)[number];

/** Seconds a slide stays: long enough to read from across a road, short enough to loop. */
export const SLIDE_SECONDS = { min: 5, max: 120, default: 12 } as const;
export const MAX_SLIDES = 20;
/** A screen that has not asked for its data for this long is shown as not live. */
export const DISPLAY_LIVE_MS = 3 * 60_000;
/** How often a screen asks for fresh data (its heartbeat). */
export const DISPLAY_POLL_MS = 60_000;

export const DISPLAY_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
