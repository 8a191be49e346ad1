/**
 * Every `resolve.examples` entry of every `_language.yaml`: the sentence is extracted (with its page's date) and its
 * first fact must resolve to what the example states.
 */
import { describe, expect, test } from '@jest/globals';
import { extractFromText } from '../../src/pipeline.js';
import { loadRuleSet } from '../../src/extract/rules.js';

const set = loadRuleSet();
const cases = [...set.languages.values()].flatMap((l) => (l.resolve?.examples ?? []).map((e) => ({ lang: l.language, ...e })));

describe('resolve examples in extractors/*/_language.yaml', () => {
  test('there are examples for Chinese and Vietnamese', () => {
    expect(cases.filter((c) => c.lang === 'zh').length).toBeGreaterThan(10);
    expect(cases.filter((c) => c.lang === 'vi').length).toBeGreaterThan(5);
  });
  test.each(cases.map((c) => [c.text, c]))('%s', (_text, c) => {
    const facts = extractFromText(c.text, set, { published: c.published ?? null });
    expect(facts.length).toBeGreaterThan(0);
    const f = facts[0];
    if (c.period !== undefined) expect([f.periodStart, f.periodEnd]).toEqual(c.period ?? [null, null]);
    if (c.modality !== undefined) expect(f.modality).toBe(c.modality);
    if (c.cumulative !== undefined) expect(f.cumulative).toBe(c.cumulative);
    if (c.province_code !== undefined) expect(f.provinceCode).toBe(c.province_code);
    if (c.country !== undefined) expect(f.country).toBe(c.country);
  });
});
