import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { TrackedText } from '../../src/offsets.js';
import { findMojibake, normalize } from '../../src/normalize/normalize.js';
import { jest } from '@jest/globals';
import nodejieba from 'nodejieba';
import { clauses, isWholeWord, LazyWordBoundaries, makeSegmenter, sentenceAt, splitSentences, wordBoundaries, words } from '../../src/segment/index.js';
import { mojibakeSpans, type Lang, type PageMessage } from '../../src/types.js';

/** A segmenter that teaches jieba nothing: its own dictionary's cuts. */
const plain = makeSegmenter([]);
const texts = (text: string, lang: Lang) => splitSentences(text, lang).map((s) => text.slice(s.start, s.end));

describe('sentences', () => {
  test('Chinese: 。！？；!?; and line breaks, not inside numbers', () => {
    const t = '全县发放贷款1.1亿元。培训6千人次!他问:“行吗?”是的;完成\n第二段 没有句号';
    expect(texts(t, 'zh-Hans')).toEqual(['全县发放贷款1.1亿元。', '培训6千人次!', '他问:“行吗?”', '是的;', '完成', '第二段 没有句号']);
  });

  test('Vietnamese: numbers and abbreviations do not end a sentence', () => {
    const t = 'TP. Hải Phòng có 1.500 lao động được đào tạo. Kinh phí 1,5 tỷ đồng do Q. Lê Chân hỗ trợ. Ông A nói: "Tốt."\n- Dự án 2';
    expect(texts(t, 'vi')).toEqual([
      'TP. Hải Phòng có 1.500 lao động được đào tạo.',
      'Kinh phí 1,5 tỷ đồng do Q. Lê Chân hỗ trợ.',
      'Ông A nói: "Tốt."',
      '- Dự án 2',
    ]);
  });

  test('English: titles, No., initials and decimals', () => {
    const t = 'Mr. Smith of Acme Inc. lent $1.5 million. No. 3 branch trained 200 people! J. Doe agreed? Yes.';
    expect(texts(t, 'en')).toEqual([
      'Mr. Smith of Acme Inc. lent $1.5 million.',
      'No. 3 branch trained 200 people!',
      'J. Doe agreed?',
      'Yes.',
    ]);
  });

  test('a mojibake flag is never split', () => {
    const t = '建立担?;鸬娘L险补偿机制。发放460万元。';
    expect(splitSentences(t, 'zh-Hans').length).toBe(3);
    const flags = findMojibake(t);
    expect(flags).toHaveLength(1);
    expect(splitSentences(t, 'zh-Hans', flags).map((s) => t.slice(s.start, s.end))).toEqual([
      '建立担?;鸬娘L险补偿机制。',
      '发放460万元。',
    ]);
  });

  test('seed 003 normalized: the loan sentence stands alone, and sentenceAt finds it', () => {
    const dir = path.resolve(process.cwd(), 'corpus');
    const file = readdirSync(dir).find((f) => f.startsWith('003'))!;
    const messages: PageMessage[] = [];
    const n = normalize(
      {
        text: TrackedText.fromOriginal(readFileSync(path.join(dir, file), 'utf8')),
        meta: { title: null, date: null, source: null, author: null },
      },
      messages,
    );
    const sentences = splitSentences(n.text.text, n.lang, mojibakeSpans(messages));
    const at = n.text.text.indexOf('460万元');
    const s = sentenceAt(sentences, at)!;
    expect(n.text.text.slice(s.start, s.end)).toBe('2017年发放460万元返乡创业担保贷款。');
    const figure = n.text.text.indexOf('2.03万余名');
    expect(n.text.text.slice(sentenceAt(sentences, figure)!.start, figure)).toMatch(/^截至今年9月末,乐山市/);
  });
});

