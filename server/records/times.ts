// When a record counts. A phone's clock is kept for the record (occurred_at)
// but statistics count by a time the server can stand behind: never after
// the record arrived (a clock running ahead cannot push activity forward),
// and never long before it either: a phone whose clock reset (to 1970, to
// year 1, to its firmware's date) would otherwise file its learning under a
// date no report covers. Such a record counts when it arrived instead.

/** How long before its arrival a phone's date is still believed: a phone
 * that stays offline for months keeps its dates; beyond a year, the date
 * says more about the clock than about when the learning happened. */
export const MAX_RECORD_AGE_MS = 366 * 86_400_000;

/** A phone's time, or `reference` when it lies more than MAX_RECORD_AGE_MS before it. */
export const notFarBefore = (phoneTime: number, reference: number): number => (phoneTime < reference - MAX_RECORD_AGE_MS ? reference : phoneTime);

/** What statistics count a record by: its phone time, clamped to [arrival − MAX_RECORD_AGE_MS, arrival]. */
export const effectiveTime = (occurredAt: number, receivedAt: number): number => Math.min(notFarBefore(occurredAt, receivedAt), receivedAt);
