/**
 * Every bullet of "What it must read" (issue 3) in simplified and traditional Chinese, Vietnamese and English, on
 * sentences shaped like the ones news pages carry.
 */
import { parseQuantities } from '../../src/quantities/index.js';
import type { Quantity } from '../../src/quantities/types.js';
import type { RuleLang } from '../../src/types.js';

/** The quantity whose text is `figure` (the figure must be found, exactly once). */
function q(text: string, lang: RuleLang, figure: string): Quantity {
  const all = parseQuantities(text, lang);
  const hits = all.filter((x) => x.text === figure);
  if (hits.length !== 1) throw new Error(`${figure} not found once in ${text}: ${all.map((x) => x.text).join(' | ')}`);
  const hit = hits[0];
  expect(text.slice(hit.start, hit.end)).toBe(figure);
  return hit;
}

describe('Arabic numerals: separators, decimals, full-width digits, signs', () => {
  test.each<[RuleLang, string, string, string]>([
    ['zh', '全年共发放贷款1,713笔', '1,713笔', '1713'],
    ['zh', '全縣共有1 713人參加培訓', '1 713人', '1713'],
    ['zh', '营业收入１２３万元', '１２３万元', '1230000'],
    ['zh', '利润为-35.5万元', '-35.5万元', '-355000'],
    ['zh', '氣溫為負3.5度', '負3.5', '-3.5'],
    ['vi', 'Năm nay có 1.713 người tham gia', '1.713 người', '1713'],
    ['vi', 'tăng trưởng đạt 6,5 phần trăm', '6,5 phần trăm', '6.5'],
    ['en', 'The county trained 1,713 workers, up 2.5 percent', '1,713 workers', '1713'],
  ])('%s %s', (lang, text, figure, valueText) => {
    expect(q(text, lang, figure).valueText).toBe(valueText);
  });
});

describe('Chinese numerals in every common form, exact arithmetic', () => {
  test.each<[string, string, string]>([
    ['培训人数达一千二百人', '一千二百人', '1200'],
    ['新增就业两万人', '两万人', '20000'],
    ['新增就業兩萬人', '兩萬人', '20000'],
    ['共有十一家企业入驻', '十一家', '11'],
    ['帮扶一百零五户贫困户', '一百零五户', '105'],
    ['项目编号二〇〇六年启动', '二〇〇六年', '2006'],
    ['金额为壹拾贰万叁仟元整', '壹拾贰万叁仟元整', '123000'],
    ['金額為壹佰萬零伍拾肆元整', '壹佰萬零伍拾肆元整', '1000054'],
    ['廿二日召开会议,卅个单位参加', '卅个', '30'],
    ['培训6千人次', '6千人次', '6000'],
    ['带动2.03万人就业', '2.03万人', '20300'],
    ['贷款1.1亿元', '1.1亿元', '110000000'],
    ['產值達30.85億元', '30.85億元', '3085000000'],
    ['新增企業3萬2517家', '3萬2517家', '32517'],
    ['累计投资200亿零四千230元', '200亿零四千230元', '20000004230'],
    ['合计六十四万零一百四十三元一角七分', '六十四万零一百四十三元一角七分', '640143.17'],
  ])('%s', (text, figure, valueText) => {
    expect(q(text, 'zh', figure).valueText).toBe(valueText);
  });

  test('2.03万 is exactly 20300 and big integers keep every digit', () => {
    expect(q('吸纳2.03万名劳动力', 'zh', '2.03万名').value).toBe(20300);
    const big = q('外汇储备达九千八百七十六万五千四百三十二亿九千八百七十六万五千四百三十二元', 'zh', '九千八百七十六万五千四百三十二亿九千八百七十六万五千四百三十二元');
    expect(big.valueText).toBe('9876543298765432');
    expect(q('账户余额123456789012345678901元', 'zh', '123456789012345678901元').valueText).toBe('123456789012345678901');
  });
});

