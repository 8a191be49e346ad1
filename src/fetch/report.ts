/** The per-URL status table (`--report report.csv`): one row per input URL, in input order. */
import { csvRow } from '../csv.js';

/**
 * fetched: the last answer was 2xx and is archived. http_error: the last answer was another status (archived too).
 * failed: no answer (network, timeout, too many redirects, bad URL). skipped: robots.txt or already in the archive.
 */
export type UrlStatus = 'fetched' | 'http_error' | 'failed' | 'skipped';

export interface UrlResult {
  url: string;
  status: UrlStatus;
  httpStatus: number | null;
  /** Where the redirects ended. */
  finalUrl: string | null;
  /** Each redirect hop's target, in order. */
  redirects: string[];
  /** HTTP requests made for this URL, redirects and retries included (robots.txt not). */
  attempts: number;
  /** Body bytes of the final response as received (compressed if it came compressed). */
  bytes: number;
  truncated: boolean;
  fetchedAt: string | null;
  elapsedMs: number;
  reason: string | null;
}

export const REPORT_COLUMNS = [
  'url',
  'status',
  'http_status',
  'final_url',
  'redirects',
  'attempts',
  'bytes',
  'truncated',
  'fetched_at',
  'elapsed_ms',
  'reason',
] as const;

export function resultsCsv(results: UrlResult[]): string {
  let out = csvRow(REPORT_COLUMNS);
  for (const r of results) {
    out += csvRow([
      r.url,
      r.status,
      r.httpStatus,
      r.finalUrl,
      r.redirects.join(' '),
      r.attempts,
      r.bytes,
      r.truncated,
      r.fetchedAt,
      r.elapsedMs,
      r.reason,
    ]);
  }
  return out;
}
