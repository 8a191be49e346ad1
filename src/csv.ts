/**
 * The one CSV writer (RFC 4180: a cell with a comma, quote or line break is quoted, quotes doubled; rows end in CRLF)
 * for every CSV the project writes: `facts`/`sql --format csv`, the web's exports and the fetch report. Cells come
 * from scraped pages, so text a spreadsheet would run as a formula (first character =, +, -, @, tab or CR) is
 * prefixed with an apostrophe; numbers are written as numbers.
 */

/** One cell: null and undefined empty, numbers and booleans as written, objects as JSON, text guarded and quoted. */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'bigint') return String(v);
  let s = typeof v === 'object' ? JSON.stringify(v) : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = "'" + s;
  return /[",\r\n]/.test(s) ? '"' + s.replace(/"/g, '""') + '"' : s;
}

/** One row, CRLF included. */
export function csvRow(cells: readonly unknown[]): string {
  return cells.map(csvCell).join(',') + '\r\n';
}