describe('qualifiers are data, not swallowed', () => {
  test.each<[RuleLang, string, string, string, string | null]>([
    ['zh', '带动2.03万余名农村劳动力就业', '2.03万余名', 'more_than', null],
    ['zh', '帶動2.03萬餘名勞動力就業', '2.03萬餘名', 'more_than', null],
    ['zh', '其中吸纳贫困劳动者就业1578余人', '1578余人', 'more_than', null],
    ['zh', '全年培训近11万人次', '11万人次', 'approx', '近'],
    ['zh', '吸纳就业超过300人', '300人', 'more_than', '超过'],
    ['zh', '吸納就業超過300人', '300人', 'more_than', '超過'],
    ['zh', '规模在300人以上的企业', '300人', 'more_than', '以上'],
    ['zh', '投资约5000万元', '5000万元', 'approx', '约'],
    ['zh', '月收入3000元左右', '3000元', 'approx', '左右'],
    ['zh', '全年培训至少200人', '200人', 'at_least', '至少'],
    ['zh', '每户不少于5万元', '5万元', 'at_least', '不少于'],
    ['zh', '不到100家企业', '100家', 'less_than', '不到'],
    ['zh', '資金不足50萬元', '50萬元', 'less_than', '不足'],
    ['zh', '逾3万人参加', '3万人', 'more_than', '逾'],
    ['zh', '贷款1000多万元', '1000多万元', 'more_than', null],
    ['vi', 'thu hút hơn 1.500 người lao động', '1.500 người lao động', 'more_than', 'hơn'],
    ['vi', 'có trên 200 doanh nghiệp', '200 doanh nghiệp', 'more_than', 'trên'],
    ['vi', 'đào tạo khoảng 200 lao động', '200 lao động', 'approx', 'khoảng'],
    ['vi', 'gần 300 hộ được vay vốn', '300 hộ', 'approx', 'gần'],
    ['vi', 'ít nhất 3 dự án', '3 dự án', 'at_least', 'ít nhất'],
    ['vi', 'dưới 50 lao động', '50 lao động', 'less_than', 'dưới'],
    ['en', 'more than 1,500 people were trained', '1,500 people', 'more_than', 'more than'],
    ['en', 'nearly 300 households received loans', '300 households', 'approx', 'nearly'],
    ['en', 'at least 20 enterprises', '20 enterprises', 'at_least', 'at least'],
  ])('%s %s', (lang, text, figure, qualifier, word) => {
    const hit = q(text, lang, figure);
    expect(hit.qualifier).toBe(qualifier);
    if (word) expect(text.slice(hit.qualifierStart, hit.qualifierEnd)).toBe(word);
  });

  test('余额 is a balance, not the qualifier 余', () => {
    const hit = q('年末贷款余额21.18亿元', 'zh', '21.18亿元');
    expect(hit.qualifier).toBe('exact');
    expect(hit.value).toBe(2118000000);
    expect(q('年末貸款餘額21.18億元', 'zh', '21.18億元').qualifier).toBe('exact');
  });
});

describe('ranges', () => {
  test.each<[RuleLang, string, string, [number, number], string | null]>([
    ['zh', '每户可贷3至5万元', '3至5万元', [30000, 50000], 'CNY'],
    ['zh', '每戶可貸3至5萬元', '3至5萬元', [30000, 50000], 'CNY'],
    ['zh', '贴息贷款额度为1万-5万元', '1万-5万元', [10000, 50000], 'CNY'],
    ['zh', '预计带动两到三万人就业', '两到三万人', [20000, 30000], 'person'],
    ['zh', '每期培训10—20人', '10—20人', [10, 20], 'person'],
    ['vi', 'mức vay từ 1000 đến 2000 đồng', '1000 đến 2000 đồng', [1000, 2000], 'VND'],
    ['vi', 'tuyển 15 - 20 lao động', '15 - 20 lao động', [15, 20], 'person'],
    ['en', 'each firm hires 5 to 10 workers', '5 to 10 workers', [5, 10], 'person'],
  ])('%s %s', (lang, text, figure, range, unit) => {
    const hit = q(text, lang, figure);
    expect(hit.qualifier).toBe('range');
    expect(hit.range).toEqual(range);
    expect(hit.value).toBe(range[0]);
    expect(hit.unit).toBe(unit);
  });
});

