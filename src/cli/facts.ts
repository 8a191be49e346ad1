import type { Command } from 'commander';
import { openStore } from '../store/open.js';
import { UsageError, type SetExit } from './errors.js';
import { formatRows, OUTPUT_FORMATS, terminalWidth, type OutputFormat } from './format.js';
import { documentLabeller, resolveDocument } from './documents.js';
import { FACT_TYPES } from '../types.js';
import type { FactRow } from '../store/types.js';

export const FACT_FIELDS = [
  'id', 'doc', 'type', 'value', 'value_max', 'unit', 'qualifier', 'start', 'end', 'evidence', 'evidence_start',
  'evidence_end', 'sentence', 'period', 'place', 'rule', 'rule_version', 'lang',
  // Resolved (issue 14): the page's date, the interval, planned or achieved, running total, place with codes.
  'published', 'period_start', 'period_end', 'modality', 'cumulative', 'country', 'province', 'province_code', 'admin', 'admin_code',
];
const TABLE_FIELDS = ['id', 'doc', 'type', 'value', 'unit', 'qualifier', 'evidence', 'period', 'place', 'rule'];
/** What gives up room when the table is wider than the terminal; the evidence keeps the most, then the document. */
const TABLE_FLEXIBLE = ['doc', 'evidence', 'period', 'place', 'rule'];
const TABLE_SHARES = { evidence: 3, doc: 2 };

const grouped = new Intl.NumberFormat('en-US', { maximumFractionDigits: 6 });

/** A fact's value as a reader writes it: digits grouped, a range as `10,000,000–30,000,000`. */
export function valueText(f: Pick<FactRow, 'value' | 'value_max'>): string {
  return grouped.format(f.value) + (f.value_max !== null && f.value_max !== undefined ? '–' + grouped.format(f.value_max) : '');
}

export function register(program: Command, _setExit: SetExit): void {
  program
    .command('facts')
    .description('list stored facts, one per row')
    .option('--db <file>', 'database file (default db/newsfacts.sqlite)')
    .option('--type <type>', `fact type (${FACT_TYPES.join(', ')})`)
    .option('--lang <lang>', 'document language (zh, zh-Hans, zh-Hant, vi, en)')
    .option('--doc <doc>', 'a document: its id, content hash, path as ingested, full path or file name')
    .option('--rule <id>', 'rule id')
    .option('--limit <n>', 'at most n rows')
    .option('--format <format>', 'table | csv | json | jsonl', 'table')
    .action((opts: { db?: string; type?: string; lang?: string; doc?: string; rule?: string; limit?: string; format: string }) => {
      if (!OUTPUT_FORMATS.includes(opts.format as OutputFormat)) throw new UsageError(`unknown --format '${opts.format}' (table, csv, json, jsonl)`);
      if (opts.type && !FACT_TYPES.includes(opts.type as any)) throw new UsageError(`unknown --type '${opts.type}' (${FACT_TYPES.join(', ')})`);
      const limit = opts.limit === undefined ? undefined : Number(opts.limit);
      if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) throw new UsageError('--limit takes a positive whole number');
      const store = openStore(opts.db, { readonly: true });
      try {
        const doc = opts.doc === undefined ? undefined : String(resolveDocument(store, opts.doc).id);
        const rows = store
          .facts({ type: opts.type, lang: opts.lang, doc, rule: opts.rule, limit })
          .map((r) => ({ ...r, cumulative: r.cumulative === null || r.cumulative === undefined ? null : !!r.cumulative }));
        const format = opts.format as OutputFormat;
        if (format !== 'table') {
          process.stdout.write(formatRows(rows as any, FACT_FIELDS, format));
          return;
        }
        const label = documentLabeller(store);
        const shown = rows.map((f) => ({ ...f, doc: label(f.doc), value: valueText(f) }));
        process.stdout.write(formatRows(shown, TABLE_FIELDS, format, { maxCell: 60, width: terminalWidth(), flexible: TABLE_FLEXIBLE, shares: TABLE_SHARES, droppable: ['rule', 'qualifier'], lastResort: ['period', 'place', 'unit'], clipStart: ['doc'] }));
        if (!rows.length) console.error('newsfacts: no facts match these filters');
      } finally {
        store.close();
      }
    });
}
