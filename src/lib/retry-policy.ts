import { isPlexError } from './plex/errors';

/**
 * The one retry policy (docs/architecture.md "Errors"), handed to react-query as
 * `retry`/`retryDelay`.
 * - 429: wait what Retry-After says; without it, exponential backoff with jitter. A Retry-After
 *   longer than we are willing to wait means give up, never retry early.
 * - network trouble and 5xx: a few quick retries, then the caller fails over.
 * - 401, 404, unreadable replies: retrying cannot help.
 */
export const retryLimits = {
  rateLimited: 5,
  transient: 3,
  baseDelayMs: 1_000,
  maxDelayMs: 30_000,
};

const transientKinds = new Set(['unreachable', 'timeout', 'server-error']);

export function shouldRetry(failureCount: number, error: unknown): boolean {
  if (!isPlexError(error)) return false;
  if (error.kind === 'rate-limited') {
    if (error.retryAfterMs !== undefined && error.retryAfterMs > retryLimits.maxDelayMs)
      return false;
    return failureCount < retryLimits.rateLimited;
  }
  if (transientKinds.has(error.kind)) return failureCount < retryLimits.transient;
  return false;
}

/** `failureCount` is the number of earlier failures: 0 before the first retry (TanStack Query v5). */
export function retryDelay(
  failureCount: number,
  error: unknown,
  random: () => number = Math.random,
): number {
  if (isPlexError(error, 'rate-limited') && error.retryAfterMs !== undefined) {
    // A little on top, so the retry lands after the server's window, never inside it.
    return Math.min(error.retryAfterMs, retryLimits.maxDelayMs) + Math.round(random() * 250);
  }
  const exponential = retryLimits.baseDelayMs * 2 ** Math.max(0, failureCount);
  const capped = Math.min(exponential, retryLimits.maxDelayMs);
  // "Equal jitter": half fixed, half random, so clients that failed together don't retry together.
  return Math.round(capped / 2 + random() * (capped / 2));
}
