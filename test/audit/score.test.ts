/**
 * The two ways `score` pairs stored facts with gold facts: by mention (each stored fact with at most one gold fact)
 * and by unique key (document, type, unit, value), the way the eval folder's README scores.
 */
import { score, type GoldFact, type PredictedFact } from '../../src/audit/gold.js';

// A page that states 200万元 of loans in its headline and again in its body, and 1.1亿元 of funding once; the reader
// recorded the loan once.
const gold: GoldFact[] = [
  { doc: 'a', type: 'loan_amount', value: 2_000_000, unit: 'CNY', evidence: '发放创业担保贷款200万元' },
  { doc: 'a', type: 'funding_amount', value: 110_000_000, unit: 'CNY', evidence: '投入资金1.1亿元' },
];
const stored: PredictedFact[] = [
  { doc: 'a', type: 'loan_amount', value: 2_000_000, unit: 'CNY', evidence: '贷款200万元' },
  { doc: 'a', type: 'loan_amount', value: 2_000_000, unit: 'CNY', evidence: '发放创业担保贷款200万元' },
  { doc: 'a', type: 'headcount', value: 300, unit: 'person', evidence: '与会代表300人' },
];

test('by mention, the second mention of a figure the gold records once is a false positive', () => {
  const r = score(stored, gold);
  expect(r.overall).toMatchObject({ tp: 1, fp: 2, fn: 1 });
  // the body mention, whose words overlap the gold's evidence most, is the one matched
  expect(r.matches[0].predicted.evidence).toBe('发放创业担保贷款200万元');
});

test('by unique key, a repeated mention neither helps nor hurts; a wrong figure still does', () => {
  const r = score(stored, gold, (d) => d, { match: 'key' });
  expect(r.overall).toMatchObject({ tp: 1, fp: 1, fn: 1 });
  expect(r.falsePositives.map((f) => f.value)).toEqual([300]);
  expect(r.falseNegatives.map((f) => f.value)).toEqual([110_000_000]);
});

test('by unique key, a gold file listing one key twice needs it found only once', () => {
  const r = score(stored.slice(0, 1), [gold[0], gold[0]], (d) => d, { match: 'key' });
  expect(r.overall).toMatchObject({ tp: 1, fp: 0, fn: 0, recall: 1 });
});
