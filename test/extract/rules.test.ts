/**
 * Every rule's own examples, run as tests (ESLint-style): a valid example must yield the listed facts from that rule,
 * an invalid one nothing from that rule. Other rules still compete for the figures, as in a real run.
 */
import { loadRuleSet } from '../../src/extract/rules.js';
import { extractFromText } from '../../src/pipeline.js';

const ruleSet = loadRuleSet();

describe('rule set', () => {
  test('loads rules for every language and fact type', () => {
    const langs = new Set(ruleSet.rules.map((r) => r.lang));
    expect([...langs].sort()).toEqual(['en', 'vi', 'zh']);
    for (const lang of ['zh', 'vi', 'en']) {
      const types = new Set(ruleSet.rules.filter((r) => r.lang === lang).map((r) => r.type));
      expect([...types].sort()).toEqual(
        ['enterprise_count', 'funding_amount', 'headcount', 'loan_amount', 'revenue_amount', 'trainee_count'],
      );
    }
  });
});

for (const rule of ruleSet.rules) {
  describe(`${rule.id} (${rule.file}:${rule.line})`, () => {
    const only = { onlyRules: new Set([rule.id]) };
    rule.examples.valid.forEach((ex, i) => {
      test(`valid #${i + 1}: ${ex.text}`, () => {
        const facts = extractFromText(ex.text, ruleSet, only);
        const got = facts.map((f) => ({ value: f.value, unit: f.unit, qualifier: f.qualifier, type: f.type }));
        for (const want of ex.facts ?? []) {
          expect(got).toContainEqual(
            expect.objectContaining({
              value: want.value,
              unit: want.unit,
              type: want.type ?? rule.type,
              ...(want.qualifier ? { qualifier: want.qualifier } : {}),
            }),
          );
        }
      });
    });
    rule.examples.invalid.forEach((ex, i) => {
      test(`invalid #${i + 1}: ${ex.text}`, () => {
        expect(extractFromText(ex.text, ruleSet, only)).toEqual([]);
      });
    });
  });
}
