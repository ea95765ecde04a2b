// Pure rules of the sync client (no I/O): batching, result handling, backoff.
export { selectBatch, type OutboxItem } from './batch.ts';
export { planResults, type ResultPlan } from './results.ts';
export { backoffDelay, backoffCeiling, DEFAULT_BACKOFF, retryDelay, type BackoffOptions } from './backoff.ts';
