import type { Command } from 'commander';
import { ingest } from '../ingest.js';
import { openStore } from '../store/index.js';
import { UsageError, type SetExit } from './errors.js';
import { printTotals } from './summary.js';

export function register(program: Command, setExit: SetExit): void {
  program
    .command('ingest')
    .description('read, clean, normalize and extract pages, and store documents and facts')
    .argument('<paths...>', 'files or directories of .html/.htm/.txt pages (and their .gz forms)')
    .option('--db <file>', 'database file (default db/newsfacts.sqlite)')
    .option('--fail-on-error', 'exit with status 1 when any page failed')
    .option('--quiet', 'print only the summary')
    .action((paths: string[], opts: { db?: string; failOnError?: boolean; quiet?: boolean }) => {
      if (!paths.length) throw new UsageError('ingest needs at least one path');
      const store = openStore(opts.db);
      try {
        const s = ingest(store, paths, { command: 'ingest ' + paths.join(' ') });
        const lines = [
          `run ${s.runId}: pages read ${s.pagesRead}, stored ${s.pagesStored}, skipped as unchanged ${s.pagesUnchanged}, failed ${s.pagesFailed}; facts stored ${s.factsStored}`,
        ];
        for (const e of s.errors) lines.push(`  error: ${e.source}: ${e.reason}`);
        console.log(lines.join('\n'));
        printTotals(store);
        if (s.pagesFailed && opts.failOnError) setExit(1);
      } finally {
        store.close();
      }
    });
}
