/**
 * English general news (precision): a trigger word takes an inflection, never a derivation — `invest` is no trigger
 * inside `investor` or `investigators`, `fund` none inside `fundamental`, `support` none inside `supporters`. The
 * candidate stage's English decisions are tested by their own examples (extractors/en/_not_facts.yaml).
 */
import { WordMatcher } from '../../src/extract/matching.js';
import { loadRuleSet } from '../../src/extract/rules.js';
import { extractFromText } from '../../src/pipeline.js';

const ruleSet = loadRuleSet();

describe('English trigger edges', () => {
  const m = new WordMatcher('en');
  const edge = (text: string, word: string) => {
    const at = text.indexOf(word);
    return m.triggerEdge(text, at, at + word.length);
  };
  test.each([
    ['the loans were repaid', 'loan'],
    ['the firm funded it', 'fund'],
    ['the bank is lending', 'lend'],
    ['it invested heavily', 'invest'],
    ['the firm’s staff', 'firm'],
    ['the workers’ union', 'workers'],
  ])('%s: %s takes its inflection', (text, word) => expect(edge(text, word)).toBe(true));
  test.each([
    ['its largest investor', 'invest'],
    ['lawyers and investigators', 'invest'],
    ['a fundamental change', 'fund'],
    ['the supporters gathered', 'support'],
    ['a bowl of lentils', 'lent'],
  ])('%s: %s is no trigger inside a longer word', (text, word) => expect(edge(text, word)).toBe(false));
  test('Vietnamese syllables still stand whole', () => {
    const vi = new WordMatcher('vi');
    expect(vi.triggerEdge('cho vayx', 4, 7)).toBe(false);
    expect(vi.triggerEdge('cho vay vốn', 4, 7)).toBe(true);
  });
});

describe('English sentences', () => {
  const facts = (text: string) => extractFromText(text, ruleSet).map((f) => `${f.type} ${f.value} ${f.unit}`);
  test('an investor is no investment by the government', () => {
    expect(facts('The mayor met the investor behind the $30 million tower.')).toEqual([]);
  });
  test('a programme that invested in training is funding', () => {
    expect(facts('The county invested $2 million in vocational training.')).toEqual(['funding_amount 2000000 USD']);
  });
});
