/**
 * The candidate stage (`extractors/<lang>/_not_facts.yaml`, src/extract/screen.ts): every decision's own examples, and
 * the patterns of issue 13 on sentences written for this test (zh-Hans, zh-Hant, vi; English: general-news-en.test.ts)
 * — for each, the fact that must be kept and the number that must be passed over, with the decision that passed it (as
 * `audit explain --figure` shows).
 */
import { loadRuleSet } from '../../src/extract/rules.js';
import { testNotFactDecision } from '../../src/audit/ruletests.js';
import { run, passedBy, kept } from './screen-probe.js';

const ruleSet = loadRuleSet();

describe('not-fact decisions: their own examples', () => {
  test('every language with rules has decisions', () => {
    expect([...ruleSet.notFacts.keys()].sort()).toEqual(['en', 'vi', 'zh']);
  });
  for (const decisions of ruleSet.notFacts.values()) {
    for (const d of decisions) {
      test(`${d.lang}.${d.id}`, () => {
        const r = testNotFactDecision(d, ruleSet);
        expect(r.failures).toEqual([]);
        expect(r.examples).toBeGreaterThanOrEqual(2);
      });
    }
  }
});

describe('pattern 1: people who are not workers or trainees', () => {
  test('zh-Hans: audiences are passed over, jobs kept', () => {
    expect(passedBy('本届博览会共吸引观众8万人次。', '8万人次', 'audience', '观众')).toEqual([]);
    expect(passedBy('这次活动招募志愿者450名。', '450名', 'audience', '志愿者')).toEqual([]);
    kept('该园区去年吸纳就业2300人。', { type: 'headcount', value: 2300, unit: 'person' });
  });
  test('zh-Hant: members of a service and protesters are passed over', () => {
    expect(passedBy('該應用程式會員人數已突破120萬名。', '120万名', 'audience', '会员')).toEqual([]);
    expect(passedBy('約300名抗議者聚集在廣場。', '300名', 'audience', '抗议')).toEqual([]);
    kept('今年全縣新增就業3200人。', { type: 'headcount', value: 3200, unit: 'person' });
  });
  test('zh general news: who people are, honours, clients and few people in words', () => {
    expect(passedBy('全镇现有常住居民1.8万人，其中外来人口3000人。', '1.8万人', 'residents', '居民')).toEqual([]);
    expect(passedBy('那年冬天，夫妻二人都在一家餐馆打工。', '二人', 'few_in_words', '二')).toEqual([]);
    expect(passedBy('本市共有26家企業入選省級綠色工廠名單。', '26家', 'honoured', '名单')).toEqual([]);
    expect(passedBy('市工會今年表彰了45名優秀環衛工人。', '45名', 'awarded')).toEqual([]);
    expect(passedBy('这家物流公司服务的企业客户已有900多家。', '900多家', 'clients', '客户')).toEqual([]);
    // The students are the 1500, the teachers the 90; a breakdown's labels name a part of its total.
    const list = run('该中学有学生1500人、教师90人。').facts;
    expect(list).toEqual([expect.objectContaining({ type: 'headcount', value: 90 })]);
    kept('今年该区新增就业5200人，其中退役军人340人。', { type: 'headcount', value: 340, unit: 'person' });
    kept('他的小作坊去年雇用了三人。', { type: 'headcount', value: 3, unit: 'person' });
    expect(passedBy('洪水逼近，镇政府连夜转移安置沿河群众2400余人。', '2400余人', 'evacuated')).toEqual([]);
    expect(passedBy('工地上有50多名工人被拖欠工资。', '50多名', 'disputes', '拖欠')).toEqual([]);
    kept('该县今年转移农村劳动力就业1.1万人。', { type: 'headcount', value: 11000, unit: 'person' });
    expect(passedBy('集团为3000名职工每人发放了500元红包。', '3000名', 'staff_benefits', '红包')).toEqual([]);
    expect(passedBy('已有40多家企业响应了这项节能倡议。', '40多家', 'firm_events')).toEqual([]);
    expect(passedBy('今年全省高校毕业生预计达到52万人。', '52万人', 'residents', '毕业生')).toEqual([]);
    kept('今年该市帮助1.5万名高校毕业生实现就业。', { type: 'headcount', value: 15000, unit: 'person' });
  });
  test('vi: tourists, attendees and job-fair vacancies are passed over', () => {
    expect(passedBy('Lễ hội thu hút 50.000 lượt du khách.', '50.000 lượt', 'audience', 'du khách')).toEqual([]);
    expect(passedBy('Các doanh nghiệp thông báo cần tuyển 3.000 lao động.', '3.000 lao động', 'vacancies', 'cần tuyển')).toEqual([]);
    kept('Dự án tạo việc làm cho 800 lao động.', { type: 'headcount', value: 800, unit: 'person' });
  });
  test('people counted in an accident are victims, not workers', () => {
    expect(passedBy('隧道工地发生事故，5名工人受伤。', '5名', 'incident')).toEqual([]);
    expect(passedBy('Vụ cháy làm 4 công nhân bị thương.', '4 công nhân', 'incident', 'bị thương')).toEqual([]);
  });
});

