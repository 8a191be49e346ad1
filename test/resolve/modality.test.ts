/**
 * Planned or achieved (src/resolve/modality.ts, `resolve.modality` of extractors/<lang>/_language.yaml): the parts of a
 * figure, a share of the plan after it, names holding a plan word, a headline restated in the body. Sentences written
 * for these tests.
 */
import { describe, expect, test } from '@jest/globals';
import { extractFromText } from '../../src/pipeline.js';
import { loadRuleSet } from '../../src/extract/rules.js';

const set = loadRuleSet();
/** The modality of each fact, by its value. */
function modalities(text: string, published: string | null = null): Record<number, string> {
  const facts = extractFromText(text, set, { published });
  return Object.fromEntries(facts.map((f) => [f.value, f.modality]));
}

describe('the parts of a figure are planned or achieved as the whole is', () => {
  test('vi: trong đó after a planned figure', () => {
    expect(modalities('Năm 2018, ngân hàng dự kiến cho vay 800 tỷ đồng, trong đó cho vay hộ nghèo 300 tỷ đồng.')).toMatchObject({
      800000000000: 'planned',
      300000000000: 'planned',
    });
  });
  test('vi: trong đó after an achieved figure', () => {
    expect(modalities('Năm 2016, ngân hàng đã cho vay 800 tỷ đồng, trong đó cho vay hộ nghèo 300 tỷ đồng.')).toMatchObject({
      800000000000: 'achieved',
      300000000000: 'achieved',
    });
  });
  test('vi: a sentence opening Trong số này takes the sentence before', () => {
    const m = modalities(
      'Theo kế hoạch, tổng vốn của chương trình khoảng 5.000 tỷ đồng. Trong số này, hỗ trợ trực tiếp từ ngân sách khoảng 2.000 tỷ đồng, còn lại là cho vay học sinh sinh viên 1.000 tỷ đồng.',
    );
    expect(m[2000000000000]).toBe('planned');
    expect(m[1000000000000]).toBe('planned');
  });
  test('vi: followed back through a sentence that is a part again', () => {
    const m = modalities(
      'Để chuẩn bị cho nhà máy mới, công ty cho biết cần tuyển 500 lao động. Số lao động này bao gồm: khối văn phòng 40 người; khối sản xuất 460 người. Trong số lao động này, số lao động phải đào tạo nghề là 300 người.',
    );
    expect(m[300]).toBe('planned');
  });
  test('vi: a part with its own achieved cue stays achieved', () => {
    expect(modalities('Tỉnh dự kiến cho vay 900 tỷ đồng, trong đó đã giải ngân 200 tỷ đồng.')[200000000000]).toBe('achieved');
  });
  test('zh-Hans: 其中 after a plan and after an achievement', () => {
    expect(modalities('明年该市计划发放创业担保贷款5亿元，其中农村妇女贷款2亿元。')[200000000]).toBe('planned');
    expect(modalities('去年该市已发放创业担保贷款5亿元，其中农村妇女贷款2亿元。')[200000000]).toBe('achieved');
  });
  test('zh-Hant: 其中 after a forecast', () => {
    expect(modalities('今年該市預計發放創業貸款8億元，其中青年創業貸款3億元。')[300000000]).toBe('planned');
  });
  test('zh-Hans: a whole measured against its target is achieved, and so are its parts', () => {
    expect(modalities('今年以来，全省新增城镇就业52万人，完成全年目标的120%，其中农民工18万人。')).toMatchObject({ 520000: 'achieved', 180000: 'achieved' });
  });
  test('zh-Hans: the sources paying for a project budget are not planned by the budget', () => {
    const m = modalities('该污水处理项目总投资15亿元，其中亚洲开发银行贷款2亿美元。');
    expect(m[1500000000]).toBe('planned');
    expect(m[200000000]).toBe('achieved');
  });
});

describe('a share of the plan after the figure', () => {
  test('vi: measured against the plan that named it: achieved', () => {
    expect(modalities('Dư nợ cho vay theo chỉ tiêu kế hoạch được giao đạt 2.150 tỷ đồng, hoàn thành 96% kế hoạch.')[2150000000000]).toBe('achieved');
  });
  test('vi: a forecast compared with the plan stays planned', () => {
    expect(modalities('Dự kiến cả năm doanh số cho vay đạt 1.500 tỷ đồng, bằng 105% kế hoạch.')[1500000000000]).toBe('planned');
  });
  test('zh-Hans: measured against the target task that named it: achieved; a forecast stays planned', () => {
    expect(modalities('省里下达年度目标任务后，全县发放小额担保贷款3亿元，完成目标任务的85%。')[300000000]).toBe('achieved');
    expect(modalities('预计全年发放小额担保贷款3亿元，完成年计划的105%。')[300000000]).toBe('planned');
  });
  test('zh-Hans: a share of another figure after it does not count', () => {
    const m = modalities('全县计划明年发放小额担保贷款3亿元，今年已发放小额担保贷款2.5亿元，完成年计划的110%。');
    expect(m[300000000]).toBe('planned');
    expect(m[250000000]).toBe('achieved');
  });
});

