/**
 * Scoring facts against gold facts (the JSONL format of the annotation guidelines). A prediction matches a gold fact
 * of the same document, type and unit whose value is within 0.5 %; where one document states the same value twice,
 * the pair whose evidence texts overlap most is taken first, so each gold fact is matched at most once.
 *
 * Two ways to count (`ScoreOptions.match`): `mention` pairs every stored fact with at most one gold fact, so a figure
 * stored twice where the gold records it once is one false positive; `key` scores unique keys (document, type, unit,
 * value) on both sides, which is how the eval folder's README scores (`../shared/eval/facts/README.md`: "unique
 * keys") — a repeated mention then neither helps nor hurts.
 */
import { readFileSync } from 'node:fs';

export interface GoldFact {
  doc: string;
  type: string;
  value: number;
  value_max?: number | null;
  unit: string;
  qualifier?: string;
  evidence?: string;
  period?: string | null;
  place?: string | null;
}

export interface PredictedFact {
  doc: string;
  type: string;
  value: number;
  unit: string;
  evidence?: string;
  rule?: string;
  lang?: string;
  sentence?: string;
  id?: number;
}

export interface Counts {
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
}

export interface ScoreResult {
  overall: Counts;
  byType: Record<string, Counts>;
  byRule: Record<string, Counts>;
  byLang: Record<string, Counts>;
  falsePositives: PredictedFact[];
  falseNegatives: GoldFact[];
  matches: Array<{ gold: GoldFact; predicted: PredictedFact }>;
}

export function readGold(file: string): GoldFact[] {
  const out: GoldFact[] = [];
  readFileSync(file, 'utf8')
    .split('\n')
    .forEach((line, i) => {
      if (!line.trim()) return;
      try {
        out.push(JSON.parse(line));
      } catch (err: any) {
        throw new Error(`${file}:${i + 1}: not valid JSON: ${err.message}`);
      }
    });
  return out;
}

export function valuesMatch(a: number, b: number): boolean {
  if (a === b) return true;
  return Math.abs(a - b) <= 0.005 * Math.max(Math.abs(a), Math.abs(b));
}

/** Characters two evidence strings share, as a cheap overlap measure. */
function overlap(a = '', b = ''): number {
  const set = new Set(a);
  let n = 0;
  for (const ch of b) if (set.has(ch)) n++;
  return n;
}

function counts(tp: number, fp: number, fn: number): Counts {
  const precision = tp + fp ? tp / (tp + fp) : 1;
  const recall = tp + fn ? tp / (tp + fn) : 1;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { tp, fp, fn, precision, recall, f1 };
}

/**
 * `docKey` maps a document name of either side to a common key (gold may name `zh01` where the store has
 * `../shared/eval/facts/articles/zh01.html`).
 */
export interface ScoreOptions {
  /** The language of a gold fact's document, so that missed facts count in per-language recall. */
  goldLang?: (g: GoldFact) => string | undefined;
  /** `mention` (default) or `key`: see the module comment. */
  match?: 'mention' | 'key';
}

/** The first fact of each (document, type, unit, value) key, in the order given. */
function uniqueByKey<T extends { doc: string; type: string; unit: string; value: number }>(
  facts: T[],
  docKey: (doc: string) => string,
): T[] {
  const seen = new Set<string>();
  return facts.filter((f) => {
    const key = [docKey(f.doc), f.type, f.unit, f.value].join('\u0000');
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function score(
  allPredicted: PredictedFact[],
  allGold: GoldFact[],
  docKey: (doc: string) => string = (d) => d,
  opts: ScoreOptions = {},
): ScoreResult {
  const byKey = opts.match === 'key';
  const predicted = byKey ? uniqueByKey(allPredicted, docKey) : allPredicted;
  const gold = byKey ? uniqueByKey(allGold, docKey) : allGold;
  const pairs: Array<{ p: number; g: number; ov: number }> = [];
  for (let p = 0; p < predicted.length; p++) {
    for (let g = 0; g < gold.length; g++) {
      const a = predicted[p];
      const b = gold[g];
      if (docKey(a.doc) !== docKey(b.doc) || a.type !== b.type || a.unit !== b.unit || !valuesMatch(a.value, b.value)) continue;
      pairs.push({ p, g, ov: overlap(a.evidence, b.evidence) });
    }
  }
  pairs.sort((x, y) => y.ov - x.ov);
  const usedP = new Set<number>();
  const usedG = new Set<number>();
  const matches: ScoreResult['matches'] = [];
  for (const { p, g } of pairs) {
    if (usedP.has(p) || usedG.has(g)) continue;
    usedP.add(p);
    usedG.add(g);
    matches.push({ gold: gold[g], predicted: predicted[p] });
  }
  const falsePositives = predicted.filter((_, i) => !usedP.has(i));
  const falseNegatives = gold.filter((_, i) => !usedG.has(i));

  const group = (keyP: (p: PredictedFact) => string | undefined, keyG: ((g: GoldFact) => string | undefined) | null) => {
    const acc: Record<string, { tp: number; fp: number; fn: number }> = {};
    const get = (k: string) => (acc[k] ??= { tp: 0, fp: 0, fn: 0 });
    for (const m of matches) get(keyP(m.predicted) ?? '?').tp++;
    for (const p of falsePositives) get(keyP(p) ?? '?').fp++;
    if (keyG) for (const g of falseNegatives) get(keyG(g) ?? '?').fn++;
    const out: Record<string, Counts> = {};
    for (const [k, c] of Object.entries(acc)) out[k] = counts(c.tp, c.fp, c.fn);
    return out;
  };
  return {
    overall: counts(matches.length, falsePositives.length, falseNegatives.length),
    byType: group((p) => p.type, (g) => g.type),
    // A missed gold fact belongs to no rule: per-rule recall is not defined, only precision and hits.
    byRule: group((p) => p.rule, null),
    byLang: group((p) => p.lang, opts.goldLang ?? null),
    falsePositives,
    falseNegatives,
    matches,
  };
}