describe('pattern 2: numbers that are words', () => {
  test('vi: legal forms and the article một', () => {
    expect(passedBy('Công ty TNHH Một thành viên Thủy lợi Bắc Hà đã bàn giao công trình.', 'Một thành viên', 'name_word')).toEqual([]);
    expect(passedBy('Một học viên của lớp nghề đã tìm được việc.', 'Một học viên', 'number_word')).toEqual([]);
    kept('Hợp tác xã có 45 thành viên.', { type: 'headcount', value: 45, unit: 'person' });
  });
  test('zh: 一名 / 一家 are the article "a", never a figure', () => {
    const { facts, traces } = run('一名学员在一家企业找到了工作。');
    expect(facts).toEqual([]);
    expect(traces.map((t) => t.passed?.decision)).toEqual(['number_word', 'number_word']);
    kept('今年共培训学员1名以上的班组有多个，全年培训学员860名。', { type: 'trainee_count', value: 860, unit: 'person' });
  });
});

describe('pattern 3: rates, caps and thresholds', () => {
  test('zh-Hans: unit prices, conditions, per-household figures', () => {
    expect(passedBy('这批蔬菜的单价在3元—5元之间。', '3元—5元', 'price_or_rate', '单价')).toEqual([]);
    expect(passedBy('年营业额超过500万元的企业可申请补贴。', '500万元', 'condition', '可申请')).toEqual([]);
    expect(passedBy('每户至少安排1人就业。', '1人', 'per_unit', '每')).toEqual([]);
    kept('全年发放创业补贴资金500万元。', { type: 'funding_amount', value: 5000000, unit: 'CNY' });
  });
  test('zh-Hant: a cap', () => {
    expect(passedBy('青年創業貸款最高可貸200萬元。', '200万元', 'change_or_rate', '最高可')).toEqual([]);
    expect(passedBy('符合條件者按不超過15萬元發放創業貸款。', '不超过15万元', 'cap', '不超过')).toEqual([]);
  });
  test('vi: a cap per household', () => {
    expect(passedBy('Mỗi hộ được vay tối đa 100 triệu đồng/hộ.', '100 triệu đồng', 'change_or_rate')).toEqual([]);
    expect(passedBy('Người lao động được vay tối đa 50 triệu đồng để đi làm việc ở nước ngoài.', '50 triệu đồng', 'cap', 'tối đa')).toEqual([]);
    kept('Năm 2016 ngân hàng đã cho vay 450 tỷ đồng.', { type: 'loan_amount', value: 450000000000, unit: 'VND' });
  });
});