describe('units and currencies', () => {
  test.each<[RuleLang, string, string, number, string, string]>([
    ['zh', '发放贷款290万元', '290万元', 2900000, 'CNY', 'money'],
    ['zh', '获得补贴800块', '800块', 800, 'CNY', 'money'],
    ['zh', '募集人民币50亿元', '人民币50亿元', 5000000000, 'CNY', 'money'],
    ['zh', '投资2000万美元建厂', '2000万美元', 20000000, 'USD', 'money'],
    ['zh', '捐款港币100元', '港币100元', 100, 'HKD', 'money'],
    ['zh', '捐款港幣100元', '港幣100元', 100, 'HKD', 'money'],
    ['zh', '新台幣30億元', '新台幣30億元', 3000000000, 'TWD', 'money'],
    ['zh', '补助新台币6亿元', '新台币6亿元', 600000000, 'TWD', 'money'],
    ['zh', '募资1.95港元每股', '1.95港元', 1.95, 'HKD', 'money'],
    ['zh', '培训6039人次', '6039人次', 6039, 'person_time', 'count'],
    ['zh', '扶持120户', '120户', 120, 'household', 'count'],
    ['zh', '入驻企业35家', '35家', 35, 'enterprise', 'count'],
    ['zh', '聘用員工30名', '30名', 30, 'person', 'count'],
    ['zh', '邀请专家5位', '5位', 5, 'person', 'count'],
    ['zh', '共办12期', '12期', 12, '期', 'count'],
    ['zh', '发放贷款1713笔', '1713笔', 1713, '笔', 'count'],
    ['vi', 'cho vay 250 triệu đồng', '250 triệu đồng', 250000000, 'VND', 'money'],
    ['vi', 'vốn 1,5 tỷ đồng', '1,5 tỷ đồng', 1500000000, 'VND', 'money'],
    ['vi', 'giá 50.000đ một suất', '50.000đ', 50000, 'VND', 'money'],
    ['vi', 'tổng 300 triệu VNĐ', '300 triệu VNĐ', 300000000, 'VND', 'money'],
    ['vi', 'đầu tư 2 triệu USD', '2 triệu USD', 2000000, 'USD', 'money'],
    ['vi', 'tài trợ 500 đô la', '500 đô la', 500, 'USD', 'money'],
    ['vi', 'có 300 lượt người tham gia', '300 lượt người', 300, 'person_time', 'count'],
    ['vi', 'hỗ trợ 45 hộ', '45 hộ', 45, 'household', 'count'],
    ['vi', 'thành lập 12 doanh nghiệp', '12 doanh nghiệp', 12, 'enterprise', 'count'],
    ['vi', 'có 7 cơ sở', '7 cơ sở', 7, 'establishment', 'count'],
    ['vi', 'triển khai 01 dự án', '01 dự án', 1, 'project', 'count'],
    ['vi', 'đào tạo 80 học viên', '80 học viên', 80, 'person', 'count'],
    ['en', 'The fund lent $1.2 million to farmers', '$1.2 million', 1200000, 'USD', 'money'],
    ['en', 'loans worth VND 250 million', 'VND 250 million', 250000000, 'VND', 'money'],
  ])('%s %s', (lang, text, figure, value, unit, kind) => {
    const hit = q(text, lang, figure);
    expect(hit.value).toBe(value);
    expect(hit.unit).toBe(unit);
    expect(hit.kind).toBe(kind);
  });

  test('a bare 2000万 is plain, not money', () => {
    const hit = q('项目总投资中,社会资本2000万', 'zh', '2000万');
    expect(hit.kind).toBe('plain');
    expect(hit.value).toBe(20000000);
    expect(hit.unit).toBeNull();
  });
});

