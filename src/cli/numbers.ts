/**
 * `newsfacts numbers --lang zh|vi|en`: one JSON object per input line, `{"text": …, "quantities": […]}`, so a rule
 * author can see how a phrase is read. Reads standard input line by line and writes as it goes.
 */
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { UsageError, type SetExit } from './errors.js';
import { parseQuantities } from '../quantities/index.js';
import type { Quantity } from '../quantities/types.js';
import type { RuleLang } from '../types.js';

const LANGS: RuleLang[] = ['zh', 'vi', 'en'];

/** The CLI's snake_case view of a quantity. */
export function quantityJson(q: Quantity): Record<string, unknown> {
  const o: Record<string, unknown> = {
    start: q.start,
    end: q.end,
    text: q.text,
    value: q.value,
    value_text: q.valueText,
    unit: q.unit,
    unit_text: q.unitText,
    qualifier: q.qualifier,
    range: q.range ?? q.vagueRange ?? null,
    kind: q.kind,
  };
  if (q.qualifierStart !== undefined) {
    o.qualifier_start = q.qualifierStart;
    o.qualifier_end = q.qualifierEnd;
  }
  return o;
}

export function register(program: Command, _setExit: SetExit): void {
  program
    .command('numbers')
    .description('read lines on standard input and print the quantities found in each, one JSON object per line')
    .requiredOption('--lang <lang>', 'language of the text: zh (both scripts), vi or en')
    .action(async (opts: { lang: string }) => {
      const lang = opts.lang as RuleLang;
      if (!LANGS.includes(lang)) throw new UsageError(`--lang must be one of ${LANGS.join(', ')}, not "${opts.lang}"`);
      const rl = createInterface({ input: process.stdin, crlfDelay: Infinity });
      for await (const line of rl) {
        const quantities = parseQuantities(line, lang).map(quantityJson);
        process.stdout.write(JSON.stringify({ text: line, quantities }) + '\n');
      }
    });
}
