/** Printing rows as a text table, CSV, JSON or JSON Lines. */
import { csvRow } from '../csv.js';

export type OutputFormat = 'table' | 'csv' | 'json' | 'jsonl';
export const OUTPUT_FORMATS: OutputFormat[] = ['table', 'csv', 'json', 'jsonl'];

function cell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'object') return JSON.stringify(v);
  return String(v);
}

/** The terminal's width in columns: COLUMNS when set, else the terminal's own; undefined when printing to a pipe or file. */
export function terminalWidth(): number | undefined {
  const fromEnv = Number(process.env.COLUMNS);
  if (Number.isInteger(fromEnv) && fromEnv > 0) return fromEnv;
  return process.stdout.isTTY ? process.stdout.columns : undefined;
}

/** Display width: CJK and other wide characters take two columns. */
function width(s: string): number {
  let w = 0;
  for (const ch of s) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** `s` cut to `max` columns at its start: `…/vi/vi-001.txt`. */
function clipStart(s: string, max: number): string {
  if (width(s) <= max) return s;
  const chars = [...s];
  let out = '';
  let w = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    const cw = width(chars[i]);
    if (w + cw > max - 1) break;
    out = chars[i] + out;
    w += cw;
  }
  return '…' + out;
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

/** How a text table fits its space. */
export interface TableOptions {
  /** Widest a cell may be (display columns); default 40. */
  maxCell?: number;
  /** The width the whole table must fit (a terminal's columns); unlimited when not given. */
  width?: number;
  /** Columns that give up room, widest first, when the table is wider than `width`; default all. */
  flexible?: string[];
  /** How much room a flexible column keeps when the table is cut to fit, against 1 for the others (evidence: 3). */
  shares?: Record<string, number>;
  /**
   * Columns left out, in this order, while fitting the width would cut a flexible column below COMFORTABLE, or while
   * the table does not fit at all.
   */
  droppable?: string[];
  /** Columns left out after those, only while the table does not fit at all. */
  lastResort?: string[];
  /** Columns cut at their start rather than their end (paths: the file name at the end tells rows apart). */
  clipStart?: string[];
}

/** Narrowest a flexible column is cut to before a droppable column is left out instead. */
const COMFORTABLE = 12;

/** Narrowest a flexible column is cut to when fitting a width. */
const MIN_FLEXIBLE = 8;

export function formatRows(rows: Record<string, unknown>[], columns: string[], format: OutputFormat, table: number | TableOptions = 40): string {
  switch (format) {
    case 'json':
      return JSON.stringify(rows.map((r) => pick(r, columns)), null, 2) + '\n';
    case 'jsonl':
      return rows.map((r) => JSON.stringify(pick(r, columns))).join('\n') + (rows.length ? '\n' : '');
    case 'csv':
      return csvRow(columns) + rows.map((r) => csvRow(columns.map((c) => r[c]))).join('');
    case 'table': {
      const opts: TableOptions = typeof table === 'number' ? { maxCell: table } : table;
      const maxCell = opts.maxCell ?? 40;
      const texts = rows.map((r) => columns.map((c) => cell(r[c]).replace(/\s+/g, ' ')));
      const natural = columns.map((c, i) => Math.min(maxCell, Math.max(width(c), ...texts.map((row) => width(row[i])))));
      let shown = columns.map((_, i) => i);
      let widths = natural;
      if (opts.width) {
        const flexible = opts.flexible ?? columns;
        const fit = (keep: number[]) =>
          fitWidths(keep.map((i) => columns[i]), keep.map((i) => natural[i]), opts.width!, flexible, opts.shares ?? {});
        widths = fit(shown);
        const tooWide = () => widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1) > opts.width!;
        const cramped = () => shown.some((i, k) => flexible.includes(columns[i]) && widths[k] < Math.min(COMFORTABLE, natural[i]));
        for (const [drop, when] of [
          ...(opts.droppable ?? []).map((c) => [c, () => cramped() || tooWide()] as const),
          ...(opts.lastResort ?? []).map((c) => [c, tooWide] as const),
        ]) {
          if (!when()) continue;
          shown = shown.filter((i) => columns[i] !== drop);
          widths = fit(shown);
        }
        if (shown.length < columns.length) widths = columns.map((_, i) => (shown.includes(i) ? widths[shown.indexOf(i)] : -1));
        else widths = widths.slice();
      }
      const keep = <T>(vals: T[]) => vals.filter((_, i) => widths[i] >= 0);
      const kept = widths.filter((w) => w >= 0);
      const fromStart = keep(columns.map((c) => !!opts.clipStart?.includes(c)));
      const line = (vals: string[]) =>
        keep(vals)
          .map((v, i) => {
            const c = (fromStart[i] ? clipStart : clip)(v, kept[i]);
            return c + ' '.repeat(Math.max(0, kept[i] - width(c)));
          })
          .join('  ')
          .trimEnd();
      return [line(columns), line(widths.map((w) => '-'.repeat(Math.max(0, w)))), ...texts.map(line)].join('\n') + '\n';
    }
  }
}

/** Column widths that fit `total` columns (two spaces between columns): the widest flexible column for its share gives up room first. */
function fitWidths(columns: string[], natural: number[], total: number, flexible: string[], shares: Record<string, number>): number[] {
  const widths = [...natural];
  const gaps = 2 * (columns.length - 1);
  const flex = columns.map((c, i) => (flexible.includes(c) ? i : -1)).filter((i) => i >= 0);
  const share = columns.map((c) => shares[c] ?? 1);
  let excess = widths.reduce((a, b) => a + b, 0) + gaps - total;
  while (excess > 0) {
    let widest = -1;
    for (const i of flex) {
      if (widths[i] > MIN_FLEXIBLE && (widest < 0 || widths[i] / share[i] > widths[widest] / share[widest])) widest = i;
    }
    if (widest < 0) break; // every flexible column at its narrowest: the table stays wider than the terminal
    widths[widest]--;
    excess--;
  }
  return widths;
}

function pick(r: Record<string, unknown>, columns: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const c of columns) out[c] = r[c] === undefined ? null : r[c];
  return out;
}