describe('Vietnamese numbers', () => {
  test.each<[string, string, number]>([
    ['Huyện có 1.500 người', '1.500 người', 1500],
    ['vốn 1,5 tỷ', '1,5 tỷ', 1500000000],
    ['thu hút 3 nghìn lao động', '3 nghìn lao động', 3000],
    ['thu hút 3 ngàn lao động', '3 ngàn lao động', 3000],
    ['kinh phí 1 tỷ 200 triệu đồng', '1 tỷ 200 triệu đồng', 1200000000],
    ['có hai trăm năm mươi học viên', 'hai trăm năm mươi học viên', 250],
    ['mười người được hỗ trợ', 'mười người', 10],
    ['cấp cho một nghìn không trăm linh năm hộ', 'một nghìn không trăm linh năm hộ', 1005],
    ['hai mươi lăm doanh nghiệp', 'hai mươi lăm doanh nghiệp', 25],
  ])('%s', (text, figure, value) => {
    expect(q(text, 'vi', figure).value).toBe(value);
  });

  test('năm is "year" unless a number word makes it five', () => {
    const qs = parseQuantities('Trong năm 2006, hai mươi năm qua, năm người được hỗ trợ', 'vi');
    expect(qs.map((x) => [x.text, x.value, x.kind])).toEqual([
      ['2006', 2006, 'year'],
      ['hai mươi', 20, 'plain'],
      ['năm người', 5, 'count'],
    ]);
  });
});

describe('English via compromise', () => {
  test.each<[string, string, number]>([
    ['The province invested 2.5 million dollars', '2.5 million dollars', 2500000],
    ['two hundred households joined the programme', 'two hundred households', 200],
    ['some twenty-five thousand people', 'twenty-five thousand people', 25000],
  ])('%s', (text, figure, value) => {
    expect(q(text, 'en', figure).value).toBe(value);
  });
});

describe('what is not a quantity of interest is typed as such', () => {
  test.each<[RuleLang, string, string, string]>([
    ['zh', '同比增长16.5%', '16.5%', 'percent'],
    ['zh', '占比百分之二十', '百分之二十', 'percent'],
    ['zh', '佔比百分之二十', '百分之二十', 'percent'],
    ['zh', '提高3个百分点', '3个百分点', 'percent'],
    ['zh', '2017年全县新增就业', '2017年', 'year'],
    ['zh', '2016年以来累计发放', '2016年', 'year'],
    ['zh', '截至9月末', '9月末', 'date'],
    ['zh', '1—10月份累计', '1—10月份', 'date'],
    ['zh', '第八届创业大赛', '八届', 'ordinal'],
    ['zh', '第105届广交会', '105届', 'ordinal'],
    ['zh', '咨询电话:0573-88118696', '0573-88118696', 'identifier'],
    ['zh', '電話:(86)0573-88118696', '(86)0573-88118696', 'identifier'],
    ['zh', '根据浙新办2006[33]号文件', '2006[33]号', 'identifier'],
    ['zh', '依據[2006]33號文件', '[2006]33號', 'identifier'],
    ['zh', '浙ICP备06047663号', 'ICP备06047663号', 'identifier'],
    ['zh', '地址:人民路578号', '578号', 'identifier'],
    ['vi', 'tăng 32% so với năm 2006', '32%', 'percent'],
    ['vi', 'tăng 32% so với năm 2006', '2006', 'year'],
    ['vi', 'từ tháng 10/2005', '10/2005', 'date'],
    ['vi', 'ngày 16/6/2006', '16/6/2006', 'date'],
    ['vi', 'theo Nghị định 134/2004/NĐ-CP', '134/2004/NĐ-CP', 'identifier'],
    ['vi', 'công văn số 341/UBND-CN', '341/UBND-CN', 'identifier'],
    ['vi', 'điện thoại 0912.345.678', '0912.345.678', 'identifier'],
    ['en', 'in 2017 exports rose 16.5%', '2017', 'year'],
    ['en', 'in 2017 exports rose 16.5%', '16.5%', 'percent'],
  ])('%s %s → %s', (lang, text, figure, kind) => {
    expect(q(text, lang, figure).kind).toBe(kind);
  });
});