describe('an achievement verb a plan word governs names the goal', () => {
  test('zh-Hans: 预计…实现, 力争…完成, 要求各地完成', () => {
    expect(modalities('预计全年实现销售收入5亿元。')[500000000]).toBe('planned');
    expect(modalities('该县力争今年完成农民工培训3000人。')[3000]).toBe('planned');
    expect(modalities('省里要求各地完成创业培训2万人。')[20000]).toBe('planned');
  });
  test('zh-Hant: 預計…實現', () => {
    expect(modalities('公司預計明年實現營業收入8億元。')[800000000]).toBe('planned');
  });
  test('vi: phấn đấu đạt được, dự kiến … giải ngân được', () => {
    expect(modalities('Năm 2018, công ty phấn đấu đạt được doanh thu 500 tỷ đồng.')[500000000000]).toBe('planned');
  });
  test('an aspect word between or 了 after says it happened', () => {
    expect(modalities('去年该县计划已完成农民工培训3000人。')[3000]).toBe('achieved');
    expect(modalities('按照计划要求，该县完成了农民工培训3000人。')[3000]).toBe('achieved');
    expect(modalities('该市已完成投资3亿元。')[300000000]).toBe('achieved');
  });
  test('a plan word in another clause does not govern', () => {
    expect(modalities('Theo kế hoạch, năm 2017 ngân hàng giải ngân được 300 tỷ đồng.')[300000000000]).toBe('achieved');
  });
});

describe('a figure asked about, a policy\'s quoted provision', () => {
  test('zh-Hans: how the money is to be raised', () => {
    expect(modalities('今后五年每年2000亿元的水利投入如何落实？')[200000000000]).toBe('planned');
  });
  test('zh-Hans: a question about what was done, with no verb after the word, is no plan', () => {
    expect(modalities('去年全省发放创业担保贷款30亿元，效果如何？')[3000000000]).toBe('achieved');
  });
  test('vi: làm sao + a verb in a question', () => {
    expect(modalities('Ngân hàng cho vay 500 tỷ đồng làm sao giải ngân hết trong năm?')[500000000000]).toBe('planned');
  });
  test('zh-Hans: provisions quoted after a policy word, also the later quotations of the list', () => {
    const m = modalities(
      '近年来，该市出台了一系列扶持政策，如“市财政每年安排500万元设立创业扶持专项资金，主要用于返乡创业人员的奖励和补贴”“对新建并通过认定的市级创业孵化基地，给予一次性奖补资金200万元”等。',
    );
    expect(m[5000000]).toBe('planned');
    expect(m[2000000]).toBe('planned');
  });
  test('zh-Hant: the same in traditional characters', () => {
    expect(modalities('縣政府訂定多項措施：“每年編列800萬元創業補助資金，用於補貼青年創業者的租金與設備”。')[8000000]).toBe('planned');
  });
  test('zh-Hans: a quotation of what someone said is no provision', () => {
    expect(modalities('局长在会上表示：“今年全市发放创业担保贷款3亿元，扶持创业者5000余人。”')[300000000]).toBe('achieved');
  });
});

describe('a plan word in a clause of purpose names the goal served', () => {
  test('zh-Hans: 为完成全年目标任务，… / 为实现…目标，…', () => {
    expect(modalities('为完成全年目标任务，该县多措并举，累计发放小额担保贷款3亿元。')[300000000]).toBe('achieved');
    expect(modalities('为实现全年就业目标，今年以来全市新增就业1.2万人。', '2017-10-01')[12000]).toBe('achieved');
  });
  test('zh-Hans: a plan word of its own still makes it planned', () => {
    expect(modalities('为完成全年目标，明年将发放贷款3亿元。')[300000000]).toBe('planned');
  });
  test('zh-Hant: 為了… in traditional characters', () => {
    expect(modalities('為了達成年度目標，該行上半年共發放創業貸款2億元。')[200000000]).toBe('achieved');
  });
  test('vi: Để hoàn thành kế hoạch…, Nhằm đạt mục tiêu…', () => {
    expect(modalities('Để hoàn thành kế hoạch năm, chi nhánh tích cực giải ngân, doanh số cho vay đạt 300 tỷ đồng.')[300000000000]).toBe('achieved');
    expect(modalities('Nhằm đạt mục tiêu năm 2017, ngân hàng cho vay 200 tỷ đồng.')[200000000000]).toBe('achieved');
  });
  test('vi: the target itself in the clause of purpose stays planned', () => {
    expect(modalities('Nhằm đạt mục tiêu cho vay 900 tỷ đồng, ngân hàng mở thêm 3 phòng giao dịch.')[900000000000]).toBe('planned');
  });
});

