/**
 * The document's country and the currency of a bare 元 (issue 13, pattern 5). Sentences written for this test.
 */
import { documentCountry, loadCountrySpec } from '../../src/resolve/country.js';
import { loadRuleSet } from '../../src/extract/rules.js';
import { extractFromText } from '../../src/pipeline.js';
import { normalizeQuery } from '../../src/normalize/normalize.js';
import type { Lang } from '../../src/types.js';

const spec = loadCountrySpec();
const ruleSet = loadRuleSet();

function money(text: string) {
  return extractFromText(text, ruleSet)
    .filter((f) => !['person', 'person_time', 'enterprise', 'household', 'project'].includes(f.unit))
    .map((f) => ({ value: f.value, unit: f.unit }));
}

describe('countries.yaml examples', () => {
  spec.examples.forEach((ex, i) => {
    test(`#${i + 1} ${ex.country}: ${ex.text}`, () => {
      expect(documentCountry(normalizeQuery(ex.text), ex.lang as Lang, ex.url ? { url: ex.url } : null, spec).country).toBe(ex.country);
    });
  });
  test('the rule set carries the cues and their hash is part of its version', () => {
    expect(ruleSet.countries?.cues.length).toBe(spec.cues.length);
  });
});

describe('documentCountry', () => {
  test('gives the decisive words with offsets into the text', () => {
    const text = normalizeQuery('行政院會今天通過，明年起補助彰化縣與雲林縣農民，總額新台幣8億元。');
    const d = documentCountry(text, 'zh-Hant', null, spec);
    expect(d.country).toBe('TW');
    expect(d.by).toBe('cues');
    expect(d.currency).toBe('TWD');
    const words = d.evidence.map((c) => c.word);
    expect(words).toEqual(expect.arrayContaining(['行政院', '彰化县', '云林县', '新台币']));
    for (const c of d.evidence) expect(text.slice(c.start!, c.end!)).toBe(c.word);
    // 台币 inside 新台币 counts once.
    expect(words).not.toContain('台币');
  });
  test('a declaration settles it against other cues', () => {
    const d = documentCountry(normalizeQuery('香港商報訊 廣東省去年向小微企業發放貸款120億元(人民幣，下同)，香港銀行亦參與。'), 'zh-Hant', null, spec);
    expect(d).toMatchObject({ country: 'CN', by: 'declaration', currency: 'CNY' });
  });
  test('a country domain counts as a cue', () => {
    const d = documentCountry(normalizeQuery('市府今天公布，青創貸款上限提高到300萬元。'), 'zh-Hans', { url: 'https://news.example.gov.tw/a/1' }, spec);
    expect(d.evidence.some((c) => c.start === null && c.country === 'TW')).toBe(true);
  });
  test('a mainland story mentioning Taiwan once stays mainland', () => {
    const d = documentCountry(normalizeQuery('县人社局表示，今年为台湾青年来县创业提供补贴资金300万元，带动就业120人。'), 'zh-Hans', null, spec);
    expect(d.country).toBe('CN');
  });
});

describe('a bare 元 takes the document currency', () => {
  test('zh-Hant Taiwan story: TWD', () => {
    expect(money('勞動部勞動力發展署表示，今年編列補助經費3億元，協助各縣市政府辦理失業者職業訓練，台中市獲配最多。')).toContainEqual({ value: 300000000, unit: 'TWD' });
  });
  test('zh-Hans written Taiwan story: TWD', () => {
    expect(money('台北市政府今天宣布，今年共发放青年创业贷款3.5亿元，高雄市也将跟进。')).toContainEqual({ value: 350000000, unit: 'TWD' });
  });
  test('ROC year alone makes it Taiwan', () => {
    expect(money('縣府表示，110年度共發放創業貸款2500萬元，協助青年返鄉創業。')).toContainEqual({ value: 25000000, unit: 'TWD' });
  });
  test('an explicit 人民币 in a Taiwan story stays CNY', () => {
    const got = money('經濟部指出，台商在大陸取得銀行貸款人民幣5億元，在台灣另獲貸款20億元，新北市廠區將擴建。');
    expect(got).toContainEqual({ value: 500000000, unit: 'CNY' });
    expect(got).toContainEqual({ value: 2000000000, unit: 'TWD' });
  });
  test('Hong Kong story: HKD', () => {
    expect(money('港府宣布向僱員再培訓局撥款10億元，特首表示立法會將盡快審議。')).toContainEqual({ value: 1000000000, unit: 'HKD' });
  });
  test('Macau story: MOP', () => {
    expect(money('澳門特區政府經濟局表示，今年向中小企業發放無息貸款共3億元，氹仔商戶亦可申請。')).toContainEqual({ value: 300000000, unit: 'MOP' });
  });
  test('mainland story in simplified characters: CNY', () => {
    expect(money('今年以来，全县共发放创业担保贷款2.3亿元，扶持返乡创业人员860人。')).toContainEqual({ value: 230000000, unit: 'CNY' });
  });
  test('mainland story reposted in traditional characters: CNY', () => {
    expect(money('湖南省人社廳表示，全省今年發放創業擔保貸款45億元，穩崗返還資金惠及企業1.2萬戶。')).toContainEqual({ value: 4500000000, unit: 'CNY' });
  });
  test('Vietnamese stays VND', () => {
    expect(money('Ngân hàng Chính sách xã hội tỉnh đã giải ngân cho vay 12 tỷ đồng cho 400 hộ nghèo ở Đài Loan.')).toEqual(
      expect.arrayContaining([{ value: 12000000000, unit: 'VND' }]),
    );
  });
});

describe('audit explain shows where a currency came from', () => {
  test('a Taiwan story: the document country and its cue words, with offsets into the original page', async () => {
    const { writeFileSync } = await import('node:fs');
    const path = (await import('node:path')).default;
    const { buildDb, tempDir } = await import('../audit/helpers.js');
    const { explainFact, formatExplanation } = await import('../../src/audit/explain.js');
    const page = path.join(tempDir('newsfacts-country-'), 'taiwan.txt');
    const original = '青年創業貸款加碼\n\n新北市政府今天宣布，今年共發放青年創業貸款3.5億元，協助1200名青年創業。行政院表示將持續補助各縣市。\n';
    writeFileSync(page, original);
    const db = await buildDb([page]);
    try {
      const f = db.store.facts().find((x) => x.type === 'loan_amount')!;
      expect(f).toMatchObject({ value: 350000000, unit: 'TWD' });
      const e = explainFact(db.store, f.id, db.ruleSet);
      expect(e.currency).toMatchObject({ unit: 'TWD', from: 'document', country: 'TW', by: 'cues' });
      const words = e.currency!.cues.map((c) => c.original);
      expect(words).toEqual(expect.arrayContaining(['新北市', '行政院']));
      for (const c of e.currency!.cues) expect(original.slice(c.start!, c.end!)).toBe(c.original);
      expect(formatExplanation(e)).toMatch(/currency: TWD from the document country TW \(cues: .*行政院@\d+ TW \+4/);
    } finally {
      db.store.close();
    }
  });
});
