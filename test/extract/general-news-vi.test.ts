/**
 * Vietnamese general news (issue 13, precision), on sentences written for this test: an amount named again further on
 * (money, a count of 100 or more; not in an enumeration) is the fact already read (`restated` of _language.yaml), a state budget's categories and FDI are no programme's funds,
 * a bank's capital is loan capital, and numbers in a list of borrowers are borrowers.
 */
import { loadRuleSet } from '../../src/extract/rules.js';
import { extractFromText } from '../../src/pipeline.js';

const ruleSet = loadRuleSet();

function facts(text: string) {
  return extractFromText(text, ruleSet).map((f) => ({ type: f.type, value: f.value, unit: f.unit, rule: f.rule }));
}

describe('vi: a figure restated in the document is one fact', () => {
  test('a package named in the lead and again in the body', () => {
    const got = facts('Năm 2016 Chính phủ dành gói tín dụng 20.000 tỷ đồng cho nông nghiệp sạch. Đến nay, gói tín dụng 20.000 tỷ đồng mới giải ngân được một phần.');
    expect(got).toEqual([expect.objectContaining({ type: 'loan_amount', value: 20000000000000 })]);
  });
  test('equal amounts in the items of an enumeration are each item\'s own', () => {
    const got = facts('Trung tâm đã triển khai:\n- Dự án dạy nghề mây tre với kinh phí hỗ trợ 40 triệu đồng.\n- Dự án hỗ trợ làng gốm với kinh phí hỗ trợ 40 triệu đồng.');
    expect(got.map((f) => f.value)).toEqual([40000000, 40000000]);
  });
  test('small counts in a list of staff coincide and stay one fact each', () => {
    const got = facts('Phòng khám có 02 bác sĩ, 04 điều dưỡng, 02 dược sĩ.');
    expect(got.map((f) => f.value)).toEqual([2, 4, 2]);
  });
  test('the same amount of another type is another fact', () => {
    const got = facts('Năm 2016 ngân sách tỉnh hỗ trợ 50 tỷ đồng cho nông dân. Ngân hàng đã cho vay 50 tỷ đồng.');
    expect(got.map((f) => f.type)).toEqual(['funding_amount', 'loan_amount']);
  });
});

describe('vi: budget totals and bank capital', () => {
  test('disbursement by budget category is no programme fund; a named programme is', () => {
    const got = facts('Trong đó, giải ngân vốn trái phiếu Chính phủ là 18.000 tỷ đồng, đạt 60% kế hoạch; nguồn vốn Chương trình mục tiêu quốc gia là 3.100 tỷ đồng.');
    expect(got).toEqual([expect.objectContaining({ type: 'funding_amount', value: 3100000000000 })]);
  });
  test('the Social Policy Bank\'s total capital is loan capital', () => {
    expect(facts('Cuối năm 2016, NHCSXH tỉnh đạt tổng nguồn vốn 1.320 tỷ đồng.')).toEqual([
      expect.objectContaining({ type: 'loan_amount', value: 1320000000000, rule: 'vi.loan_amount.bank_capital' }),
    ]);
  });
  test('an ODA loan inside a project\'s total investment is a loan', () => {
    expect(facts('Dự án có tổng mức đầu tư 300 triệu USD vay ODA của Nhật Bản.')).toEqual([
      expect.objectContaining({ type: 'loan_amount', value: 300000000, unit: 'USD' }),
    ]);
  });
});

describe('vi: people in a list of borrowers', () => {
  test('every group of the list is borrowers', () => {
    expect(facts('Theo đó, 2.300 công nhân; 820 người lao động; 45 hộ nghèo đã được vay vốn mua nhà ở xã hội.')).toEqual([]);
  });
});