describe('a need right before a figure', () => {
  test('vi: cần + a figure is a requirement; cần + a verb is advice', () => {
    expect(modalities('Để vận hành nhà máy mới, công ty cần 450 lao động.')[450]).toBe('planned');
    expect(modalities('Nhà nước cần duy trì gói tín dụng ưu đãi như gói 20.000 tỷ đồng năm ngoái.')[20000000000000]).toBe('achieved');
    expect(modalities('Thành phố Cần Thơ có 1.200 doanh nghiệp.')[1200]).toBe('achieved');
  });
});

describe('a plan verb scopes over the later clauses of its sentence', () => {
  test('zh-Hant: 預計…將成長20%，達到120億元', () => {
    expect(modalities('該公司預計今年營收將成長20%，達到120億元。', '2017-06-20')[12000000000]).toBe('planned');
  });
  test('zh-Hans: 预计…，…', () => {
    expect(modalities('预计今年该县新增就业3000人，培训农民工5000人。', '2017-06-20')).toMatchObject({ 3000: 'planned', 5000: 'planned' });
  });
  test('vi: dự kiến … tăng 15%, đạt 800 tỷ đồng', () => {
    expect(modalities('Năm 2017, công ty dự kiến doanh thu tăng 15%, đạt 800 tỷ đồng.', '2017-06-20')[800000000000]).toBe('planned');
  });
  test('not over a clause whose period is over, nor past a plan noun', () => {
    expect(modalities('今年该市将新增就业2万人，去年新增就业1.5万人。', '2017-06-20')[15000]).toBe('achieved');
    expect(modalities('完成全年目标的85%，发放贷款3亿元。', '2017-06-20')[300000000]).toBe('achieved');
  });
});

describe('the time still to come', () => {
  test('vi: trong thời gian tới, sắp tới', () => {
    expect(modalities('Trong thời gian tới, tỉnh tiếp tục hỗ trợ 50 tỷ đồng cho nông dân.')[50000000000]).toBe('planned');
    expect(modalities('Sắp tới, ngân hàng cho vay thêm 200 tỷ đồng.')[200000000000]).toBe('planned');
  });
  test('zh-Hans: 下一步, 明年 on an undated page', () => {
    expect(modalities('下一步，该县继续安排专项资金500万元支持返乡创业。')[5000000]).toBe('planned');
    expect(modalities('明年全市新增就业2万人。')[20000]).toBe('planned');
  });
  test('zh-Hant: 明年', () => {
    expect(modalities('明年縣府補助青年創業500萬元。')[5000000]).toBe('planned');
  });
});

describe('将 marking the object (把) is no future', () => {
  test('zh-Hans: 将…作为 / 将…纳入', () => {
    expect(modalities('今年以来，该局将创业担保贷款作为重点工作，共发放贷款3亿元。', '2017-10-20')[300000000]).toBe('achieved');
    expect(modalities('该县将返乡创业纳入考核，全年扶持创业1200人。', '2017-12-20')[1200]).toBe('achieved');
  });
  test('zh-Hant: 將…列入', () => {
    expect(modalities('縣府將青年創業列入施政重點，去年共核發創業貸款2億元。')[200000000]).toBe('achieved');
  });
  test('zh-Hans: 将 + a verb, or a figure before the word, stays the future', () => {
    expect(modalities('该县将投入资金3000万元用于返乡创业。')[30000000]).toBe('planned');
    expect(modalities('该县将作为试点，发放贷款3000万元。')[30000000]).toBe('planned');
  });
});

describe('a commitment, a consent, money set aside', () => {
  test('vi: vừa đồng ý giải ngân, cam kết tài trợ', () => {
    expect(modalities('Ngân hàng Thế giới vừa đồng ý giải ngân 150 triệu USD cho dự án.')[150000000]).toBe('planned');
    expect(modalities('Tập đoàn cam kết tài trợ 20 tỷ đồng cho quỹ khởi nghiệp của tỉnh.')[20000000000]).toBe('planned');
  });
  test('zh-Hans: 承诺, 预留; zh-Hant: 同意', () => {
    expect(modalities('该企业承诺投资扶持资金2000万元。')[20000000]).toBe('planned');
    expect(modalities('市财政预留专项资金500万元用于创业补贴。')[5000000]).toBe('planned');
    expect(modalities('行政院同意補助地方政府創業貸款利息3億元。')[300000000]).toBe('planned');
  });
  test('an achievement word after it still speaks', () => {
    expect(modalities('Ngân hàng đồng ý cho vay và đã giải ngân 150 tỷ đồng cho dự án.')[150000000000]).toBe('achieved');
  });
});

