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
