/**
 * Planned or achieved (src/resolve/modality.ts, `resolve.modality` of extractors/<lang>/_language.yaml), rule by rule:
 * sentences written for these tests, each with the modality of its facts by value (the first fact of a value: a title's
 * figure before its restatement in the body) and, where it matters, the page's publication date.
 */
import { describe, expect, test } from '@jest/globals';
import { extractFromText } from '../../src/pipeline.js';
import { loadRuleSet } from '../../src/extract/rules.js';

const set = loadRuleSet();

type Modality = 'planned' | 'achieved';
type Case = [text: string, expected: Record<number, Modality>, published?: string];

/** The modality of the first fact of each value. */
function modalities(text: string, published: string | null = null): Record<number, Modality> {
  const out: Record<number, Modality> = {};
  for (const f of extractFromText(text, set, { published })) out[f.value] ??= f.modality as Modality;
  return out;
}

const P = 'planned';
const A = 'achieved';

const rules: Record<string, Case[]> = {
  'the parts of a figure are planned or achieved as the whole is': [
    ['Năm 2018, ngân hàng dự kiến cho vay 800 tỷ đồng, trong đó cho vay hộ nghèo 300 tỷ đồng.', { 800000000000: P, 300000000000: P }],
    ['Năm 2016, ngân hàng đã cho vay 800 tỷ đồng, trong đó cho vay hộ nghèo 300 tỷ đồng.', { 800000000000: A, 300000000000: A }],
    // A sentence opening `Trong số này` takes the sentence before.
    [
      'Theo kế hoạch, tổng vốn của chương trình khoảng 5.000 tỷ đồng. Trong số này, hỗ trợ trực tiếp từ ngân sách khoảng 2.000 tỷ đồng, còn lại là cho vay học sinh sinh viên 1.000 tỷ đồng.',
      { 2000000000000: P, 1000000000000: P },
    ],
    // Followed back through a sentence that is a part again.
    [
      'Để chuẩn bị cho nhà máy mới, công ty cho biết cần tuyển 500 lao động. Số lao động này bao gồm: khối văn phòng 40 người; khối sản xuất 460 người. Trong số lao động này, số lao động phải đào tạo nghề là 300 người.',
      { 300: P },
    ],
    // A part with its own achievement word.
    ['Tỉnh dự kiến cho vay 900 tỷ đồng, trong đó đã giải ngân 200 tỷ đồng.', { 200000000000: A }],
    ['明年该市计划发放创业担保贷款5亿元，其中农村妇女贷款2亿元。', { 200000000: P }],
    ['去年该市已发放创业担保贷款5亿元，其中农村妇女贷款2亿元。', { 200000000: A }],
    ['今年該市預計發放創業貸款8億元，其中青年創業貸款3億元。', { 300000000: P }],
    // A whole measured against its target is achieved, and so are its parts.
    ['今年以来，全省新增城镇就业52万人，完成全年目标的120%，其中农民工18万人。', { 520000: A, 180000: A }],
    // The sources paying for a project budget are not planned by the budget.
    ['该污水处理项目总投资15亿元，其中亚洲开发银行贷款2亿美元。', { 1500000000: P, 200000000: A }],
  ],
  'a share of the plan after the figure': [
    // Measured against the plan that named it: achieved; a forecast compared with the plan stays planned.
    ['Dư nợ cho vay theo chỉ tiêu kế hoạch được giao đạt 2.150 tỷ đồng, hoàn thành 96% kế hoạch.', { 2150000000000: A }],
    ['Dự kiến cả năm doanh số cho vay đạt 1.500 tỷ đồng, bằng 105% kế hoạch.', { 1500000000000: P }],
    ['省里下达年度目标任务后，全县发放小额担保贷款3亿元，完成目标任务的85%。', { 300000000: A }],
    ['预计全年发放小额担保贷款3亿元，完成年计划的105%。', { 300000000: P }],
    // A share of another figure after it does not count.
    ['全县计划明年发放小额担保贷款3亿元，今年已发放小额担保贷款2.5亿元，完成年计划的110%。', { 300000000: P, 250000000: A }],
  ],
  'an achievement verb a plan word governs names the goal': [
    ['预计全年实现销售收入5亿元。', { 500000000: P }],
    ['该县力争今年完成农民工培训3000人。', { 3000: P }],
    ['省里要求各地完成创业培训2万人。', { 20000: P }],
    ['公司預計明年實現營業收入8億元。', { 800000000: P }],
    ['Năm 2018, công ty phấn đấu đạt được doanh thu 500 tỷ đồng.', { 500000000000: P }],
    // An aspect word between or 了 after says it happened; a plan word in another clause does not govern.
    ['去年该县计划已完成农民工培训3000人。', { 3000: A }],
    ['按照计划要求，该县完成了农民工培训3000人。', { 3000: A }],
    ['该市已完成投资3亿元。', { 300000000: A }],
    ['Theo kế hoạch, năm 2017 ngân hàng giải ngân được 300 tỷ đồng.', { 300000000000: A }],
  ],
  'a figure asked about, a policy’s quoted provision': [
    ['今后五年每年2000亿元的水利投入如何落实？', { 200000000000: P }],
    // A question about what was done, with no verb after the question word.
    ['去年全省发放创业担保贷款30亿元，效果如何？', { 3000000000: A }],
    ['Ngân hàng cho vay 500 tỷ đồng làm sao giải ngân hết trong năm?', { 500000000000: P }],
    // Provisions quoted after a policy word, also the later quotations of the list.
    [
      '近年来，该市出台了一系列扶持政策，如“市财政每年安排500万元设立创业扶持专项资金，主要用于返乡创业人员的奖励和补贴”“对新建并通过认定的市级创业孵化基地，给予一次性奖补资金200万元”等。',
      { 5000000: P, 2000000: P },
    ],
    ['縣政府訂定多項措施：“每年編列800萬元創業補助資金，用於補貼青年創業者的租金與設備”。', { 8000000: P }],
    // A quotation of what someone said is no provision.
    ['局长在会上表示：“今年全市发放创业担保贷款3亿元，扶持创业者5000余人。”', { 300000000: A }],
  ],
  'a plan word in a clause of purpose names the goal served': [
    ['为完成全年目标任务，该县多措并举，累计发放小额担保贷款3亿元。', { 300000000: A }],
    ['为实现全年就业目标，今年以来全市新增就业1.2万人。', { 12000: A }, '2017-10-01'],
    ['為了達成年度目標，該行上半年共發放創業貸款2億元。', { 200000000: A }],
    ['Để hoàn thành kế hoạch năm, chi nhánh tích cực giải ngân, doanh số cho vay đạt 300 tỷ đồng.', { 300000000000: A }],
    ['Nhằm đạt mục tiêu năm 2017, ngân hàng cho vay 200 tỷ đồng.', { 200000000000: A }],
    // A clause of concession too.
    ['Mặc dù chuẩn bị kỹ lưỡng, nhưng đến nay mới có 2 doanh nghiệp được vay vốn.', { 2: A }],
    ['虽然计划早已出台，但今年以来全县仅发放创业贷款800万元。', { 8000000: A }, '2017-10-01'],
    // A plan word of its own, or the target in the clause of purpose itself.
    ['为完成全年目标，明年将发放贷款3亿元。', { 300000000: P }],
    ['Nhằm đạt mục tiêu cho vay 900 tỷ đồng, ngân hàng mở thêm 3 phòng giao dịch.', { 900000000000: P }],
  ],
  'a need right before a figure (cần + a figure), not advice (cần + a verb)': [
    ['Để vận hành nhà máy mới, công ty cần 450 lao động.', { 450: P }],
    ['Nhà nước cần duy trì gói tín dụng ưu đãi như gói 20.000 tỷ đồng năm ngoái.', { 20000000000000: A }],
    ['Thành phố Cần Thơ có 1.200 doanh nghiệp.', { 1200: A }],
  ],
  'a plan verb scopes over the later clauses of its sentence': [
    ['該公司預計今年營收將成長20%，達到120億元。', { 12000000000: P }, '2017-06-20'],
    ['预计今年该县新增就业3000人，培训农民工5000人。', { 3000: P, 5000: P }, '2017-06-20'],
    ['Năm 2017, công ty dự kiến doanh thu tăng 15%, đạt 800 tỷ đồng.', { 800000000000: P }, '2017-06-20'],
    // Not over a clause whose period is over, nor past a plan noun.
    ['今年该市将新增就业2万人，去年新增就业1.5万人。', { 15000: A }, '2017-06-20'],
    ['完成全年目标的85%，发放贷款3亿元。', { 300000000: A }, '2017-06-20'],
  ],
  'the time still to come': [
    ['Trong thời gian tới, tỉnh tiếp tục hỗ trợ 50 tỷ đồng cho nông dân.', { 50000000000: P }],
    ['Sắp tới, ngân hàng cho vay thêm 200 tỷ đồng.', { 200000000000: P }],
    ['下一步，该县继续安排专项资金500万元支持返乡创业。', { 5000000: P }],
    ['明年全市新增就业2万人。', { 20000: P }],
    ['明年縣府補助青年創業500萬元。', { 5000000: P }],
  ],
  '将 marking the object (把) is no future': [
    ['今年以来，该局将创业担保贷款作为重点工作，共发放贷款3亿元。', { 300000000: A }, '2017-10-20'],
    ['该县将返乡创业纳入考核，全年扶持创业1200人。', { 1200: A }, '2017-12-20'],
    ['縣府將青年創業列入施政重點，去年共核發創業貸款2億元。', { 200000000: A }],
    // 将 + a verb, or a figure before the word, stays the future.
    ['该县将投入资金3000万元用于返乡创业。', { 30000000: P }],
    ['该县将作为试点，发放贷款3000万元。', { 30000000: P }],
  ],
  'a commitment, a consent, money set aside or budgeted, a hope': [
    ['Ngân hàng Thế giới vừa đồng ý giải ngân 150 triệu USD cho dự án.', { 150000000: P }],
    ['Tập đoàn cam kết tài trợ 20 tỷ đồng cho quỹ khởi nghiệp của tỉnh.', { 20000000000: P }],
    ['县政府承诺投资扶持资金2000万元。', { 20000000: P }],
    ['市财政预留专项资金500万元用于创业补贴。', { 5000000: P }],
    ['行政院同意補助地方政府創業貸款利息3億元。', { 300000000: P }],
    ['勞動部今年編列2億元推動青年就業方案。', { 200000000: P }, '2017-06-20'],
    ['市府盼透過補助方案，吸引50家企業進駐。', { 50: P }],
    // An achievement word after it still speaks.
    ['Ngân hàng đồng ý cho vay và đã giải ngân 150 tỷ đồng cho dự án.', { 150000000000: A }],
  ],
  'a target the sentence says was reached is achieved, whatever plan word came before': [
    ['该区年初计划全年发放创业担保贷款2亿元，目前已提前完成全年目标。', { 200000000: A }, '2018-10-15'],
    ['该县今年力争新增城镇就业6000人，这一目标已经实现。', { 6000: A }, '2018-11-02'],
    ['该市预计今年培训农民工8000人，截至10月已超额完成。', { 8000: A }, '2018-11-02'],
    // A target noun right after the figure, the reaching in a part after a `；`.
    ['该镇年初定下扶持创业300人的目标；截至8月底，该目标已提前达成。', { 300: A }, '2018-09-10'],
    ['該市原本預定今年核發青年創業貸款5億元，這個目標已提前達成。', { 500000000: A }, '2017-06-20'],
    ['縣府年初計畫培訓青年1200人，目前已超額完成年度目標。', { 1200: A }, '2017-06-20'],
    ['Năm 2018, huyện đặt chỉ tiêu tạo việc làm cho 2.500 lao động và đến nay đã hoàn thành vượt chỉ tiêu.', { 2500: A }],
    ['Ngân hàng dự kiến giải ngân 600 tỷ đồng trong năm 2018, đến tháng 10 đã về đích trước hạn.', { 600000000000: A }],
    // No reaching said, a reaching still to be worked for, a share of the target, or a figure of a later clause between.
    ['该区计划全年发放创业担保贷款2亿元，确保完成全年目标。', { 200000000: P }, '2018-03-15'],
    ['縣府年初計畫培訓青年1200人，力爭提前完成年度目標。', { 1200: P }, '2017-03-20'],
    ['预计全年发放小额担保贷款3亿元，已完成全年目标的85%。', { 300000000: P }, '2018-10-15'],
    ['该市计划新增就业1万人，1-9月新增就业1.2万人，超额完成全年目标。', { 10000: P, 12000: A }, '2018-10-15'],
    ['Năm 2018, huyện phấn đấu tạo việc làm cho 2.500 lao động, hoàn thành chỉ tiêu tỉnh giao.', { 2500: P }],
  ],
  'a plan noun that is what was completed': [
    ['Tỉnh đã hoàn thành chỉ tiêu giải quyết việc làm cho 35.000 lao động.', { 35000: A }],
    ['Ngân hàng vượt kế hoạch, giải ngân 300 tỷ đồng.', { 300000000000: A }],
    ['已完成年度目标任务新增就业1万人。', { 10000: A }],
    ['該縣已達成年度目標，協助青年創業800人。', { 800: A }],
    // A plan word governing the completing keeps it planned.
    ['Năm 2017, tỉnh phấn đấu hoàn thành chỉ tiêu giải quyết việc làm cho 35.000 lao động.', { 35000: P }],
    ['确保完成年度目标任务新增就业1万人。', { 10000: P }],
  ],
  'forecast words': [
    ['該公司今年營收可望達到100億元。', { 10000000000: P }],
    ['公司預估明年營收達50億元。', { 5000000000: P }],
    ['Năm 2018, tỉnh dự tính hỗ trợ 30 tỷ đồng cho nông dân.', { 30000000000: P }],
  ],
  'names and words holding a plan word': [
    ['Theo Sở Kế hoạch và Đầu tư, năm 2016 toàn tỉnh có 1.250 doanh nghiệp thành lập mới.', { 1250: A }],
    ['Chương trình mục tiêu phát triển lâm nghiệp bền vững hỗ trợ 50 tỷ đồng cho các hộ dân.', { 50000000000: A }],
    ['县计划生育协会为贫困家庭发放小额贷款800万元。', { 8000000: A }],
    ['去年全县共培训农民工将近3000人。', { 3000: A }],
    ['该行已提取风险准备金3000万元用于担保贷款。', { 30000000: A }],
    ['市规划局安排专项资金500万元。', { 5000000: A }],
    ['去年全縣共培訓農民工將近2500人。', { 2500: A }],
  ],
  'a title’s figure takes the plan of its restatement in the body': [
    ['某市投资3.5亿元建设污水处理厂\n今年，该市计划投资3.5亿元建设两座污水处理厂，预计年底完工。', { 350000000: P }, '2019-03-02'],
    ['某市投資3.5億元建設污水處理廠\n去年，該市投資3.5億元建成兩座污水處理廠。', { 350000000: A }, '2019-03-02'],
    ['Tỉnh hỗ trợ 120 tỷ đồng cho nông dân\nTheo kế hoạch, năm 2019 tỉnh sẽ hỗ trợ 120 tỷ đồng cho nông dân chuyển đổi cây trồng.', { 120000000000: P }, '2018-12-20'],
    // A first line of several sentences is no title.
    ['Huyện hỗ trợ 30 tỷ đồng cho nông dân. Đây là khoản hỗ trợ lớn.\nNăm sau, huyện sẽ hỗ trợ 30 tỷ đồng cho nông dân.', { 30000000000: A }, '2018-12-20'],
  ],
};

for (const [rule, cases] of Object.entries(rules)) {
  describe(rule, () => {
    for (const [text, expected, published] of cases) {
      test(text, () => {
        expect(modalities(text, published ?? null)).toMatchObject(expected);
      });
    }
  });
}