describe('word boundaries on demand', () => {
  test('LazyWordBoundaries answers as wordBoundaries at every position of every seed page', () => {
    const dir = path.resolve(process.cwd(), 'corpus');
    let compared = 0;
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.txt'))) {
      const n = normalize({
        text: TrackedText.fromOriginal(readFileSync(path.join(dir, file), 'utf8')),
        meta: { title: null, date: null, source: null, author: null },
      });
      const t = n.text.text;
      const whole = wordBoundaries(t, n.lang, plain);
      const lazy = new LazyWordBoundaries(t, n.lang, plain);
      const differ: number[] = [];
      for (let p = 0; p <= t.length; p++) if (whole.has(p) !== lazy.has(p)) differ.push(p);
      expect({ file, differ }).toEqual({ file, differ: [] });
      compared += t.length;
    }
    expect(compared).toBeGreaterThan(10000);
  });
});

describe('clauses', () => {
  test('split at clause punctuation, not inside 1,500 or 10:30', () => {
    const t = '全市培训1,500人次,发放贷款290万元;其中:女性占10:30比例。';
    expect(clauses(t, { start: 0, end: t.length }).map((c) => t.slice(c.start, c.end))).toEqual([
      '全市培训1,500人次,',
      '发放贷款290万元;',
      '其中:',
      '女性占10:30比例。',
    ]);
  });
});

describe('word boundaries', () => {
  test('Chinese: jieba words between Han characters, numbers kept whole', () => {
    const t = '2017年发放460万元返乡创业担保贷款。';
    const b = wordBoundaries(t, 'zh-Hans', plain);
    const loan = t.indexOf('贷款');
    expect(isWholeWord(b, loan, loan + 2)).toBe(true);
    expect(b.has(loan + 1)).toBe(false);
    const n = t.indexOf('460');
    expect([n + 1, n + 2].some((i) => b.has(i))).toBe(false);
    expect(b.has(n) && b.has(n + 3)).toBe(true);
    expect(words(t, 'zh-Hans', plain).map((w) => t.slice(w.start, w.end))).toContain('2017');
  });

  test('Vietnamese and English: spaces and punctuation', () => {
    const t = 'Hỗ trợ 250 triệu đồng, cho vay.';
    expect(words(t, 'vi', plain).map((w) => t.slice(w.start, w.end))).toEqual([
      'Hỗ', 'trợ', '250', 'triệu', 'đồng', ',', 'cho', 'vay', '.',
    ]);
    const e = 'The bank lent $2 million.';
    const b = wordBoundaries(e, 'en', plain);
    expect(isWholeWord(b, e.indexOf('lent'), e.indexOf('lent') + 4)).toBe(true);
    expect(isWholeWord(b, e.indexOf('len'), e.indexOf('len') + 3)).toBe(false);
  });

  test('the boundary memo is per document: a stretch is cut once however often it is asked about', () => {
    const t = '今年以来,长兴县新发展家庭工业2444户。全县发放创业担保贷款1.1亿元。';
    const lazy = new LazyWordBoundaries(t, 'zh-Hans', plain);
    const tag = jest.spyOn(nodejieba, 'tag');
    try {
      const loan = t.indexOf('贷款');
      const first = [lazy.has(loan), lazy.has(loan + 1), lazy.has(loan + 2)];
      expect(first).toEqual([true, false, true]);
      expect(tag).toHaveBeenCalledTimes(1);
      expect([lazy.has(loan), lazy.has(loan + 1), lazy.has(t.indexOf('发放'))]).toEqual([true, false, true]);
      expect(tag).toHaveBeenCalledTimes(1); // the same stretch: served from this document's memo
      lazy.has(t.indexOf('家庭') + 1); // another stretch
      expect(tag).toHaveBeenCalledTimes(2);
      // Another document's boundaries start with their own memo.
      new LazyWordBoundaries(t, 'zh-Hans', plain).has(loan);
      expect(tag).toHaveBeenCalledTimes(3);
    } finally {
      tag.mockRestore();
    }
  });
});
