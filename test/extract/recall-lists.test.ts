/**
 * Breakdowns (issue 13, recall), on sentences written for this test: after a subset's mark (`其中`, `trong đó (có)`) every
 * item of the list is a part of the figure before it and counts what that figure counts, not only the first one
 * (src/extract/lists.ts `isNextItem`). Items of another kind, unit or with a verb of their own keep their own reading.
 * A bare verb of support in a part (`其中扶持…`) says for whom, not what kind of money. The base of a Chinese comparison
 * (`较上学年的1,870人`) measures what the figure before it measures. And `người dân tộc (thiểu số)`, ethnic-minority
 * people, are not residents (`người dân`) passed over as an audience.
 */
import { loadRuleSet } from '../../src/extract/rules.js';
import { extractFromText } from '../../src/pipeline.js';

const ruleSet = loadRuleSet();

function facts(text: string) {
  return extractFromText(text, ruleSet).map((f) => ({ type: f.type, value: f.value, unit: f.unit }));
}

const fact = (type: string, value: number, unit = 'person') => ({ type, value, unit });

describe('every item of a breakdown after 其中 / trong đó is a part', () => {
  test('zh-Hans: person-times of training, labels before each figure', () => {
    expect(facts('今年全市开展职业技能培训12.6万人次，其中农村劳动力5.1万人次、退役军人8600人次、残疾人1200人次。')).toEqual([
      fact('trainee_count', 126000, 'person_time'),
      fact('trainee_count', 51000, 'person_time'),
      fact('trainee_count', 8600, 'person_time'),
      fact('trainee_count', 1200, 'person_time'),
    ]);
  });
  test('zh-Hant: jobs broken down by group', () => {
    expect(facts('該局去年協助轉業就業共6,420人，其中中高齡勞動力2,150人、身心障礙者380人。')).toEqual([
      fact('headcount', 6420),
      fact('headcount', 2150),
      fact('headcount', 380),
    ]);
  });
  test('vi: labels after each figure, joined by commas and và', () => {
    expect(
      facts('Năm 2023, công ty đã giải quyết việc làm cho 1.250 lao động, trong đó có 430 lao động nữ, 85 người dân tộc thiểu số và 40 người khuyết tật.'),
    ).toEqual([fact('headcount', 1250), fact('headcount', 430), fact('headcount', 85), fact('headcount', 40)]);
    expect(facts('Năm nay huyện tập huấn nghề cho 2.700 người, trong đó 900 người là phụ nữ, 640 người là thanh niên.')).toEqual([
      fact('trainee_count', 2700),
      fact('trainee_count', 900),
      fact('trainee_count', 640),
    ]);
  });
  test('an item of another kind or unit is not a part', () => {
    expect(facts('今年全县培训农民工2万人次，其中电工3000人次、投入资金500万元。')).toEqual([
      fact('trainee_count', 20000, 'person_time'),
      fact('trainee_count', 3000, 'person_time'),
      fact('funding_amount', 5000000, 'CNY'),
    ]);
    expect(facts('Năm nay xã đào tạo nghề cho 600 người, trong đó 250 người là phụ nữ, 12 xe tải.')).toEqual([
      fact('trainee_count', 600),
      fact('trainee_count', 250),
    ]);
  });
  test('a figure after a clause break or a label with a figure of its own ends the list', () => {
    // `。` ends the sentence; the visitors of the next one are no part of the training.
    expect(facts('全镇培训农民1500人，其中妇女600人。景区接待游客3000人。')).toEqual([fact('trainee_count', 1500), fact('trainee_count', 600)]);
  });
});

describe('a breakdown after a colon', () => {
  test('zh-Hans: 其中：place figure, place figure', () => {
    expect(facts('全县今年新增返乡创业4200人，其中：城关镇860人，河口镇540人，其余乡镇2800人。')).toEqual([
      fact('headcount', 4200),
      fact('headcount', 860),
      fact('headcount', 540),
      fact('headcount', 2800),
    ]);
  });
  test('zh-Hant: 包括：trade figure、trade figure', () => {
    expect(facts('勞動力發展署今年共辦理職業訓練8,600人次，包括：水電1,200人次、焊接900人次。')).toEqual([
      fact('trainee_count', 8600, 'person_time'),
      fact('trainee_count', 1200, 'person_time'),
      fact('trainee_count', 900, 'person_time'),
    ]);
  });
  test('vi: trong đó: label figure, label figure; another kind stays its own', () => {
    expect(facts('Năm 2023, tỉnh đã đào tạo nghề cho 12.000 người, trong đó: huyện Tân Phú 3.000 người, huyện Định Quán 2.500 người.')).toEqual([
      fact('trainee_count', 12000),
      fact('trainee_count', 3000),
      fact('trainee_count', 2500),
    ]);
    expect(facts('Năm 2023, tỉnh đã đào tạo nghề cho 12.000 người, trong đó: huyện Tân Phú 3.000 người; thành phố có 45 xe buýt.')).toEqual([
      fact('trainee_count', 12000),
      fact('trainee_count', 3000),
    ]);
  });
});

