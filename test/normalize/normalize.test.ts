import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { TrackedText } from '../../src/offsets.js';
import { mojibakeSpans, type CleanDoc, type NormDoc, type PageMessage } from '../../src/types.js';
import { detectLanguage, findMojibake, normalize, normalizeQuery } from '../../src/normalize/normalize.js';
import { isPinyinNote, stripPinyinNotes } from '../../src/normalize/pinyin.js';
import { foldWidth } from '../../src/normalize/width.js';
import { collapseWhitespace } from '../../src/normalize/whitespace.js';
import { toNFC } from '../../src/normalize/unicode.js';
import { normalizeChinese } from '../../src/normalize/chinese.js';

const CORPUS = path.resolve(process.cwd(), 'corpus');
const seed = (prefix: string): string => {
  const name = readdirSync(CORPUS).find((f) => f.startsWith(prefix));
  if (!name) throw new Error(`no seed ${prefix}`);
  return readFileSync(path.join(CORPUS, name), 'utf8');
};
const docOf = (s: string): CleanDoc => ({
  text: TrackedText.fromOriginal(s),
  meta: { title: null, date: null, source: null, author: null },
});
/** The original substring behind the first occurrence of `needle` in the normalized text. */
const originalOf = (n: NormDoc | { text: TrackedText }, original: string, needle: string, from = 0): string => {
  const i = n.text.text.indexOf(needle, from);
  if (i < 0) throw new Error(`"${needle}" not in normalized text`);
  const [s, e] = n.text.toOriginal(i, i + needle.length);
  return original.slice(s, e);
};

describe('seed round trips', () => {
  test('seed 003 (traditional with pinyin notes): figures map back to the traditional original', () => {
    const original = seed('003');
    const n = normalize(docOf(original));
    expect(n.lang).toBe('zh-Hant');
    expect(n.text.text).toContain('带动2.03万余名农村劳动力');
    expect(originalOf(n, original, '2.03万余名')).toBe('2.03萬余名');
    expect(originalOf(n, original, '460万元')).toBe('460萬元');
    expect(originalOf(n, original, '乐山市')).toBe('樂山市');
    // Pinyin notes are gone and the word around a removed note spans the note in the original.
    expect(n.text.text).not.toMatch(/\(chuàng\)/);
    expect(originalOf(n, original, '返乡创业')).toBe('返鄉(xiāng)創(chuàng)業');
  });

  test('seed 002: 2亿元 and 2328万元 land on 2億元 and 2328萬元', () => {
    const original = seed('002');
    const n = normalize(docOf(original));
    expect(n.lang).toBe('zh-Hant');
    expect(originalOf(n, original, '2亿元')).toBe('2億元');
    expect(originalOf(n, original, '2328万元')).toBe('2328萬元');
    expect(n.text.text).toContain('大众创业');
  });

  test('every character of every seed maps to a range that the original holds', () => {
    for (const prefix of ['000', '001', '002', '003', '004']) {
      const original = seed(prefix);
      const n = normalize(docOf(original));
      const bad: string[] = [];
      for (let i = 0; i < n.text.length; i++) {
        const c = n.text.text[i];
        const [s, e] = n.text.toOriginal(i, i + 1);
        if (s < 0 || e > original.length || e < s) bad.push(`${prefix}@${i}: [${s}, ${e})`);
        // Digits and ASCII letters survive unchanged (or come from their full-width twins).
        else if (/[0-9A-Za-z]/.test(c) && foldIfWide(original.slice(s, e)) !== c) bad.push(`${prefix}@${i}: ${c}`);
      }
      expect(bad).toEqual([]);
    }
  });

  test('simplified seeds keep their words (no Taiwan phrase rewriting of 新增, 建立)', () => {
    const original = seed('001');
    const n = normalize(docOf(original));
    expect(n.lang).toBe('zh-Hans');
    expect(n.text.text).toContain('新增16条生产线');
    expect(n.text.text).toContain('453万元');
  });

  test('seed 004 (Vietnamese) keeps its text and figures', () => {
    const original = seed('004');
    const n = normalize(docOf(original));
    expect(n.lang).toBe('vi');
    expect(originalOf(n, original, '250 triệu đồng')).toBe('250 triệu đồng');
  });
});

