import type { Command } from 'commander';
import { openStore } from '../store/open.js';
import { UsageError, type SetExit } from './errors.js';
import { formatRows, OUTPUT_FORMATS, type OutputFormat } from './format.js';
import { FACT_TYPES } from '../types.js';
import { SUMMARY_DIMENSIONS, staleStoriesNote, summaryOf, type ModalityFilter, type SummaryDimension } from '../summary/summarize.js';

export function register(program: Command, _setExit: SetExit): void {
  program
    .command('summary')
    .description('sums per place and time, each story\'s figure counted once, plans and running totals apart; says what it left out')
    .requiredOption('--type <type>', `fact type (${FACT_TYPES.join(', ')})`)
    .option('--by <dims>', `group by (comma-separated: ${SUMMARY_DIMENSIONS.join(', ')})`, 'province,year')
    .option('--modality <m>', 'achieved | planned | all', 'achieved')
    .option('--db <file>', 'database file (default db/newsfacts.sqlite)')
    .option('--format <format>', 'table | csv | json', 'table')
    .action((opts: { type: string; by: string; modality: string; db?: string; format: string }) => {
      if (!FACT_TYPES.includes(opts.type as any)) throw new UsageError(`unknown --type '${opts.type}' (${FACT_TYPES.join(', ')})`);
      if (!['table', 'csv', 'json'].includes(opts.format)) throw new UsageError(`unknown --format '${opts.format}' (table, csv, json)`);
      if (!['achieved', 'planned', 'all'].includes(opts.modality)) throw new UsageError(`unknown --modality '${opts.modality}' (achieved, planned, all)`);
      const by = opts.by.split(',').map((s) => s.trim()).filter(Boolean);
      for (const d of by) if (!SUMMARY_DIMENSIONS.includes(d as SummaryDimension)) throw new UsageError(`unknown --by '${d}' (${SUMMARY_DIMENSIONS.join(', ')})`);
      const store = openStore(opts.db, { readonly: true });
      try {
        const s = summaryOf(store, opts.type, by as SummaryDimension[], opts.modality as ModalityFilter);
        const stale = staleStoriesNote(s.ungrouped);
        if (stale) console.error(`newsfacts summary: note: ${stale}`);
        if (opts.format === 'json') {
          console.log(JSON.stringify(s, null, 2));
          return;
        }
        const cols = [...by, ...(s.modality === 'all' ? ['modality'] : []), 'unit', 'kind', 'sum', 'facts', 'documents', 'stories'];
        const rows = s.rows.map((r) => ({ ...r.keys, unit: r.unit, kind: r.kind, sum: r.sum, facts: r.facts, documents: r.documents, stories: r.stories }));
        process.stdout.write(formatRows(rows as any, cols, opts.format as OutputFormat));
        if (opts.format === 'table') {
          console.log(`\nleft out (${s.leftOut.reduce((n, l) => n + l.facts, 0)} facts):`);
          for (const l of s.leftOut) console.log(`  ${l.facts}  ${l.reason}`);
          console.log('running totals (累计, 以来, lũy kế) are stocks or totals since a start: they are listed apart and never added to in-period sums.');
        }
      } finally {
        store.close();
      }
    });
}
