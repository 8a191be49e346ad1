import type { Command } from 'commander';
import { loadRuleSet, RuleLoadError, type RuleSet } from '../extract/rules.js';
import { testNotFacts, testRules } from '../audit/ruletests.js';
import { UsageError, type SetExit } from './errors.js';
import { formatRows } from './format.js';

/**
 * The rule set for a command: from `dir` (fresh) or the package's extractors/. A malformed rule file is a usage error
 * naming the file and line (exit 2), never a stack trace, and nothing runs with half a rule set.
 */
export function loadRulesForCommand(dir?: string): RuleSet {
  try {
    return loadRuleSet(dir, { fresh: !!dir });
  } catch (err) {
    if (err instanceof RuleLoadError) throw new UsageError(`malformed rule file: ${err.message}`);
    throw err;
  }
}

export function register(program: Command, setExit: SetExit): void {
  const rules = program.command('rules').description('the extraction rules in extractors/: list them, run their examples');
  rules
    .command('list')
    .description('every rule with its language, fact type, version, trigger count and file')
    .option('--extractors <dir>', 'rules folder (default: the package extractors/)')
    .option('--format <format>', 'table | json', 'table')
    .action((opts: { extractors?: string; format: string }) => {
      const set = loadRulesForCommand(opts.extractors);
      const rows = set.rules.map((r) => ({
        id: r.id, lang: r.lang, type: r.type, version: r.version, triggers: r.triggers.length,
        examples: r.examples.valid.length + r.examples.invalid.length, file: `${r.file}:${r.line}`, description: r.description,
      }));
      if (opts.format === 'json') process.stdout.write(JSON.stringify({ version: set.version, rules: rows }, null, 2) + '\n');
      else if (opts.format === 'table') {
        process.stdout.write(formatRows(rows, ['id', 'lang', 'type', 'version', 'triggers', 'examples', 'file'], 'table', 60));
        console.log(`${rows.length} rules, rule-set version ${set.version}`);
      } else throw new UsageError(`unknown --format '${opts.format}' (table, json)`);
    });
  rules
    .command('test')
    .description("run every rule's valid and invalid examples and every not-fact decision's examples; exit 1 when any fails")
    .option('--rule <id>', 'only this rule')
    .option('--extractors <dir>', 'rules folder (default: the package extractors/)')
    .option('--format <format>', 'text | json', 'text')
    .action((opts: { rule?: string; extractors?: string; format: string }) => {
      const set = loadRulesForCommand(opts.extractors);
      if (opts.rule && !set.rules.some((r) => r.id === opts.rule)) throw new UsageError(`no rule '${opts.rule}' in the rule set`);
      // The candidate stage's decisions (`_not_facts.yaml`) run with the rules, as `<lang>.not_fact.<id>`.
      const results = [...testRules(set, opts.rule), ...(opts.rule ? [] : testNotFacts(set))];
      const failed = results.filter((r) => r.failures.length);
      if (opts.format === 'json') {
        process.stdout.write(JSON.stringify(results, null, 2) + '\n');
      } else {
        const lines: string[] = [];
        for (const r of results) {
          lines.push(`${r.failures.length ? 'FAIL' : 'pass'}  ${r.rule}  ${r.passed}/${r.examples}  (${r.file}:${r.line})`);
          for (const f of r.failures) {
            lines.push(`      ${f.kind} #${f.index}: ${f.text}`);
            lines.push(`        expected: ${f.expected.length ? f.expected.join('; ') : 'nothing'}   got: ${f.got.length ? f.got.join('; ') : 'nothing'}`);
          }
        }
        const examples = results.reduce((n, r) => n + r.examples, 0);
        const passed = results.reduce((n, r) => n + r.passed, 0);
        lines.push(`${results.length - failed.length}/${results.length} rules pass, ${passed}/${examples} examples`);
        console.log(lines.join('\n'));
      }
      if (failed.length) setExit(1);
    });
}