describe('output shape', () => {
  test('sorted by start, non-overlapping, spans index the given text', () => {
    const text = '2017年,全市发放创业担保贷款2.9亿元,扶持1578余人创业,带动就业近1.1万人,同比增长16.5%。';
    const qs = parseQuantities(text, 'zh');
    for (let i = 1; i < qs.length; i++) expect(qs[i].start).toBeGreaterThanOrEqual(qs[i - 1].end);
    expect(qs.map((x) => [x.text, x.valueText, x.kind])).toEqual([
      ['2017年', '2017', 'year'],
      ['2.9亿元', '290000000', 'money'],
      ['1578余人', '1578', 'count'],
      ['1.1万人', '11000', 'count'],
      ['16.5%', '16.5', 'percent'],
    ]);
  });
});

describe('English counted nouns, with adjectives between number and noun', () => {
  test.each<[string, string, string, number]>([
    ['The program trained 1,500 rural women in e-commerce skills.', '1,500 rural women', 'person', 1500],
    ['The cooperative employs 2,000 farmers.', '2,000 farmers', 'person', 2000],
    ['More than 300 young people completed the course.', '300 young people', 'person', 300],
    ['450 villagers and 120 graduates joined the scheme.', '450 villagers', 'person', 450],
    ['The county retrained 100 migrant workers.', '100 migrant workers', 'person', 100],
    ['It hired 40 labourers and 25 participants.', '40 labourers', 'person', 40],
    ['The fund backed 60 young entrepreneurs.', '60 young entrepreneurs', 'person', 60],
    ['The centre has 230 staff.', '230 staff', 'person', 230],
    ['The park created 300 new jobs last year.', '300 new jobs', 'job', 300],
    ['The county trained 5,600 person-times of rural labourers.', '5,600 person-times', 'person_time', 5600],
    ['Loans reached 70 households.', '70 households', 'household', 70],
    ['35 small firms and 7 SMEs signed up.', '35 small firms', 'enterprise', 35],
    ['loans for 300 microenterprises', '300 microenterprises', 'enterprise', 300],
    ['The ministry approved 8 projects.', '8 projects', 'project', 8],
    ['Roughly 1.2 million migrant workers returned.', '1.2 million migrant workers', 'person', 1200000],
  ])('%s', (text, figure, unit, value) => {
    const x = q(text, 'en', figure);
    expect(x.kind).toBe('count');
    expect(x.unit).toBe(unit);
    expect(x.value).toBe(value);
  });

  test('only adjectives may stand between: a verb, an article or a year stops the noun', () => {
    expect(parseQuantities('Of these, 1,500 were trained as workers.', 'en').find((x) => x.value === 1500)?.unit).toBeNull();
    expect(parseQuantities('In 2020 rural women earned more.', 'en')[0].kind).toBe('year');
    expect(parseQuantities('It gave 300 of the workers a bonus.', 'en')[0].unit).toBeNull();
  });

  test('between … and … is a range', () => {
    const x = q('Between 2,000 and 3,000 trainees will be enrolled.', 'en', '2,000 and 3,000 trainees');
    expect([x.qualifier, x.range, x.unit]).toEqual(['range', [2000, 3000], 'person']);
    expect(x.qualifierStart).toBe(0);
  });
});

