/**
 * Generalization: hand-written sentences that no rule example and no seed contains (test/fixtures/sentences/), scored
 * with the gold matching rule (type, unit, value within 0.5 %) per language.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { loadRuleSet } from '../../src/extract/rules.js';
import { extractFromText } from '../../src/pipeline.js';
import { score, type GoldFact, type PredictedFact } from '../../src/audit/gold.js';

const dir = path.join(process.cwd(), 'test/fixtures/sentences');
const ruleSet = loadRuleSet();

function run(lang: string) {
  const lines = readFileSync(path.join(dir, `${lang}.jsonl`), 'utf8').split('\n').filter((l) => l.trim());
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

// Floors well below what the rules reach today (see README), so a regression fails the suite.
const FLOORS: Record<string, { precision: number; recall: number }> = {
  'zh-Hans': { precision: 0.8, recall: 0.7 },
  'zh-Hant': { precision: 0.8, recall: 0.7 },
  vi: { precision: 0.8, recall: 0.7 },
  en: { precision: 0.7, recall: 0.6 },
};

for (const lang of Object.keys(FLOORS)) {
  test(`held-out ${lang} sentences`, () => {
    const r = run(lang);
    const list = (xs: any[]) => xs.map((x) => `  ${x.type} ${x.value} ${x.unit} | ${x.evidence ?? ''} | ${x.sentence ?? ''}`).join('\n');
    console.log(
      `${lang}: P=${r.overall.precision.toFixed(3)} R=${r.overall.recall.toFixed(3)} F1=${r.overall.f1.toFixed(3)} ` +
        `(tp ${r.overall.tp}, fp ${r.overall.fp}, fn ${r.overall.fn})\nFP:\n${list(r.falsePositives)}\nFN:\n${list(r.falseNegatives)}`,
    );
    expect(r.overall.precision).toBeGreaterThanOrEqual(FLOORS[lang].precision);
    expect(r.overall.recall).toBeGreaterThanOrEqual(FLOORS[lang].recall);
  });
}
