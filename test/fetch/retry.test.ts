import { DEFAULT_RETRY, parseRetryAfter, retryDelay, retryableStatus } from '../../src/fetch/retry.js';

describe('retry policy', () => {
  test('which statuses are worth another try', () => {
    expect([429, 500, 502, 503, 504].every(retryableStatus)).toBe(true);
    expect([200, 301, 400, 403, 404, 410].some(retryableStatus)).toBe(false);
  });

  test('Retry-After in seconds or as an HTTP date', () => {
    const now = Date.parse('2024-05-01T10:00:00Z');
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Wed, 01 May 2024 10:00:30 GMT', now)).toBe(30_000);
    expect(parseRetryAfter('Wed, 01 May 2024 09:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('-5', now)).toBeNull();
    expect(parseRetryAfter(undefined, now)).toBeNull();
  });

  test('exponential backoff, capped, and Retry-After when it is longer', () => {
    const p = { ...DEFAULT_RETRY, backoffMs: 1000, maxBackoffMs: 5000, maxRetryAfterMs: 60_000 };
    expect([1, 2, 3, 4].map((n) => retryDelay(p, n, null))).toEqual([1000, 2000, 4000, 5000]);
    expect(retryDelay(p, 1, 30_000)).toBe(30_000);
    expect(retryDelay(p, 3, 500)).toBe(4000);
    expect(retryDelay(p, 1, 3_600_000)).toBeNull();
  });
});
