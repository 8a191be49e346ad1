/**
 * When to try a request again and how long to wait first. Pure functions, so the policy is tested without a clock.
 * 429 and 5xx say "not now" and network errors may be passing; anything else (a 404, a 403) will not change.
 */

export interface RetryPolicy {
  /** Attempts after the first. */
  retries: number;
  /** Wait before the first retry; doubles with each further one. */
  backoffMs: number;
  /** Longest wait backoff grows to. */
  maxBackoffMs: number;
  /** A `Retry-After` longer than this is not waited for: the response stands as the answer. */
  maxRetryAfterMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, backoffMs: 1000, maxBackoffMs: 60_000, maxRetryAfterMs: 120_000 };

export function retryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/**
 * `Retry-After` as milliseconds from `now`: either delay-seconds or an HTTP-date (RFC 9110 §10.2.3). Null when absent
 * or unreadable; a date in the past is 0.
 */
export function parseRetryAfter(value: string | undefined | null, now: number = Date.now()): number | null {
  if (value == null) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  if (!/[A-Za-z]/.test(v)) return null; // not a number and not a date
  const t = Date.parse(v);
  if (Number.isNaN(t)) return null;
  return Math.max(0, t - now);
}

/**
 * How long to wait before retry number `retry` (1 for the first retry): exponential backoff, or the server's
 * `Retry-After` when that is longer. Null when the server asks for more than the policy is willing to wait.
 */
export function retryDelay(policy: RetryPolicy, retry: number, retryAfterMs: number | null): number | null {
  const backoff = Math.min(policy.maxBackoffMs, policy.backoffMs * 2 ** (retry - 1));
  if (retryAfterMs === null) return backoff;
  if (retryAfterMs > policy.maxRetryAfterMs) return null;
  return Math.max(backoff, retryAfterMs);
}
