/**
 * Chinese general news (money precision), on sentences written for this test: what the candidate stage passes over
 * (`extractors/zh/_not_facts.yaml`) and what stays a fact — tax relief, negative numbers.
 */
import { loadRuleSet } from '../../src/extract/rules.js';
import type { FigureTrace } from '../../src/extract/engine.js';
import { extractFromText } from '../../src/pipeline.js';
import { parseQuantities } from '../../src/quantities/index.js';

const ruleSet = loadRuleSet();

function run(text: string) {
  const traces: FigureTrace[] = [];
  const facts = extractFromText(text, ruleSet, { trace: (t) => traces.push(t) });
  return { facts: facts.map((f) => ({ type: f.type, value: f.value, unit: f.unit })), traces };
}

/** No fact from the text, and the figure was passed over by this decision. */
function passedBy(text: string, figure: string, decision: string) {
  const { facts, traces } = run(text);
  const t = traces.find((x) => x.text.includes(figure));
  expect(t).toBeDefined();
  expect(t!.passed?.decision).toBe(decision);
  expect(facts).toEqual([]);
}

function keeps(text: string, fact: { type: string; value: number; unit: string }) {
  expect(run(text).facts).toContainEqual(expect.objectContaining(fact));
}

describe('zh: tax relief and negative numbers', () => {
  test('负 that ends a word is no minus sign', () => {
    expect(parseQuantities('今年将为企业减负300亿元', 'zh').map((q) => q.value)).toEqual([30000000000]);
    expect(parseQuantities('兩隊勝負3分', 'zh').map((q) => q.value)).toContain(3);
    expect(parseQuantities('增速为负2.5%', 'zh').map((q) => q.value)).toEqual([-2.5]);
  });
  test('tax relief is neither revenue nor funding', () => {
    passedBy('预计明年将为纳税人减负约260亿元。', '260亿元', 'tax_relief');
    passedBy('相关优惠政策实施三年来累计减免税款48亿元。', '48亿元', 'tax_relief');
    passedBy('去年稅務機關共為出口企業辦理退稅9億元。', '9亿元', 'tax_relief');
    keeps('该区上半年完成税收收入15亿元。', { type: 'revenue_amount', value: 1500000000, unit: 'CNY' });
  });
  test('a negative number is never a fact', () => {
    const { facts, traces } = run('该公司去年营业收入为负3000万元。');
    expect(facts).toEqual([]);
    expect(traces.find((t) => t.text.includes('3000'))?.passed?.decision).toBe('negative');
  });
});