function foldIfWide(s: string): string {
  return s.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

describe('language detection', () => {
  test.each([
    ['000', 'zh-Hans'],
    ['001', 'zh-Hans'],
    ['002', 'zh-Hant'],
    ['003', 'zh-Hant'],
    ['004', 'vi'],
  ])('seed %s is %s', (prefix, lang) => {
    expect(detectLanguage(seed(prefix))).toBe(lang);
  });

  test('short texts of each kind', () => {
    expect(detectLanguage('The rural bank lent $2 million to 300 farmers last year.')).toBe('en');
    expect(detectLanguage('Ngân hàng đã cho 1.500 hộ vay 250 triệu đồng.'.normalize('NFD'))).toBe('vi');
    expect(detectLanguage('全縣發放創業擔保貸款3億元,幫扶2萬人就業。')).toBe('zh-Hant');
    expect(detectLanguage('全县发放创业担保贷款3亿元,帮扶2万人就业。')).toBe('zh-Hans');
  });
});

describe('pinyin notes', () => {
  const strip = (s: string) => stripPinyinNotes(TrackedText.fromOriginal(s)).text;

  test('converter notes after Han characters go, with tone marks or digits', () => {
    expect(strip('大眾創(chuàng)業(yè) 萬眾創新')).toBe('大眾創業 萬眾創新');
    expect(strip('城鄉(xiāng)婦女')).toBe('城鄉婦女');
    expect(strip('創(chuang4)業(ye4)')).toBe('創業');
    expect(strip('創業(chuàngyè)')).toBe('創業');
  });

  test('acronyms, years, Chinese asides and plain English stay', () => {
    for (const s of [
      '青年創業計劃(SYE)',
      '發放貸款(2017)',
      '涉農涉小(含家庭工业)贷款',
      '实现就业(其中吸纳贫困劳动者就业1578余人)',
      '项目(an)',
      '(chuàng)開頭',
      'word (chuàng)',
    ]) {
      expect(strip(s)).toBe(s);
    }
    expect(isPinyinNote('she')).toBe(false);
    expect(isPinyinNote('xiāng')).toBe(true);
  });

  test('offsets after a removed note stay exact', () => {
    const s = '創(chuàng)業貸款460萬元';
    const t = stripPinyinNotes(TrackedText.fromOriginal(s));
    const i = t.text.indexOf('460');
    expect(s.slice(...t.toOriginal(i, i + 4))).toBe('460萬');
  });
});

describe('width, NFC, whitespace', () => {
  test('full-width digits, letters and punctuation fold one to one; 、 and 。 stay', () => {
    const s = '共计１２３万元，ＳＹＥ项目（试点）、完成。';
    const t = foldWidth(TrackedText.fromOriginal(s));
    expect(t.text).toBe('共计123万元,SYE项目(试点)、完成。');
    const i = t.text.indexOf('123万元');
    expect(s.slice(...t.toOriginal(i, i + 5))).toBe('１２３万元');
  });

  test('decomposed Vietnamese composes and maps to the range of its parts', () => {
    const composed = 'Hải Phòng hỗ trợ 250 triệu đồng cho 1.500 học viên.';
    const original = `Tin: ${composed.normalize('NFD')}`;
    const t = toNFC(TrackedText.fromOriginal(original));
    expect(t.text).toBe(`Tin: ${composed}`);
    const i = t.text.indexOf('250 triệu đồng');
    expect(original.slice(...t.toOriginal(i, i + '250 triệu đồng'.length))).toBe('250 triệu đồng'.normalize('NFD'));
    const o = t.text.indexOf('ồ');
    expect(original.slice(...t.toOriginal(o, o + 1))).toBe('ồ'.normalize('NFD'));
  });

  test('whitespace collapses, lines trim, blank lines go, offsets stay', () => {
    const s = '  标题 \r\n\r\n\t正文  第一句\u3000\u00A0第二句 \n\n\n 结尾\u200B。 ';
    const t = collapseWhitespace(foldWidth(TrackedText.fromOriginal(s)));
    expect(t.text).toBe('标题\n正文 第一句 第二句\n结尾。');
    const i = t.text.indexOf('第二句');
    expect(s.slice(...t.toOriginal(i, i + 3))).toBe('第二句');
  });
});

describe('traditional → simplified with alignment', () => {
  test('phrase conversion changes length and the text after it still maps exactly', () => {
    const s = '台灣網際網路公司的軟體收入達１２３萬元。';
    const n = normalize(docOf(s));
    expect(n.text.text).toBe('台湾互联网公司的软件收入达123万元。');
    expect(originalOf(n, s, '互联网')).toBe('網際網路');
    expect(originalOf(n, s, '软件')).toBe('軟體');
    expect(originalOf(n, s, '公司')).toBe('公司');
    expect(originalOf(n, s, '123万元')).toBe('１２３萬元');
    expect(originalOf(n, s, '。')).toBe('。');
  });

  test('Hong Kong variants convert; simplified words are left alone', () => {
    expect(normalizeChinese(TrackedText.fromOriginal('衞生署僱員'), 'zh-Hant').text).toBe('卫生署雇员');
    const simplified = '取得显著成效,新增企业12家,建立文件制度。';
    expect(normalizeChinese(TrackedText.fromOriginal(simplified), 'zh-Hans').text).toBe(simplified);
    expect(normalizeChinese(TrackedText.fromOriginal('新增企業12家'), 'zh-Hant').text).toBe('新增企业12家');
  });

  // Speed is measured by `npm run bench`, not asserted here: timed tests flake on a shared machine.
});

describe('normalizeQuery', () => {
  test('t→s, width, NFC and spaces for short strings', () => {
    expect(normalizeQuery('創業擔保貸款')).toBe('创业担保贷款');
    expect(normalizeQuery('網際網路')).toBe('互联网');
    expect(normalizeQuery('  １２３　萬元 ')).toBe('123 万元');
    expect(normalizeQuery('Ha\u0309i Pho\u0300ng')).toBe('Hải Phòng');
    expect(normalizeQuery('樂山市')).toBe('乐山市');
    expect(normalizeQuery('loan')).toBe('loan');
  });
});

describe('mojibake', () => {
  test('seed 003 has one flag, over 擔?;鸬娘L險, and none over its figures', () => {
    const original = seed('003');
    const messages: PageMessage[] = [];
    const n = normalize(docOf(original), messages);
    const flags = mojibakeSpans(messages);
    expect(flags).toHaveLength(1);
    expect(messages[0]).toMatchObject({ stage: 'normalize', severity: 'info', kind: 'mojibake' });
    const [s, e] = n.text.toOriginal(flags[0].start, flags[0].end);
    expect(original.slice(s, e)).toContain('?;鸬娘L');
    const fig = n.text.text.indexOf('460万元');
    expect(flags.some((f) => f.start < fig + 5 && fig < f.end)).toBe(false);
  });

  test.each(['000', '001', '002', '004'])('clean seed %s has no flag', (prefix) => {
    const messages: PageMessage[] = [];
    normalize(docOf(seed(prefix)), messages);
    expect(messages).toEqual([]);
  });

  test('ordinary questions, names and emphasis are not flagged', () => {
    for (const s of ['你好吗?我们很好。', '为什么???他说', '是不是很尴尬?大家', '绮梦璇玑txt', '好?!真的', '怎么办?)']) {
      expect(findMojibake(s)).toEqual([]);
    }
  });

  test('classic patterns are flagged', () => {
    const utf8AsGbk = iconv.decode(Buffer.from('农村劳动力返乡创业担保贷款政策', 'utf8'), 'gbk');
    expect(findMojibake(`正文:${utf8AsGbk}。`).length).toBeGreaterThan(0);
    expect(findMojibake('标题锟斤拷锟斤拷正文')).toEqual([{ kind: 'mojibake', start: 2, end: 8 }]);
    expect(findMojibake('CafÃ© au lait')).toHaveLength(1);
    expect(findMojibake('Viá»‡t Nam')).toHaveLength(1);
    expect(findMojibake('giá” và')).toEqual([]);
    expect(findMojibake('贷款\uFFFD\uFFFD万元')).toHaveLength(1);
  });
});
