import type { Command } from 'commander';
import { openStore } from '../store/open.js';
import { UsageError, type SetExit } from './errors.js';
import { formatRows, OUTPUT_FORMATS, type OutputFormat } from './format.js';
import { FACT_TYPES } from '../types.js';

export const FACT_FIELDS = [
  'id', 'doc', 'type', 'value', 'value_max', 'unit', 'qualifier', 'start', 'end', 'evidence', 'evidence_start',
  'evidence_end', 'sentence', 'period', 'place', 'rule', 'rule_version', 'lang',
  // Resolved (issue 14): the page's date, the interval, planned or achieved, running total, place with codes.
  'published', 'period_start', 'period_end', 'modality', 'cumulative', 'country', 'province', 'province_code', 'admin', 'admin_code',
];
const TABLE_FIELDS = ['id', 'doc', 'type', 'value', 'unit', 'qualifier', 'evidence', 'period', 'place', 'rule'];

export function register(program: Command, _setExit: SetExit): void {
  program
    .command('facts')
    .description('list stored facts, one per row')
    .option('--db <file>', 'database file (default db/newsfacts.sqlite)')
    .option('--type <type>', `fact type (${FACT_TYPES.join(', ')})`)
    .option('--lang <lang>', 'document language (zh, zh-Hans, zh-Hant, vi, en)')
    .option('--doc <doc>', 'document source path, id or content hash')
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
        const rows = store
          .facts({ type: opts.type, lang: opts.lang, doc: opts.doc, rule: opts.rule, limit })
          .map((r) => ({ ...r, cumulative: r.cumulative === null || r.cumulative === undefined ? null : !!r.cumulative }));
        const format = opts.format as OutputFormat;
        process.stdout.write(formatRows(rows as any, format === 'table' ? TABLE_FIELDS : FACT_FIELDS, format));
      } finally {
        store.close();
      }
    });
}