describe('a plan noun that is what was completed', () => {
  test('vi: đã hoàn thành chỉ tiêu …, vượt kế hoạch', () => {
    expect(modalities('Tỉnh đã hoàn thành chỉ tiêu giải quyết việc làm cho 35.000 lao động.')[35000]).toBe('achieved');
    expect(modalities('Ngân hàng vượt kế hoạch, giải ngân 300 tỷ đồng.')[300000000000]).toBe('achieved');
  });
  test('vi: a plan verb governing the completing keeps it planned', () => {
    expect(modalities('Năm 2017, tỉnh phấn đấu hoàn thành chỉ tiêu giải quyết việc làm cho 35.000 lao động.')[35000]).toBe('planned');
  });
  test('zh-Hans: 已完成年度目标任务… / 确保完成年度目标任务…', () => {
    expect(modalities('已完成年度目标任务新增就业1万人。')[10000]).toBe('achieved');
    expect(modalities('确保完成年度目标任务新增就业1万人。')[10000]).toBe('planned');
  });
  test('zh-Hant: 已達成年度目標…', () => {
    expect(modalities('該縣已達成年度目標，協助青年創業800人。')[800]).toBe('achieved');
  });
});

describe('forecast words', () => {
  test('zh-Hant: 可望, 預估', () => {
    expect(modalities('該公司今年營收可望達到100億元。')[10000000000]).toBe('planned');
    expect(modalities('公司預估明年營收達50億元。')[5000000000]).toBe('planned');
  });
  test('vi: dự tính', () => {
    expect(modalities('Năm 2018, tỉnh dự tính hỗ trợ 30 tỷ đồng cho nông dân.')[30000000000]).toBe('planned');
  });
});

describe('names holding a plan word', () => {
  test('vi: Sở Kế hoạch và Đầu tư is a body', () => {
    expect(modalities('Theo Sở Kế hoạch và Đầu tư, năm 2016 toàn tỉnh có 1.250 doanh nghiệp thành lập mới.')[1250]).toBe('achieved');
  });
  test('zh-Hans: 计划生育 is a policy name', () => {
    expect(modalities('县计划生育协会为贫困家庭发放小额贷款800万元。')[8000000]).toBe('achieved');
  });
  test('zh-Hans: 将近 is nearly, 准备金 a reserve fund, 规划局 a bureau', () => {
    expect(modalities('去年全县共培训农民工将近3000人。')[3000]).toBe('achieved');
    expect(modalities('该行已提取风险准备金3000万元用于担保贷款。')[30000000]).toBe('achieved');
    expect(modalities('市规划局安排专项资金500万元。')[5000000]).toBe('achieved');
  });
  test('zh-Hant: 將近 in traditional characters', () => {
    expect(modalities('去年全縣共培訓農民工將近2500人。')[2500]).toBe('achieved');
  });
  test('vi: a Chương trình mục tiêu is a programme', () => {
    expect(modalities('Chương trình mục tiêu phát triển lâm nghiệp bền vững hỗ trợ 50 tỷ đồng cho các hộ dân.')[50000000000]).toBe('achieved');
  });
});

describe('a headline restated in the body', () => {
  test('zh-Hans: the headline figure is planned as its restatement is', () => {
    const m = extractFromText('某市投资3.5亿元建设污水处理厂\n今年，该市计划投资3.5亿元建设两座污水处理厂，预计年底完工。', set, { published: '2019-03-02' });
    expect(m[0].modality).toBe('planned');
  });
  test('zh-Hant: and achieved when the body says it is done', () => {
    const m = extractFromText('某市投資3.5億元建設污水處理廠\n去年，該市投資3.5億元建成兩座污水處理廠。', set, { published: '2019-03-02' });
    expect(m[0].modality).toBe('achieved');
  });
  test('vi: the headline figure of a planned package', () => {
    const m = extractFromText(
      'Tỉnh hỗ trợ 120 tỷ đồng cho nông dân\nTheo kế hoạch, năm 2019 tỉnh sẽ hỗ trợ 120 tỷ đồng cho nông dân chuyển đổi cây trồng.',
      set,
      { published: '2018-12-20' },
    );
    expect(m[0].modality).toBe('planned');
  });
  test('a first line that is a paragraph of several sentences is no headline', () => {
    const m = extractFromText('Huyện hỗ trợ 30 tỷ đồng cho nông dân. Đây là khoản hỗ trợ lớn.\nNăm sau, huyện sẽ hỗ trợ 30 tỷ đồng cho nông dân.', set, {
      published: '2018-12-20',
    });
    expect(m[0].modality).toBe('achieved');
  });
});
