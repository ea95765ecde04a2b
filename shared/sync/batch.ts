// Which outbox entries to send next. Pure: the sync engine reads the outbox,
// asks this module, then does the I/O. Kept free of Dexie and fetch so the
// rules can be property-tested.

/** What the batching rules need to know about an outbox entry. */
export interface OutboxItem {
  id: string;
  /** Milliseconds since the epoch, when the event was written on the phone. */
  createdAt: number;
  /** How many sends of this entry have failed (network or server error). */
  attempts: number;
  /** 'dead': the server rejected it; it is kept for diagnosis and never resent. */
  state: 'pending' | 'dead';
}

/**
 * The next batch: pending entries only, oldest first (ties broken by id, which
 * is time-ordered), at most `size` of them. Oldest first keeps a learner's
 * facts arriving roughly in the order they happened.
 */
export function selectBatch<T extends OutboxItem>(entries: readonly T[], size: number): T[] {
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`batch size must be a positive integer, got ${size}`);
  return entries
    .filter((e) => e.state === 'pending')
    .sort((a, b) => a.createdAt - b.createdAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    .slice(0, size);
}
