/**
 * Chinese general news (money precision), on sentences written for this test: what the candidate stage passes over
 * (`extractors/zh/_not_facts.yaml`) and what stays a fact — tax relief, negative numbers.
 */
import { parseQuantities } from '../../src/quantities/index.js';
import { run, passedBy as passedOver, kept as keeps } from './screen-probe.js';

/** No fact from the text, and the figure was passed over by this decision. */
function passedBy(text: string, figure: string, decision: string) {
  expect(passedOver(text, figure, decision)).toEqual([]);
}

describe('zh: tax relief and negative numbers', () => {
  test('负 that ends a word is no minus sign', () => {
    expect(parseQuantities('今年将为企业减负300亿元', 'zh').map((q) => q.value)).toEqual([30000000000]);
    expect(parseQuantities('兩隊勝負3分', 'zh').map((q) => q.value)).toContain(3);
    expect(parseQuantities('增速为负2.5%', 'zh').map((q) => q.value)).toEqual([-2.5]);
  });
  test('tax relief is neither revenue nor funding', () => {
    passedBy('预计明年将为纳税人减负约260亿元。', '260亿元', 'tax_relief');
    passedBy('相关优惠政策实施三年来累计减免税款48亿元。', '48亿元', 'tax_relief');
    passedBy('去年稅務機關共為出口企業辦理退稅9億元。', '9亿元', 'tax_relief');
    keeps('该区上半年完成税收收入15亿元。', { type: 'revenue_amount', value: 1500000000, unit: 'CNY' });
  });
  test('a negative number is never a fact', () => {
    const { facts, traces } = run('该公司去年营业收入为负3000万元。');
    expect(facts).toEqual([]);
    expect(traces.find((t) => t.text.includes('3000'))?.passed?.decision).toBe('negative');
  });
});

describe('zh: who spends the money', () => {
  test('a firm, a studio or a fund invests for itself; a government supports', () => {
    passedBy('这家外卖平台由一家互联网公司创办，当时投资了2亿元。', '2亿元', 'investor');
    passedBy('某电视剧制作公司投入六千万元拍摄这部年代剧。', '六千万元', 'investor');
    passedBy('二十多家投资机构先后入局，融资金额超过15亿元。', '15亿元', 'investor');
    keeps('县政府今年投资1800万元改造老旧小区。', { type: 'funding_amount', value: 18000000, unit: 'CNY' });
    keeps('区财政向中小企业投入扶持资金900万元。', { type: 'funding_amount', value: 9000000, unit: 'CNY' });
  });
  test('a firm named as the subject of revenue stays a revenue fact', () => {
    keeps('这家公司投资建设的新厂去年实现产值6亿元。', { type: 'revenue_amount', value: 600000000, unit: 'CNY' });
  });
  test('investment statistics and R&D spending are no programme funds', () => {
    passedBy('前三季度，全区固定资产投资完成126.5亿元。', '126.5亿元', 'investment_statistics');
    passedBy('这家车企去年的研发经费超过30亿元。', '30亿元', 'rnd_spending');
    keeps('市科技局今年拨付研发补助资金2500万元。', { type: 'funding_amount', value: 25000000, unit: 'CNY' });
  });
  test("a person's or a family's own money", () => {
    passedBy('没想到三年下来，他100多万元积蓄亏得一干二净。', '100多万元', 'private_money');
    passedBy('他们拿出15万元用来还债。', '15万元', 'private_money');
    keeps('市财政今年安排困难家庭住房补贴资金3000万元。', { type: 'funding_amount', value: 30000000, unit: 'CNY' });
  });
});

describe('zh: suppositions, rates, thresholds, changes and valuations', () => {
  test('after a condition or an illustration, a figure is supposed', () => {
    passedBy('如果想把这片荒山改造成景区，没有上亿元的资金根本做不到。', '上亿元', 'hypothetical');
    passedBy('比如说财政投入一块钱，能带动社会资本投入三块钱。', '一块钱', 'hypothetical');
    keeps('县财政今年投入专项资金600万元，如果效果好，明年将继续。', { type: 'funding_amount', value: 6000000, unit: 'CNY' });
  });
  test('an amount for one unit is a rate', () => {
    passedBy('照这个价格，1平方米温室的产值在500元左右。', '500元', 'per_one');
  });
  test('an amount that says who qualifies', () => {
    passedBy('年销售额低于500万元（含500万元）的小规模纳税人免征增值税。', '500万元', 'threshold_money');
  });
  test('revenue added by a measure is a change', () => {
    passedBy('按测算，这次调价将使公司全年增加营业收入约5000万元。', '5000万元', 'revenue_change');
    keeps('该公司去年实现营业收入27.5亿元。', { type: 'revenue_amount', value: 2750000000, unit: 'CNY' });
  });
  test('what holdings are worth is a valuation', () => {
    passedBy('十年后，这批股权的价值已超过5000万美元。', '5000万美元', 'worth');
  });
});

describe('zh: finance and personal finance news', () => {
  test('money of the markets and of firms raising capital', () => {
    passedBy('今天南向资金净流入21.4亿港元。', '21.4亿港元', 'capital_markets');
    passedBy('这家新能源公司IPO拟募集资金38亿元。', '38亿元', 'capital_markets');
    passedBy('沪深两市成交额连续三日超过1万亿元。', '1万亿元', 'capital_markets');
    keeps('今年省财政筹集资金8亿元支持农村公路建设。', { type: 'funding_amount', value: 800000000, unit: 'CNY' });
  });
  test("a person's mortgage or car loan is no loan fact; a lender's totals and a production loan are", () => {
    passedBy('去年他向银行贷款120万元买了一套学区房。', '120万元', 'consumer_loan');
    keeps('今年全市累计发放个人住房贷款410亿元。', { type: 'loan_amount', value: 41000000000, unit: 'CNY' });
    keeps('她向信用社贷款3万元买了一批鸡苗。', { type: 'loan_amount', value: 30000, unit: 'CNY' });
  });
  test('a campaign named by a round magnitude, goods counted in 块', () => {
    passedBy('这家外卖平台宣布推出十亿补贴计划。', '十亿', 'campaign_name');
    passedBy('去年全球出货手机屏幕15亿块，销售额同比增长。', '15亿块', 'goods_in_kuai');
  });
});

describe('zh: culture and society news', () => {
  test("a film's budget and a private donor's gifts are no programme funds", () => {
    passedBy('该片总投资约1.5亿元，讲述了一个航天家庭的故事。', '1.5亿元', 'investor');
    passedBy('十年来，这位退休老师资助山区学生累计达15万元。', '15万元', 'investor');
    keeps('市教育局今年资助家庭困难学生共计860万元。', { type: 'funding_amount', value: 8600000, unit: 'CNY' });
  });
  test("a household's income is no revenue; a village's tourism revenue is", () => {
    passedBy('他家去年养蜂收入9万元。', '9万元', 'household_income');
    keeps('该村去年实现乡村旅游收入1200万元。', { type: 'revenue_amount', value: 12000000, unit: 'CNY' });
  });
});