describe('qualifier words of all three languages', () => {
  test.each<[RuleLang, string, string, string]>([
    ['zh', '全县农产品电商交易额突破20亿元', '20亿元', 'more_than'],
    ['zh', '带动就业超3万人', '3万人', 'more_than'],
    ['zh', '培训人数达到500人', '500人', 'exact'],
    ['zh', '参训人员达500人', '500人', 'exact'],
    ['zh', '受益群众逾千人', '千人', 'more_than'],
    ['zh', '将近300人参加', '300人', 'approx'],
    ['zh', '入驻企业接近200家', '200家', 'approx'],
    ['zh', '投资额约合300万美元', '300万美元', 'approx'],
    ['zh', '大约50人参加培训', '50人', 'approx'],
    ['vi', 'thu hút hơn 200 người', '200 người', 'more_than'],
    ['vi', 'trên 300 hộ được vay vốn', '300 hộ', 'more_than'],
    ['vi', 'gần 500 lao động', '500 lao động', 'approx'],
    ['vi', 'khoảng 20 doanh nghiệp', '20 doanh nghiệp', 'approx'],
    ['vi', 'ít nhất 10 dự án', '10 dự án', 'at_least'],
    ['vi', 'dưới 50 người', '50 người', 'less_than'],
    ['vi', 'chưa đến 100 hộ', '100 hộ', 'less_than'],
    ['vi', 'chưa đầy 2 năm đã tạo việc làm cho 40 lao động', '40 lao động', 'exact'],
    ['vi', 'doanh thu chưa đầy 5 tỷ đồng', '5 tỷ đồng', 'less_than'],
    ['vi', 'không đến 30 người tham gia', '30 người', 'less_than'],
    ['vi', 'xấp xỉ 2.000 người', '2.000 người', 'approx'],
    ['vi', 'ngót 300 hộ thoát nghèo', '300 hộ', 'approx'],
    ['en', 'more than 1,500 people', '1,500 people', 'more_than'],
    ['en', 'over 300 workers', '300 workers', 'more_than'],
    ['en', 'nearly 500 households', '500 households', 'approx'],
    ['en', 'almost 200 jobs', '200 jobs', 'approx'],
    ['en', 'about 20 firms', '20 firms', 'approx'],
    ['en', 'around 30 projects', '30 projects', 'approx'],
    ['en', 'roughly 40 trainees', '40 trainees', 'approx'],
    ['en', 'some 50 households', '50 households', 'approx'],
    ['en', 'at least 60 students', '60 students', 'at_least'],
    ['en', 'fewer than 70 employees', '70 employees', 'less_than'],
    ['en', 'less than 80 people', '80 people', 'less_than'],
    ['en', 'under 90 workers', '90 workers', 'less_than'],
    ['en', 'up to 100 people', '100 people', 'less_than'],
  ])('%s %s', (lang, text, figure, qualifier) => {
    expect(q(text, lang, figure).qualifier).toBe(qualifier);
  });

  test('上 alone is not a qualifier; 上万/数万 are vague amounts, at least ten thousand (issue 15)', () => {
    expect(parseQuantities('上万人参加', 'zh')).toMatchObject([{ text: '上万人', value: 10000, qualifier: 'more_than', vagueRange: [10000, 100000] }]);
    expect(parseQuantities('数万人参加', 'zh')).toMatchObject([{ text: '数万人', value: 10000, qualifier: 'more_than', vagueRange: [10000, 100000] }]);
    expect(parseQuantities('上午参加', 'zh')).toEqual([]);
  });
});

describe('Vietnamese counters before a longer noun phrase', () => {
  test.each<[string, string, string, number]>([
    ['Tỉnh có 45 cơ sở công nghiệp', '45 cơ sở', 'establishment', 45],
    ['hỗ trợ 320 hộ kinh doanh', '320 hộ', 'household', 320],
    ['trong đó có 12.300 lao động nữ', '12.300 lao động', 'person', 12300],
    ['hỗ trợ thành lập 18 tổ hợp tác', '18 tổ hợp tác', 'enterprise', 18],
  ])('%s', (text, figure, unit, value) => {
    const x = q(text, 'vi', figure);
    expect([x.unit, x.value]).toEqual([unit, value]);
  });
});

