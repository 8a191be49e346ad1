import type { Command } from 'commander';
import { loadRulesForCommand } from './rules.js';
import { reextract, type RulesMode } from '../audit/reextract.js';
import { openStore } from '../store/open.js';
import { UsageError, type SetExit } from './errors.js';

export function register(program: Command, _setExit: SetExit): void {
  program
    .command('extract')
    .description('re-run extraction over stored documents from their normalized text (no page is read again); records a new run')
    .option('--db <file>', 'database file (default db/newsfacts.sqlite)')
    .option('--rules <which>', "changed (only rules whose version changed since the last run) | all", 'changed')
    .option('--extractors <dir>', 'rules folder (default: the package extractors/)')
    .action((opts: { db?: string; rules: string; extractors?: string }) => {
      if (opts.rules !== 'changed' && opts.rules !== 'all') throw new UsageError(`--rules takes 'changed' or 'all', not '${opts.rules}'`);
      const ruleSet = loadRulesForCommand(opts.extractors);
      const store = openStore(opts.db);
      try {
        const s = reextract(store, ruleSet, opts.rules as RulesMode, { command: `extract --rules ${opts.rules}` });
        const what =
          s.mode === 'all'
            ? 'all rules'
            : s.changedRules.length
              ? `${s.changedRules.length} changed rule(s) since run ${s.since ?? '—'}: ${s.changedRules.join(', ')}`
              : `no rule changed since run ${s.since ?? '—'}`;
        console.log(
          `run ${s.runId}: extract --rules ${s.mode} (${what}); documents re-extracted ${s.documents}, skipped ${s.documentsSkipped}; facts ${s.factsBefore} → ${s.factsAfter}`,
        );
      } finally {
        store.close();
      }
    });
}
