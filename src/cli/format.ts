/** Printing rows as a text table, CSV, JSON or JSON Lines. */
import { csvRow } from '../csv.js';

export type OutputFormat = 'table' | 'csv' | 'json' | 'jsonl';
export const OUTPUT_FORMATS: OutputFormat[] = ['table', 'csv', 'json', 'jsonl'];

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** Display width: CJK and other wide characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

function clip(s: string, max: number): string {
  if (width(s) <= max) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = width(ch);
    if (w + cw > max - 1) break;
    out += ch;
    w += cw;
  }
  return out + '…';
}

export function formatRows(rows: Record<string, unknown>[], columns: string[], format: OutputFormat, maxCell = 40): string {
  switch (format) {
    case 'json':
      return JSON.stringify(rows.map((r) => pick(r, columns)), null, 2) + '\n';
    case 'jsonl':
      return rows.map((r) => JSON.stringify(pick(r, columns))).join('\n') + (rows.length ? '\n' : '');
    case 'csv':
      return csvRow(columns) + rows.map((r) => csvRow(columns.map((c) => r[c]))).join('');
    case 'table': {
      const cells = rows.map((r) => columns.map((c) => clip(cell(r[c]).replace(/\s+/g, ' '), maxCell)));
      const widths = columns.map((c, i) => Math.max(width(c), ...cells.map((row) => width(row[i]))));
      const line = (vals: string[]) => vals.map((v, i) => v + ' '.repeat(widths[i] - width(v))).join('  ').trimEnd();
      return [line(columns), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n') + '\n';
    }
  }
}

function pick(r: Record<string, unknown>, columns: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of columns) out[c] = r[c] === undefined ? null : r[c];
  return out;
}