describe('spans written with neighbouring digits, bare 万/亿', () => {
  test.each<[string, string, [number, number], string]>([
    ['每个班三四十人', '三四十人', [30, 40], 'person'],
    ['每户补贴五六百元', '五六百元', [500, 600], 'CNY'],
    ['月收入七八千元', '七八千元', [7000, 8000], 'CNY'],
    ['来了一两个人', '一两个', [1, 2], 'item'],
    ['十五六人一组', '十五六人', [15, 16], 'person'],
    ['投入二三十万元', '二三十万元', [200000, 300000], 'CNY'],
    ['三五个村联合', '三五个', [3, 5], 'item'],
    ['招聘一千二三百人', '一千二三百人', [1200, 1300], 'person'],
  ])('%s', (text, figure, range, unit) => {
    const x = q(text, 'zh', figure);
    expect([x.qualifier, x.range, x.value, x.unit]).toEqual(['range', range, range[0], unit]);
  });

  test('digits read one by one stay one number', () => {
    expect(q('编号一二三', 'zh', '一二三').valueText).toBe('123');
    expect(q('二〇〇二年', 'zh', '二〇〇二年').kind).toBe('year');
  });

  test.each<[string, string, number, string]>([
    ['招聘万人以上', '万人', 10000, 'more_than'],
    ['吸纳就业逾万人', '万人', 10000, 'more_than'],
    ['投入近亿元', '亿元', 100000000, 'approx'],
    ['带动万余人就业', '万余人', 10000, 'more_than'],
  ])('%s', (text, figure, value, qualifier) => {
    const x = q(text, 'zh', figure);
    expect([x.value, x.qualifier]).toEqual([value, qualifier]);
  });
});

describe('Chinese words around numbers', () => {
  test('currency hundredths after the main unit', () => {
    expect(q('这台电脑两美元又三美分', 'zh', '两美元又三美分').valueText).toBe('2.03');
    expect(q('售价10日元5日本銭', 'zh', '10日元5日本銭').unit).toBe('JPY');
  });
  test('零下 before a temperature is a minus sign; a zero before a word is the word', () => {
    expect(q('气温零下四摄氏度', 'zh', '零下四摄氏度').valueText).toBe('-4');
    expect(parseQuantities('坚持零容忍', 'zh')).toEqual([]);
    expect(parseQuantities('零点零大', 'zh')).toEqual([]);
  });
  test('digits inside a name, kilo- before a unit of measure, a dangling unit', () => {
    expect(parseQuantities('陽光九九是食物品牌', 'zh')).toEqual([]);
    expect(q('装机容量三十万千瓦', 'zh', '三十万').value).toBe(300000);
    expect(parseQuantities('五十千', 'zh').map((x) => x.value)).toEqual([50]);
  });
  test('半 before a measure word, 余/多 as the qualifier word', () => {
    expect(q('买了半斤', 'zh', '半斤').value).toBe(0.5);
    const x = q('产品有五百多个', 'zh', '五百多个');
    expect([x.value, x.qualifier, x.numberEnd, x.qualifierStart]).toEqual([500, 'more_than', 5, 5]);
  });
  test('between-frames: 位于20和30之间, 第十和第十五之间, 最多100最少20个', () => {
    const a = q('这个数字是位于20和30之间的', 'zh', '20和30之间');
    expect([a.range, a.qualifierStart]).toEqual([[20, 30], 5]);
    const b = q('他的排名在第十和第十五之间', 'zh', '十和第十五之间');
    expect([b.range, b.kind]).toEqual([[10, 15], 'ordinal']);
    const c = parseQuantities('这些苹果最多100最少20个', 'zh');
    expect(c.map((x) => [x.range, x.unit])).toEqual([[[20, 100], 'item']]);
  });
  test('新臺幣 is Taiwan dollars', () => {
    expect(q('編列新臺幣3.2億元', 'zh', '新臺幣3.2億元').unit).toBe('TWD');
  });
});

test('digit groups joined by several dots are one identifier; Vietnamese thousands are not', () => {
  expect(parseQuantities('服务器地址192.168.0.1', 'zh').map((x) => [x.text, x.kind])).toEqual([['192.168.0.1', 'identifier']]);
  expect(q('tổng cộng 1.234.567 đồng', 'vi', '1.234.567 đồng').value).toBe(1234567);
});