describe('a mark set off by a comma (其中，… / trong đó, …)', () => {
  test('zh-Hans and zh-Hant', () => {
    expect(facts('今年全县新增返乡创业4200人，其中，女性1300人、大学生650人。')).toEqual([
      fact('headcount', 4200),
      fact('headcount', 1300),
      fact('headcount', 650),
    ]);
    expect(facts('該中心去年共開辦職業訓練3,200人次，其中，青年1,100人次。')).toEqual([
      fact('trainee_count', 3200, 'person_time'),
      fact('trainee_count', 1100, 'person_time'),
    ]);
  });
  test('vi', () => {
    expect(facts('Năm 2023, tỉnh đã đào tạo nghề cho 12.000 người; trong đó, nữ 5.000 người.')).toEqual([
      fact('trainee_count', 12000),
      fact('trainee_count', 5000),
    ]);
  });
  test('another word set off by a comma is no mark', () => {
    expect(facts('今年全县新增返乡创业4200人，此外，景区接待游客3000人。')).toEqual([fact('headcount', 4200)]);
  });
});

describe('a bare verb of support in a part says for whom, not what kind of money', () => {
  test('zh-Hans: 其中扶持… after loans is loans', () => {
    expect(facts('今年以来,全县工资担保贷款发放了310户1520万元,房证抵押贷款170户860万元,其中扶持大学生5人40万元。')).toEqual([
      fact('loan_amount', 15200000, 'CNY'),
      fact('loan_amount', 8600000, 'CNY'),
      fact('loan_amount', 400000, 'CNY'),
    ]);
  });
  test('zh-Hant: 其中協助… after loans is loans; a funding noun of its own still speaks', () => {
    expect(facts('該縣去年核貸青年創業貸款共2.1億元，其中扶持女性創業6,200萬元。')).toEqual([
      fact('loan_amount', 210000000, 'TWD'),
      fact('loan_amount', 62000000, 'TWD'),
    ]);
    expect(facts('該市今年發放創業貸款3億元，其中創業補助金1,500萬元。')).toContainEqual(fact('funding_amount', 15000000, 'TWD'));
  });
  test('vi: trong đó hỗ trợ … after lending is lending', () => {
    expect(facts('Năm 2023, ngân hàng đã cho vay 800 tỷ đồng, trong đó hỗ trợ hộ nghèo 320 tỷ đồng.')).toEqual([
      fact('loan_amount', 800000000000, 'VND'),
      fact('loan_amount', 320000000000, 'VND'),
    ]);
  });
});

describe('zh: the base of a comparison (较/比/与 … 的 N) measures what the figure before it measures', () => {
  test('zh-Hant: person-times both, the change in percent stays out', () => {
    expect(facts('勞工局表示，本學年首9個月的培訓人次有2,310人，較2022/23整個學年的1,870人上升24%。')).toEqual([
      fact('trainee_count', 2310, 'person_time'),
      fact('trainee_count', 1870, 'person_time'),
    ]);
  });
  test('zh-Hans: 比去年的 N, 与去年同期的 N 相比; the change itself stays out', () => {
    expect(facts('今年全县新增就业5600人，比去年的4800人增加800人。')).toEqual([fact('headcount', 5600), fact('headcount', 4800)]);
    expect(facts('今年全县发放创业担保贷款3.2亿元，与去年同期的2.6亿元相比增长23%。')).toEqual([
      fact('loan_amount', 320000000, 'CNY'),
      fact('loan_amount', 260000000, 'CNY'),
    ]);
  });
  test('without 的 the figure after 较 is the change, not a base', () => {
    expect(facts('今年全县新增就业5600人，较去年增加800人。')).toEqual([fact('headcount', 5600)]);
    expect(facts('今年全县新增就业5600人，较去年多出800人。')).toEqual([fact('headcount', 5600)]);
  });
});

describe('vi: ethnic-minority people are not residents', () => {
  test('người dân tộc keeps its figure; người dân alone is still passed over', () => {
    expect(facts('Năm nay huyện đã đào tạo nghề cho 540 người dân tộc thiểu số.')).toEqual([fact('trainee_count', 540)]);
    expect(facts('Năm 2016 huyện có 12.000 người dân được cấp thẻ bảo hiểm y tế.')).toEqual([]);
  });
});
