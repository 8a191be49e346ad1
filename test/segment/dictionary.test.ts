import { readFileSync } from 'node:fs';
import nodejieba from 'nodejieba';
import { compactDictionaryLines, dictionaryLabel } from '../../src/segment/dictionary.js';
import { jiebaFor, wordBoundaries } from '../../src/segment/index.js';
import { loadRuleSet } from '../../src/extract/rules.js';

const FULL = readFileSync((nodejieba as unknown as { DEFAULT_DICT: string }).DEFAULT_DICT, 'utf8');

describe('compact jieba dictionary', () => {
  const kept = compactDictionaryLines(FULL, ['贷款', '创业']);
  const words = new Map(kept.map((l) => [l.split(' ')[0], l]));

  test('keeps common words, place names and words holding a trigger; drops rare other words', () => {
    expect(words.has('发放')).toBe(true); // common
    expect(words.has('沐川')).toBe(true); // a rare nz name (沐川县)
    expect(words.has('乌鲁木齐')).toBe(true); // ns
    expect(words.has('贷款人')).toBe(true); // holds the trigger 贷款: it must still cut as one word
    expect(words.has('沐剑屏')).toBe(false); // a rare idiom-tagged name with nothing to do with the rules
    expect(kept.length).toBeGreaterThan(40000);
    expect(kept.length).toBeLessThan(80000); // of 349,000: the point is memory
    // Lines are kept whole (word, frequency, tag), as jieba reads them.
    expect(words.get('发放')).toMatch(/^发放 \d+ \w+$/);
  });

  test('the pipeline version names the dictionary', () => {
    expect(dictionaryLabel()).toMatch(/^compact-\d+-f\d+$/);
  });

  test('cuts rule sentences as before: trigger words whole, a longer dictionary word not split', () => {
    const { segmenter } = loadRuleSet();
    const text = '今年发放创业担保贷款1.1亿元，向贷款人收取利息。';
    const b = wordBoundaries(text, 'zh-Hans', segmenter);
    const at = (w: string) => text.indexOf(w);
    expect(b.has(at('创业担保贷款')) && b.has(at('创业担保贷款') + 6)).toBe(true);
    expect(b.has(at('贷款人') + 2)).toBe(false); // 贷款|人 is not cut: 贷款人 is one word
    expect(jiebaFor(segmenter).cut('返乡农民工创业')).toEqual(['返乡', '农民工', '创业']);
  });
});
