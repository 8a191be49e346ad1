import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { loadRulesForCommand } from './rules.js';
import { explainFact } from '../audit/explain.js';
import { applyVerdictFile, parseVerdict, recordVerdict, sampleFacts } from '../audit/review.js';
import { openStore } from '../store/open.js';
import type { FactRow, Store } from '../store/types.js';
import { UsageError, type SetExit } from './errors.js';
import { formatRows } from './format.js';

function positive(s: string | undefined, name: string, fallback: number): number {
  if (s === undefined) return fallback;
  const n = Number(s);
  if (!Number.isInteger(n) || n <= 0) throw new UsageError(`${name} takes a positive whole number`);
  return n;
}

/** Asks about each fact on the terminal (or on piped stdin): c = correct, w = wrong, s = skip, q = quit; a note may follow. */
async function reviewInteractively(store: Store, facts: FactRow[], reviewer?: string): Promise<{ recorded: number; skipped: number }> {
  const ruleSet = loadRulesForCommand();
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const lines = rl[Symbol.asyncIterator]();
  let recorded = 0;
  let skipped = 0;
  try {
    for (let i = 0; i < facts.length; i++) {
      const f = facts[i];
      const e = explainFact(store, f.id, ruleSet);
      process.stdout.write(
        [
          '',
          `[${i + 1}/${facts.length}] fact ${f.id}: ${f.type} ${f.value}${f.value_max !== null ? '–' + f.value_max : ''} ${f.unit} (${f.qualifier})  rule ${f.rule}`,
          `  ${f.doc}`,
          `  ${e.sentence.original}`,
          `  period: ${f.period ?? '—'}  place: ${f.place ?? '—'}${e.review ? `  (already: ${e.review.verdict})` : ''}`,
          'correct? [c]orrect / [w]rong / [s]kip / [q]uit (a note may follow): ',
        ].join('\n'),
      );
      const next = await lines.next();
      if (next.done) break;
      const answer = String(next.value).trim();
      const [word, ...rest] = answer.split(/\s+/);
      if (/^q/i.test(word)) break;
      const verdict = parseVerdict(word);
      if (!verdict) {
        skipped++;
        continue;
      }
      recordVerdict(store, f, verdict, rest.join(' ') || null, reviewer);
      recorded++;
    }
  } finally {
    rl.close();
  }
  return { recorded, skipped };
}

export function register(program: Command, setExit: SetExit): void {
  const review = program
    .command('review')
    .description('mark facts correct or wrong, in the terminal or from a JSONL file of verdicts; verdicts survive re-extraction')
    .option('--db <file>', 'database file (default db/newsfacts.sqlite)')
    .option('--file <verdicts>', 'JSONL: {"fact": id, "verdict": "correct"|"wrong", "note"?} or the fact identity instead of "fact"')
    .option('--rule <id>', 'review facts of this rule')
    .option('--type <type>', 'review facts of this type')
    .option('--lang <lang>', 'review facts in this language')
    .option('--n <n>', 'how many facts to review (random sample of unreviewed facts; default 20)')
    .option('--seed <seed>', 'random seed, to draw the same sample again')
    .option('--reviewer <name>', 'who gives the verdicts')
    .action(async (opts: { db?: string; file?: string; rule?: string; type?: string; lang?: string; n?: string; seed?: string; reviewer?: string }) => {
      const store = openStore(opts.db);
      try {
        if (opts.file) {
          const r = applyVerdictFile(store, opts.file, opts.reviewer);
          for (const e of r.errors) console.error(`${opts.file}:${e.line}: ${e.reason}`);
          console.log(`${r.recorded} verdict(s) recorded${r.errors.length ? `, ${r.errors.length} line(s) rejected` : ''}`);
          if (r.errors.length) setExit(1);
          return;
        }
        const facts = sampleFacts(store, {
          rule: opts.rule, type: opts.type, lang: opts.lang, n: positive(opts.n, '--n', 20),
          seed: opts.seed === undefined ? undefined : Number(opts.seed), unreviewed: true,
        });
        if (!facts.length) {
          console.log('nothing to review: no unreviewed facts match');
          return;
        }
        const r = await reviewInteractively(store, facts, opts.reviewer);
        console.log(`\n${r.recorded} verdict(s) recorded, ${r.skipped} skipped`);
      } finally {
        store.close();
      }
    });

  review
    .command('sample')
    .description('draw a random sample of facts for review (JSONL lines are a verdicts file to fill in)')
    .option('--db <file>', 'database file (default db/newsfacts.sqlite)')
    .option('--rule <id>', 'facts of this rule')
    .option('--type <type>', 'facts of this type')
    .option('--lang <lang>', 'facts in this language')
    .option('--n <n>', 'sample size (default 20)')
    .option('--seed <seed>', 'random seed, to draw the same sample again')
    .option('--unreviewed', 'only facts without a verdict')
    .option('--format <format>', 'table | jsonl', 'table')
    .action((local: Record<string, unknown>, cmd: Command) => {
      // `review` itself takes --db, --rule, --n, … and commander hands them to it wherever they stand: merge both.
      const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));
      const opts = { ...defined(cmd.parent?.opts() ?? {}), ...defined(local) } as {
        db?: string; rule?: string; type?: string; lang?: string; n?: string; seed?: string; unreviewed?: boolean; format: string;
      };
      if (!['table', 'jsonl'].includes(opts.format)) throw new UsageError(`unknown --format '${opts.format}' (table, jsonl)`);
      const seed = opts.seed === undefined ? undefined : Number(opts.seed);
      if (seed !== undefined && !Number.isFinite(seed)) throw new UsageError('--seed takes a number');
      const store = openStore(opts.db, { readonly: true });
      try {
        const facts = sampleFacts(store, {
          rule: opts.rule, type: opts.type, lang: opts.lang, n: positive(opts.n, '--n', 20), seed, unreviewed: opts.unreviewed,
        });
        if (opts.format === 'jsonl') {
          for (const f of facts) {
            console.log(JSON.stringify({
              fact: f.id, doc: f.doc, type: f.type, value: f.value, unit: f.unit, start: f.start, end: f.end,
              rule: f.rule, evidence: f.evidence, sentence: f.sentence, verdict: null,
            }));
          }
        } else {
          process.stdout.write(formatRows(facts as any, ['id', 'doc', 'type', 'value', 'unit', 'qualifier', 'evidence', 'rule'], 'table'));
        }
      } finally {
        store.close();
      }
    });
}
