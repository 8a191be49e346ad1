/** The per-URL status table (`--report report.csv`): one row per input URL, in input order. */
import type { UrlResult } from './index.js';

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

/** RFC 4180 quoting: a field with a comma, quote or line break is quoted, quotes doubled. */
function csvField(v: string | number | boolean | null): string {
  const s = v === null ? '' : String(v);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function resultsCsv(results: UrlResult[]): string {
  const rows = [REPORT_COLUMNS.join(',')];
  for (const r of results) {
    rows.push(
      [
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
      ]
        .map(csvField)
        .join(','),
    );
  }
  return rows.join('\r\n') + '\r\n';
}
