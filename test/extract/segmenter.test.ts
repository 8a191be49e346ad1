/**
 * A rule set owns its segmenter: the words it keeps whole are in force for its own extraction, and no other rule set
 * loaded in the same process, before or after it, changes how its text is cut or what it finds.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as yaml from 'js-yaml';
import { loadRuleSet, type RuleSet } from '../../src/extract/rules.js';
import { extractFromText } from '../../src/pipeline.js';
import { wordBoundaries } from '../../src/segment/index.js';

const TEXT = '今年全县为返乡农民工发放贷款共计500万元。';
/** A word rule set B teaches jieba: it swallows both edges of the loan trigger 发放贷款 in TEXT. */
const SWALLOWING = '工发放贷款共';

/** The package's rules (A), and a copy (B) whose zh.headcount.employment also triggers on SWALLOWING. */
function ruleDirs(): { a: string; b: string } {
  const root = mkdtempSync(path.join(os.tmpdir(), 'newsfacts-segmenter-'));
  const a = path.join(root, 'a');
  const b = path.join(root, 'b');
  cpSync(path.resolve('extractors'), a, { recursive: true });
  cpSync(path.resolve('extractors'), b, { recursive: true });
  const file = path.join(b, 'zh', 'headcount.yaml');
  const doc: any = yaml.load(readFileSync(file, 'utf8'));
  doc.rules.find((r: any) => r.id === 'zh.headcount.employment').triggers.push(SWALLOWING);
  writeFileSync(file, yaml.dump(doc));
  return { a, b };
}

const facts = (set: RuleSet) => extractFromText(TEXT, set).map((f) => [f.rule, f.type, f.value, f.evidence]);
const cutsAround = (set: RuleSet) => {
  const b = wordBoundaries(TEXT, 'zh-Hans', set.segmenter);
  const at = TEXT.indexOf(SWALLOWING);
  return { start: b.has(at), inside: b.has(at + 1) || b.has(TEXT.indexOf('贷款')), end: b.has(at + SWALLOWING.length) };
};

describe('a rule set owns its segmenter', () => {
  const { a, b } = ruleDirs();

  test('two rule sets loaded in either order give the same facts and the same cuts', () => {
    // A, then B, then A again: B's word must not leak into A's cuts.
    const a1 = loadRuleSet(a, { fresh: true });
    const factsA = facts(a1);
    const b1 = loadRuleSet(b, { fresh: true });
    const factsB = facts(b1);
    expect(facts(a1)).toEqual(factsA);
    // B first, then A: fresh objects for the same folders.
    const b2 = loadRuleSet(b, { fresh: true });
    const a2 = loadRuleSet(a, { fresh: true });
    expect(facts(b2)).toEqual(factsB);
    expect(facts(a2)).toEqual(factsA);
    expect(facts(b1)).toEqual(factsB);
    // A finds the loan through 发放贷款, whatever B taught the process's jieba.
    expect(factsA).toContainEqual(['zh.loan_amount.lending', 'loan_amount', 5_000_000, expect.stringContaining('发放贷款')]);
    expect(factsB).not.toContainEqual(expect.arrayContaining(['loan_amount']));
  });

  test("a rule set's words are in force for its own cuts, without any teach call", () => {
    const setA = loadRuleSet(a, { fresh: true });
    const setB = loadRuleSet(b, { fresh: true });
    expect(setB.segmenter.words).toContain(SWALLOWING);
    expect(setA.segmenter.words).not.toContain(SWALLOWING);
    expect(cutsAround(setB)).toEqual({ start: true, inside: false, end: true });
    expect(cutsAround(setA)).toEqual({ start: false, inside: true, end: false });
    expect(cutsAround(setB)).toEqual({ start: true, inside: false, end: true });
  });
});
