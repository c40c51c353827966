import { describe, expect, it } from 'vitest';
import { PlexError } from './plex/errors';
import { parseRetryAfter } from './plex/retry-after';
import { retryDelay, retryLimits, shouldRetry } from './retry-policy';

const rateLimited = (retryAfterMs?: number) =>
  new PlexError({ code: 'rate-limited', status: 429, retryAfterMs });
const noJitter = () => 0;
const fullJitter = () => 1;

describe('parseRetryAfter', () => {
  it('reads delta-seconds', () => {
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter(' 0 ')).toBe(0);
  });
  it('reads an HTTP date relative to now', () => {
    const now = Date.parse('2026-11-22T10:00:00Z');
    expect(parseRetryAfter('Sun, 22 Nov 2026 10:00:05 GMT', now)).toBe(5000);
    expect(parseRetryAfter('Sun, 22 Nov 2026 09:59:00 GMT', now)).toBe(0);
  });
  it('treats absent or unreadable values as unknown', () => {
    expect(parseRetryAfter(null)).toBeUndefined();
    expect(parseRetryAfter('')).toBeUndefined();
    expect(parseRetryAfter('soon')).toBeUndefined();
    expect(parseRetryAfter('-3')).toBeUndefined();
  });
});

describe('shouldRetry', () => {
  it('never retries a 401, a 404 or an unreadable reply', () => {
    for (const code of ['sign-in-refused', 'not-found', 'gone', 'unexpected-reply'] as const) {
      expect(shouldRetry(0, new PlexError({ code }))).toBe(false);
    }
  });
  it('retries network trouble and 5xx a few times, then stops', () => {
    const error = new PlexError({ code: 'server-error', status: 503 });
    const attempts = [0, 1, 2, 3, 4].map((n) => shouldRetry(n, error));
    expect(attempts).toEqual([true, true, true, false, false]);
    expect(shouldRetry(0, new PlexError({ code: 'no-answer' }))).toBe(true);
    expect(shouldRetry(0, new PlexError({ code: 'unreachable' }))).toBe(true);
  });
  it('retries 429 up to its own cap', () => {
    expect(shouldRetry(retryLimits.rateLimited - 1, rateLimited(1000))).toBe(true);
    expect(shouldRetry(retryLimits.rateLimited, rateLimited(1000))).toBe(false);
  });
  it('gives up rather than retry early when Retry-After is longer than the cap', () => {
    expect(shouldRetry(0, rateLimited(retryLimits.maxDelayMs + 1))).toBe(false);
  });
  it('does not retry errors that are not from Plex (programming errors)', () => {
    expect(shouldRetry(0, new TypeError('x is undefined'))).toBe(false);
  });
});

describe('retryDelay', () => {
  it('waits at least what Retry-After asks, never less', () => {
    expect(retryDelay(0, rateLimited(1500), noJitter)).toBe(1500);
    expect(retryDelay(3, rateLimited(2000), fullJitter)).toBe(2250);
  });
  it('backs off exponentially with jitter when a 429 has no Retry-After', () => {
    const lows = [0, 1, 2, 3].map((n) => retryDelay(n, rateLimited(), noJitter));
    const highs = [0, 1, 2, 3].map((n) => retryDelay(n, rateLimited(), fullJitter));
    expect(lows).toEqual([500, 1000, 2000, 4000]);
    expect(highs).toEqual([1000, 2000, 4000, 8000]);
  });
  it('caps the backoff', () => {
    expect(retryDelay(20, new PlexError({ code: 'unreachable' }), fullJitter)).toBe(
      retryLimits.maxDelayMs,
    );
  });
});
