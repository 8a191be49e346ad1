/**
 * The real-news phrases of issue 15's kinds (`test/fixtures/numbers/news-kinds.jsonl`, written for this project):
 * ranges, vague magnitudes, spoken money, suffixes, signs, halves, elided forms, Vietnamese words, currency codes,
 * separators, pairs. One phrase a line with the quantity it must yield; `npm run eval:numbers` scores them beside
 * Recognizers-Text and the test suite requires every one.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Quantity } from '../src/quantities/types.js';
import type { Qualifier, RuleLang } from '../src/types.js';

export interface NewsKindCase {
  /** range, vague, money_spoken, suffix, sign, half, elided, vi_words, currency_prefix, separators, pairs */
  kind: string;
  lang: RuleLang;
  text: string;
  value: number;
  unit: string | null;
  qualifier: Qualifier;
  range?: [number, number];
  /** The span a vague amount allows (`vagueRange`). */
  vague?: [number, number];
}

export function loadNewsKinds(repoRoot: string): NewsKindCase[] {
  const file = path.join(repoRoot, 'test/fixtures/numbers/news-kinds.jsonl');
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line, i) => {
      try {
        return JSON.parse(line) as NewsKindCase;
      } catch (e) {
        throw new Error(`${file}:${i + 1}: ${(e as Error).message}`);
      }
    });
}

export const close = (a: number, b: number) => a === b || Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));
const samePair = (a: [number, number] | undefined, b: [number, number] | undefined) => !b || (!!a && close(a[0], b[0]) && close(a[1], b[1]));

/** The quantity that states the case's value, unit, qualifier, range and vague span, if one does. */
export function matchingQuantity(quantities: Quantity[], c: NewsKindCase): Quantity | undefined {
  return quantities.find((q) => close(q.value, c.value) && q.unit === c.unit && q.qualifier === c.qualifier && samePair(q.range, c.range) && samePair(q.vagueRange, c.vague));
}
