// The registers' fixed lists, without zod, so the screens check what the
// server checks without downloading the validation library.

/** A difficulty's course: filed by the unit, then handled by VH-XH or proposed to the People's Committee. */
export const DIFFICULTY_STATUSES = ['new', 'handling', 'proposed', 'resolved'] as const;
export type DifficultyStatus = (typeof DIFFICULTY_STATUSES)[number];

/** Where false or misleading information was seen. */
export const PLATFORMS = ['facebook', 'zalo', 'tiktok', 'youtube', 'website', 'other'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** What staff did about it. */
export const MISINFO_ACTIONS = ['reported', 'corrected', 'police', 'none'] as const;
export type MisinfoAction = (typeof MISINFO_ACTIONS)[number];

export const MISINFO_STATUSES = ['open', 'following', 'closed'] as const;
export type MisinfoStatus = (typeof MISINFO_STATUSES)[number];

export const BUDGET_STATUSES = ['proposed', 'approved', 'rejected'] as const;
export type BudgetStatus = (typeof BUDGET_STATUSES)[number];

/** Amounts are whole đồng; one line at most a thousand billion, so sums stay exact. */
export const MAX_AMOUNT = 1_000_000_000_000;
export const MAX_BUDGET_LINES = 50;

/** Only public web addresses: no other scheme is stored or shown as a link. */
export const HTTP_LINK_PATTERN = /^https?:\/\/[^\s/?#]+[^\s]*$/i;

/** A file's SHA-256, as the evidence-file store will name it. */
export const FILE_HASH_PATTERN = /^[0-9a-f]{64}$/;

/** Today's date in Vietnam (UTC+7), the default date of a new entry. */
export const vietnamToday = (now = Date.now()) => new Date(now + 7 * 3_600_000).toISOString().slice(0, 10);
