/**
 * Generalization: hand-written sentences that no rule example and no seed contains (test/fixtures/sentences/), scored
 * with the gold matching rule (type, unit, value within 0.5 %) per language.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadRuleSet } from '../../src/extract/rules.js';
import { extractFromText } from '../../src/pipeline.js';
import { score, type GoldFact, type PredictedFact } from '../../src/audit/gold.js';

const ruleSet = loadRuleSet();

function run(set: string, lang: string) {
  const lines = readFileSync(path.join(process.cwd(), 'test/fixtures', set, `${lang}.jsonl`), 'utf8').split('\n').filter((l) => l.trim());
  const gold: GoldFact[] = [];
  const predicted: PredictedFact[] = [];
  lines.forEach((line, i) => {
    const s = JSON.parse(line) as { text: string; facts: GoldFact[] };
    const doc = `${lang}:${i + 1}`;
    for (const f of s.facts) gold.push({ ...f, doc });
    for (const f of extractFromText(s.text, ruleSet)) {
      predicted.push({ doc, type: f.type, value: f.value, unit: f.unit, evidence: f.evidence, rule: f.rule, sentence: s.text });
    }
  });
  return score(predicted, gold);
}

// Two sets written independently by two people (see each folder's README). Floors sit below what the rules reach
// today (README, "Measurements"), so that a regression fails the suite.
const FLOORS: Record<string, Record<string, { precision: number; recall: number }>> = {
  sentences: {
    'zh-Hans': { precision: 0.9, recall: 0.9 },
    'zh-Hant': { precision: 0.9, recall: 0.9 },
    vi: { precision: 0.9, recall: 0.85 },
    en: { precision: 0.85, recall: 0.85 },
  },
  'sentences-b': {
    'zh-Hans': { precision: 0.85, recall: 0.85 },
    'zh-Hant': { precision: 0.85, recall: 0.85 },
    vi: { precision: 0.85, recall: 0.85 },
  },
};

for (const [set, floors] of Object.entries(FLOORS)) for (const lang of Object.keys(floors)) {
  test(`${set}: ${lang}`, () => {
    const r = run(set, lang);
    const list = (xs: any[]) => xs.map((x) => `  ${x.type} ${x.value} ${x.unit} | ${x.evidence ?? ''} | ${x.sentence ?? ''}`).join('\n');
    console.log(
      `${set} ${lang}: P=${r.overall.precision.toFixed(3)} R=${r.overall.recall.toFixed(3)} F1=${r.overall.f1.toFixed(3)} ` +
        `(tp ${r.overall.tp}, fp ${r.overall.fp}, fn ${r.overall.fn})\nFP:\n${list(r.falsePositives)}\nFN:\n${list(r.falseNegatives)}`,
    );
    expect(r.overall.precision).toBeGreaterThanOrEqual(floors[lang].precision);
    expect(r.overall.recall).toBeGreaterThanOrEqual(floors[lang].recall);
  });
}
