/**
 * An amount stated again (`restated` of extractors/<lang>/_language.yaml, src/extract/engine.ts): a running total and
 * what a period added are two figures even when equal (`increment`), a running total stated again is one fact. The
 * `restated.examples` of every language file run here (the number of facts each sentence yields), with sentences
 * written for this test.
 */
import { describe, expect, test } from '@jest/globals';
import { extractFromText } from '../../src/pipeline.js';
import { loadRuleSet } from '../../src/extract/rules.js';

const set = loadRuleSet();

function facts(text: string, published: string | null = null) {
  return extractFromText(text, set, { published }).map((f) => ({ type: f.type, value: f.value, modality: f.modality, cumulative: f.cumulative }));
}

const examples = [...set.languages.values()].flatMap((l) => (l.restated?.examples ?? []).map((e) => ({ lang: l.language, ...e })));

describe('restated.examples in extractors/*/_language.yaml', () => {
  test('there are examples for Chinese and Vietnamese', () => {
    expect(examples.filter((e) => e.lang === 'zh').length).toBeGreaterThanOrEqual(4);
    expect(examples.filter((e) => e.lang === 'vi').length).toBeGreaterThanOrEqual(2);
  });
  test.each(examples.map((e) => [e.text, e]))('%s', (_text, e) => {
    expect(extractFromText(e.text, set)).toHaveLength(e.facts);
  });
});

describe('a running total and an increment of equal value are two facts', () => {
  test('zh-Hans: a running total, then what this year added', () => {
    const got = facts('截至今年6月底，全省累计发放创业担保贷款30亿元，扶持了一大批返乡农民工和高校毕业生自主创业。省人社厅表示，今年上半年全省新增发放创业担保贷款30亿元，同比增长两成。', '2018-07-20');
    expect(got).toEqual([
      expect.objectContaining({ type: 'loan_amount', value: 3000000000, cumulative: true }),
      expect.objectContaining({ type: 'loan_amount', value: 3000000000, cumulative: false, modality: 'achieved' }),
    ]);
  });
  test('zh-Hans: an increment first, the running total later (a count)', () => {
    const got = facts('今年全市新增城镇就业1.5万人，其中帮助就业困难人员实现再就业一千余人，就业形势保持总体稳定。据统计，该市“十三五”以来累计城镇就业1.5万人。', '2018-12-20');
    expect(got.filter((f) => f.value === 15000).map((f) => f.cumulative)).toEqual([false, true]);
  });
  test('zh-Hant: a cumulative target, and a yearly increment the sentence says was reached', () => {
    const got = facts('該公司宣布年底前累積放款將挑戰新台幣300億元，並將持續擴大在東南亞的汽車融資與租賃業務版圖。公司去年營運已有起色，年初設定今年放款新增300億元，這個目標已提前達成。', '2017-06-28');
    expect(got.filter((f) => f.value === 30000000000)).toEqual([
      expect.objectContaining({ type: 'loan_amount', modality: 'planned', cumulative: true }),
      expect.objectContaining({ type: 'loan_amount', modality: 'achieved', cumulative: false }),
    ]);
  });
  test('vi: a running total, then what the year added', () => {
    const got = facts('Lũy kế đến nay, Ngân hàng Chính sách xã hội tỉnh đã cho vay 1.200 tỷ đồng đối với hộ nghèo và các đối tượng chính sách khác trên địa bàn. Trong năm 2017, chi nhánh giải ngân mới 1.200 tỷ đồng.');
    expect(got.map((f) => f.cumulative)).toEqual([true, false]);
  });
});

describe('the other side: the same figure stated again is one fact', () => {
  test('zh-Hans: a running total stated again further on', () => {
    const got = facts('截至今年6月底，全省累计发放创业担保贷款30亿元，扶持了一大批返乡农民工和高校毕业生自主创业。省人社厅负责人介绍，全省累计发放的创业担保贷款30亿元中，农村妇女获贷占三成。', '2018-07-20');
    expect(got.filter((f) => f.value === 3000000000)).toHaveLength(1);
  });
  test('zh-Hant: a cumulative target restated by the chairman', () => {
    const got = facts('該公司宣布年底前累積放款將挑戰新台幣300億元，並將持續擴大在東南亞的汽車融資與租賃業務版圖。董事長在股東會上表示，公司累積放款將挑戰300億元。', '2017-06-28');
    expect(got.filter((f) => f.value === 30000000000)).toHaveLength(1);
  });
  test('zh-Hans: an increment stated again (no running total on either side)', () => {
    const got = facts('今年上半年全省新增发放创业担保贷款30亿元，扶持了一大批返乡农民工、退役军人和高校毕业生自主创业，带动就业效果明显。省人社厅表示，上半年新增的30亿元创业担保贷款中，农村妇女获贷占三成。', '2018-07-20');
    expect(got.filter((f) => f.value === 3000000000)).toHaveLength(1);
  });
  test('vi: a running total stated again', () => {
    const got = facts('Lũy kế đến nay, Ngân hàng Chính sách xã hội tỉnh đã cho vay 1.200 tỷ đồng đối với hộ nghèo và các đối tượng chính sách khác trên địa bàn. Ông Trần Văn Bình cho biết, lũy kế ngân hàng đã cho vay 1.200 tỷ đồng, giúp hàng nghìn hộ thoát nghèo.');
    expect(got).toHaveLength(1);
  });
});