describe('pattern 4: money outside the six types', () => {
  test('zh-Hans: deposits and profits', () => {
    expect(passedBy('截至9月末，各项存款余额达350亿元。', '350亿元', 'other_money', '存款')).toEqual([]);
    expect(passedBy('公司前三季度实现净利润1.8亿元。', '1.8亿元', 'other_money', '净利润')).toEqual([]);
    kept('截至9月末，各项贷款余额达280亿元。', { type: 'loan_amount', value: 28000000000, unit: 'CNY' });
  });
  test('zh-Hant: market value and share prices', () => {
    expect(passedBy('這家公司的總市值約8000億元。', '8000亿元', 'other_money', '总市值')).toEqual([]);
    expect(passedBy('該股股價收在58元。', '58元', 'other_money', '股价')).toEqual([]);
  });
  test('vi: profits, deficits and budget receipts', () => {
    expect(passedBy('Năm 2016 công ty đạt lợi nhuận 320 tỷ đồng.', '320 tỷ đồng', 'other_money', 'lợi nhuận')).toEqual([]);
    expect(passedBy('Năm 2016 công ty mở thêm xưởng.', '2016 công ty', 'year', 'năm')).toEqual([]);
    expect(passedBy('Mức bội chi năm nay khoảng 178.000 tỷ đồng.', '178.000 tỷ đồng', 'other_money', 'bội chi')).toEqual([]);
    kept('Tỉnh bố trí kinh phí hỗ trợ 12 tỷ đồng cho các hợp tác xã.', { type: 'funding_amount', value: 12000000000, unit: 'VND' });
  });
});

describe('pattern 6: the governing word decides the type', () => {
  test('zh-Hans: training of workers is training; recipients of loans are borrowers; jobs created are headcount', () => {
    kept('今年共培训家政从业人员3200人次。', { type: 'trainee_count', value: 3200, unit: 'person_time' });
    expect(passedBy('去年为1.2万名创业者发放创业担保贷款。', '1.2万名', 'recipients', '担保贷款')).toEqual([]);
    kept('该项目将创造800个就业岗位。', { type: 'headcount', value: 800, unit: 'person' });
  });
  test('zh-Hant: people lifted out of poverty are beneficiaries', () => {
    expect(passedBy('計畫帶動近千名婦女實現增收。', '近千名', 'recipients', '增收')).toEqual([]);
  });
  test('vi: beneficiaries of a transfer', () => {
    expect(passedBy('Tỉnh đã chi trả cho 12.000 người lao động có hoàn cảnh khó khăn.', '12.000 người lao động', 'recipients', 'chi trả cho')).toEqual([]);
  });
});

describe('pattern 7: Vietnamese Social Policy Bank credit is lending', () => {
  test.each([
    ['Đến nay, dư nợ vốn hộ nghèo của huyện đạt 520 tỷ đồng.', 520000000000],
    ['Tổng dư nợ chương trình cho vay giải quyết việc làm đạt 86 tỷ đồng.', 86000000000],
    ['Năm 2016, Ngân hàng Chính sách xã hội tỉnh đã giải ngân 1.250 tỷ đồng.', 1250000000000],
    ['Hội Nông dân tỉnh đang quản lý 1.200 tỷ đồng vốn ủy thác.', 1200000000000],
    ['Ngân hàng Chính sách xã hội giải ngân 300 tỷ đồng vốn học sinh sinh viên.', 300000000000],
  ])('%s', (text, value) => {
    kept(text, { type: 'loan_amount', value, unit: 'VND' });
  });
  test('disbursed public investment stays funding, never a loan', () => {
    const { facts } = run('Lũy kế vốn đầu tư công giải ngân đến nay đạt 8.150 tỷ đồng.');
    expect(facts.filter((f) => f.type === 'loan_amount')).toEqual([]);
  });
});

describe('pattern 8: forms the parser reads, the extractor keeps', () => {
  test('a range gives its lower bound', () => {
    kept('Dự án sẽ thu hút từ 2.000 đến 3.000 lao động.', { type: 'headcount', value: 2000, unit: 'person', qualifier: 'range' });
  });
  test('nghìn and 千', () => {
    kept('Trên địa bàn có 8 nghìn người lao động.', { type: 'headcount', value: 8000, unit: 'person' });
    kept('累计带动就业逾5千人。', { type: 'headcount', value: 5000, unit: 'person', qualifier: 'more_than' });
  });
});
