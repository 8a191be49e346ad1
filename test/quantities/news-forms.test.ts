/**
 * Ways news writes a number that the parser once missed (issues 13 and 15), on sentences written for these tests in
 * simplified and traditional Chinese and Vietnamese: what each figure is read as, and what is not a figure at all.
 */
import { parseQuantities } from '../../src/quantities/index.js';
import type { Quantity } from '../../src/quantities/types.js';
import type { RuleLang } from '../../src/types.js';

/** The one quantity whose text is `figure`. */
function read(text: string, lang: RuleLang, figure: string): Quantity {
  const all = parseQuantities(text, lang);
  const hits = all.filter((x) => x.text === figure);
  if (hits.length !== 1) throw new Error(`${figure} not found once in ${text}: ${all.map((x) => `${x.text}(${x.kind})`).join(' | ')}`);
  expect(text.slice(hits[0].start, hits[0].end)).toBe(figure);
  return hits[0];
}

type Case = [RuleLang, string, string, Partial<Quantity>];

/** One test per case: in `text` (language `lang`) the quantity `figure` has the fields of `expected`. */
function readsAs(cases: Case[]): void {
  test.each(cases)('%s %s', (lang, text, figure, expected) => {
    expect(read(text, lang, figure)).toMatchObject(expected);
  });
}

describe('separators: a space, a full-width comma or point between digit groups', () => {
  readsAs([
    ['zh', '全县共有35 600人参加了技能培训', '35 600人', { value: 35600, unit: 'person', kind: 'count' }],
    ['zh', '全縣共有35 600人參加職業訓練', '35 600人', { value: 35600, unit: 'person' }],
    ['zh', '当月发放补贴56，780.00元', '56，780.00元', { value: 56780, unit: 'CNY', kind: 'money' }],
    ['zh', '累計撥付12,345，678.90元', '12,345，678.90元', { value: 12345678.9, unit: 'CNY' }],
    ['zh', '该基金规模1，234，567元', '1，234，567元', { value: 1234567, unit: 'CNY' }],
    ['zh', '全年营收三．○八億元', '三．○八億元', { value: 308000000, unit: 'CNY' }],
    ['zh', '全年营收三.〇八亿元', '三.〇八亿元', { value: 308000000, unit: 'CNY' }],
    ['zh', '该厂创办于二○○二年', '二○○二年', { value: 2002, kind: 'year' }],
    ['zh', '計畫經費超過三五○億元', '三五○億元', { value: 35000000000, unit: 'CNY', qualifier: 'more_than' }],
    ['zh', '总投资一二〇亿欧元', '一二〇亿欧元', { value: 12000000000, unit: 'EUR' }],
    ['zh', '轉移後培訓791. 62萬人次', '791. 62萬人次', { value: 7916200, unit: 'person_time' }],
    ['zh', '转移后培训791. 62万人次', '791. 62万人次', { value: 7916200, unit: 'person_time' }],
    ['vi', 'Huyện có 12 500 lao động đi làm việc ở nước ngoài', '12 500 lao động', { value: 12500, unit: 'person' }],
  ]);

  test('a list number before a figure keeps its point', () => {
    expect(parseQuantities('1. 62万元用于培训', 'zh').map((q) => q.text)).toEqual(['1', '62万元']);
  });

  test('a full-width comma alone between two numbers stays punctuation; a circle alone is a blank', () => {
    expect(parseQuantities('人数分别为5，780人', 'zh').map((q) => q.text)).toEqual(['5', '780人']);
    expect(parseQuantities('王○○先生领取补助', 'zh')).toEqual([]);
  });
});

describe('千 and 百 alone, and a qualifier between the number and its counter', () => {
  readsAs([
    ['zh', '吸纳千余名职工就业', '千余名', { value: 1000, unit: 'person', qualifier: 'more_than' }],
    ['zh', '吸納千餘名員工就業', '千餘名', { value: 1000, unit: 'person', qualifier: 'more_than' }],
    ['zh', '全镇百余家企业复工', '百余家', { value: 100, unit: 'enterprise', qualifier: 'more_than' }],
    ['zh', '全年带动逾5千人就业', '5千人', { value: 5000, unit: 'person', qualifier: 'more_than' }],
    ['zh', '帶動近千名婦女增收', '千名', { value: 1000, unit: 'person', qualifier: 'approx' }],
    ['zh', '全年共接待游客300萬左右人次', '300萬左右人次', { value: 3000000, unit: 'person_time', qualifier: 'approx' }],
    ['zh', '新增企业3万2517家', '3万2517家', { value: 32517, unit: 'enterprise' }],
    ['zh', '全年扶持77,163人(次)创业', '77,163人(次)', { value: 77163, unit: 'person_time' }],
    ['zh', '累計培訓1200人（次）', '1200人（次）', { value: 1200, unit: 'person_time' }],
  ]);

  test('the qualifier word between number and counter is its own span', () => {
    const q = read('全年共接待游客300萬左右人次', 'zh', '300萬左右人次');
    expect('全年共接待游客300萬左右人次'.slice(q.qualifierStart, q.qualifierEnd)).toBe('左右');
  });
});

describe('Vietnamese: ngàn, nghìn, chục, and LĐ for lao động', () => {
  readsAs([
    ['vi', 'Năm qua tỉnh đón 120 ngàn lượt người đến làm thủ tục', '120 ngàn lượt người', { value: 120000, unit: 'person_time' }],
    ['vi', 'Các khu công nghiệp thu hút 8 nghìn người', '8 nghìn người', { value: 8000, unit: 'person' }],
    ['vi', 'Hợp tác xã có ba chục thành viên', 'ba chục thành viên', { value: 30, unit: 'person' }],
    ['vi', 'Xưởng may nhận thêm 5 chục lao động', '5 chục lao động', { value: 50, unit: 'person' }],
    ['vi', 'Làng nghề tạo việc làm cho hai chục nghìn người', 'hai chục nghìn người', { value: 20000, unit: 'person' }],
    ['vi', 'Quỹ cho vay 2 chục triệu đồng mỗi hộ', '2 chục triệu đồng', { value: 20000000, unit: 'VND' }],
    ['vi', 'Giải quyết việc làm cho 320 LĐ', '320 LĐ', { value: 320, unit: 'person', kind: 'count' }],
    ['vi', 'Đào tạo nghề cho 1.250 LĐNT', '1.250 LĐNT', { value: 1250, unit: 'person' }],
    ['vi', 'tuyển dụng từ 2.000 đến 3.000 lao động', '2.000 đến 3.000 lao động', { value: 2000, range: [2000, 3000], qualifier: 'range', unit: 'person' }],
  ]);
});

describe('figures side by side in table-like text stay two figures', () => {
  test.each<[RuleLang, string, string[]]>([
    ['zh', '本期/累计：620人/35.2万人', ['620人', '35.2万人']],
    ['zh', '本期/累計：620人/35.2萬人', ['620人', '35.2萬人']],
    ['vi', 'Kỳ này/lũy kế: 620 người/35.200 người', ['620 người', '35.200 người']],
  ])('%s %s', (lang, text, figures) => {
    const counts = parseQuantities(text, lang).filter((q) => q.kind === 'count');
    expect(counts.map((q) => q.text)).toEqual(figures);
  });
});

describe('a number that is a word: the article "one" and numerals of names', () => {
  readsAs([
    ['vi', 'Trung tâm đã nhận một học viên khuyết tật', 'một học viên', { kind: 'article', value: 1 }],
    ['vi', 'Ông là giám đốc Công ty TNHH Một thành viên Cấp nước', 'Một thành viên', { kind: 'name_word' }],
    ['vi', 'Công ty TNHH 2 thành viên Minh Phát tuyển 40 lao động', '2 thành viên', { kind: 'name_word' }],
    ['vi', 'Công ty trách nhiệm hữu hạn hai thành viên Hòa Bình', 'hai thành viên', { kind: 'name_word' }],
    ['zh', '县里引进一家企业', '一家', { kind: 'article', value: 1 }],
    ['zh', '縣裡引進一家企業', '一家', { kind: 'article', value: 1 }],
    ['zh', '与会代表一致同意', '一致', { kind: 'name_word' }],
    ['zh', '萬一出現資金缺口', '萬一', { kind: 'name_word' }],
    ['zh', '补贴统一发放到户', '统一', { kind: 'name_word' }],
  ]);

  test('the same words with a figure are counts', () => {
    expect(read('Hợp tác xã kết nạp thêm 2 thành viên mới', 'vi', '2 thành viên').kind).toBe('count');
    expect(read('Công ty TNHH Một thành viên Cấp nước tuyển 40 lao động', 'vi', '40 lao động').kind).toBe('count');
    expect(read('县里引进两家企业', 'zh', '两家').kind).toBe('count');
    expect(read('新增一万人就业', 'zh', '一万人').kind).toBe('count');
  });
});

describe('1. ranges with every separator and frame are one quantity, never negative', () => {
  test.each<Case>([
    ['zh', '每户补助2万元--8万元不等', '2万元--8万元', { value: 20000, range: [20000, 80000], unit: 'CNY', qualifier: 'range' }],
    ['zh', '月薪20~30k元', '20~30k元', { value: 20000, range: [20000, 30000], unit: 'CNY' }],
    ['zh', '贷款额度3万(含)-6万元', '3万(含)-6万元', { value: 30000, range: [30000, 60000] }],
    ['zh', '補助從6500到2萬港元', '6500到2萬港元', { value: 6500, range: [6500, 20000], unit: 'HKD' }],
    ['zh', '每人獲三到四千澳元', '三到四千澳元', { value: 3000, range: [3000, 4000], unit: 'AUD' }],
    ['zh', '票价两~5百日元', '两~5百日元', { value: 200, range: [200, 500], unit: 'JPY' }],
    ['zh', '每斤三块二到三块五毛六', '三块二到三块五毛六', { value: 3.2, range: [3.2, 3.56], unit: 'CNY' }],
    ['zh', '單價三元二角-三元四毛五分', '三元二角-三元四毛五分', { value: 3.2, range: [3.2, 3.45], unit: 'CNY' }],
    ['zh', '每期招收300人-500人', '300人-500人', { value: 300, range: [300, 500], unit: 'person' }],
    ['vi', 'Giá vé giữa 500 và 900 đồng', '500 và 900 đồng', { value: 500, range: [500, 900], unit: 'VND' }],
    ['vi', 'Giá tăng từ 2,1 đến 2,4 đô la', '2,1 đến 2,4 đô la', { value: 2.1, range: [2.1, 2.4], unit: 'USD' }],
    ['vi', 'Chi phí xấp xỉ VND500-VND800 mỗi lượt', 'VND500-VND800', { value: 500, range: [500, 800], unit: 'VND' }],
    ['vi', 'Mỗi lớp 15 - 20 học viên', '15 - 20 học viên', { value: 15, range: [15, 20], unit: 'person' }],
  ])('%s %s', (lang, text, figure, expected) => {
    const q = read(text, lang, figure);
    expect(q).toMatchObject(expected);
    expect(q.value).toBeGreaterThanOrEqual(0);
  });

  test('"and" joins bounds only inside a between-frame; a dash after a year is not a minus', () => {
    expect(parseQuantities('Xã có 500 và 900 người', 'vi').map((q) => q.text)).toEqual(['500', '900 người']);
    expect(parseQuantities('2019年-2020年', 'zh').map((q) => q.value)).toEqual([2019, 2020]);
  });
});

describe('2. vague magnitudes: the lower bound as value, the span beside it', () => {
  readsAs([
    ['zh', '项目总投资数十亿元', '数十亿元', { value: 1e9, qualifier: 'more_than', vagueRange: [1e9, 1e10], unit: 'CNY' }],
    ['zh', '項目總投資數十億元', '數十億元', { value: 1e9, vagueRange: [1e9, 1e10] }],
    ['zh', '每年亏损几十万元', '几十万元', { value: 1e5, vagueRange: [1e5, 1e6] }],
    ['zh', '一斤二十几块', '二十几块', { value: 20, qualifier: 'more_than', vagueRange: [20, 30] }],
    ['zh', '人均收入5000多美元', '5000多美元', { value: 5000, vagueRange: [5000, 6000], unit: 'USD' }],
    ['zh', '带动上千人就业', '上千人', { value: 1000, qualifier: 'more_than', vagueRange: [1000, 10000], unit: 'person' }],
    ['zh', '帶動近萬人就業', '萬人', { value: 10000, qualifier: 'approx', vagueRange: [8000, 10000] }],
    ['zh', '吸引成千上万名游客', '成千上万名', { value: 1000, vagueRange: [1000, 100000] }],
    ['zh', '投入十几万元', '十几万元', { value: 100000, vagueRange: [100000, 200000] }],
    ['zh', '總投資幾個億', '幾個億', { value: 1e8, vagueRange: [1e8, 1e9] }],
    ['vi', 'Làng nghề thu hút hàng nghìn lao động', 'hàng nghìn lao động', { value: 1000, qualifier: 'more_than', vagueRange: [1000, 10000], unit: 'person' }],
    ['vi', 'Xã có vài trăm hộ nuôi tôm', 'vài trăm hộ', { value: 100, vagueRange: [100, 1000], unit: 'household' }],
    ['vi', 'Dự án thất thoát hàng chục tỷ đồng', 'hàng chục tỷ đồng', { value: 1e10, vagueRange: [1e10, 1e11], unit: 'VND' }],
  ]);

  test('vague words without a magnitude stay words', () => {
    expect(parseQuantities('上午在上海召开会议，数字化几乎完成', 'zh')).toEqual([]);
    expect(parseQuantities('Ngân hàng nhà nước mua hàng hóa', 'vi')).toEqual([]);
  });
});

describe('3. colloquial and subunit money', () => {
  readsAs([
    ['zh', '一根冰棍三毛五', '三毛五', { value: 0.35, unit: 'CNY', kind: 'money' }],
    ['zh', '每张5角', '5角', { value: 0.5, unit: 'CNY' }],
    ['zh', '一斤两块三', '两块三', { value: 2.3, unit: 'CNY' }],
    ['zh', '一斤兩塊三', '兩塊三', { value: 2.3, unit: 'CNY' }],
    ['zh', '车费四块零六', '四块零六', { value: 4.06, unit: 'CNY' }],
    ['zh', '一份報紙五蚊二', '五蚊二', { value: 5.2, unit: 'HKD' }],
    ['zh', '再加三毫', '三毫', { value: 0.3, unit: 'HKD' }],
    ['zh', '車費港幣四個二毫五', '港幣四個二毫五', { value: 4.25, unit: 'HKD', kind: 'money' }],
    ['vi', 'Một ly cà phê giá 3 đô 45', '3 đô 45', { value: 3.45, unit: 'USD' }],
    ['vi', 'Tổng cộng 5 đô la và 10 xen', '5 đô la và 10 xen', { value: 5.1, unit: 'USD' }],
    ['en', 'A ticket costs 35 Rupees 10', '35 Rupees 10', { value: 35.1, unit: 'INR' }],
  ]);

  test('a name, a star and an enumeration are not money', () => {
    expect(parseQuantities('五角星', 'zh').every((q) => q.kind !== 'money')).toBe(true);
    expect(parseQuantities('三毛的书', 'zh').every((q) => q.kind !== 'money')).toBe(true);
    expect(parseQuantities('补贴1000元，二是培训', 'zh').map((q) => q.text)).toEqual(['1000元', '二']);
    expect(read('Vay 50 triệu đồng 12 tháng', 'vi', '50 triệu đồng').value).toBe(50000000);
  });
});

describe('4. suffixes and scientific shorthand', () => {
  readsAs([
    ['zh', '年薪50w', '50w', { value: 500000 }],
    ['zh', '年薪50w元', '50w元', { value: 500000, unit: 'CNY' }],
    ['zh', '月薪25k', '25k', { value: 25000 }],
    ['zh', '月薪40K', '40K', { value: 40000 }],
    ['zh', '估值7M', '7M', { value: 7000000 }],
    ['zh', '算力.0035G', '.0035G', { value: 3500000 }],
    ['zh', '報價15K$', '15K$', { value: 15000, unit: 'USD' }],
    ['zh', '報價$20k', '$20k', { value: 20000, unit: 'USD' }],
    ['vi', 'Giá chỉ 50k đồng', '50k đồng', { value: 50000, unit: 'VND' }],
    ['vi', 'Lương 5tr đồng', '5tr đồng', { value: 5000000, unit: 'VND' }],
    ['vi', 'Doanh thu 2,5M', '2,5M', { value: 2500000 }],
  ]);

  test('a capital W alone is watts', () => {
    expect(parseQuantities('功率50W', 'zh').map((q) => q.value)).toEqual([50]);
  });
});

describe('5. signs', () => {
  readsAs([
    ['zh', '利润为-3,400,000元', '-3,400,000元', { value: -3400000, unit: 'CNY' }],
    ['zh', '余额为负 560000', '负 560000', { value: -560000 }],
    ['zh', '餘額為負 560000', '負 560000', { value: -560000 }],
    ['vi', 'Lợi nhuận âm 2.500.000 đồng', 'âm 2.500.000 đồng', { value: -2500000, unit: 'VND' }],
    ['vi', 'Lợi nhuận: - 2.500.000 đồng', '- 2.500.000 đồng', { value: -2500000, unit: 'VND' }],
  ]);

  test('a dash that starts a list item is no sign', () => {
    expect(parseQuantities('- 300 lao động có việc làm', 'vi')[0]).toMatchObject({ value: 300, unit: 'person' });
  });
});

describe('6. halves and fractions', () => {
  test.each<Case>([
    ['zh', '超过一半', '一半', { value: 0.5 }],
    ['zh', '培训一个半月', '一个半月', { value: 1.5 }],
    ['zh', '培訓兩個半小時', '兩個半小時', { value: 2.5, unit: '小時' }],
    ['zh', '買了三個半', '三個半', { value: 3.5, unit: 'item' }],
    ['zh', '用了一年半', '一年半', { value: 1.5, unit: '年' }],
    ['zh', '等了个半月', '个半月', { value: 1.5 }],
    ['zh', '佔三份一', '三份一', { value: 1 / 3 }],
    ['zh', '佔四份三', '四份三', { value: 0.75 }],
    ['zh', '共二又五分一', '二又五分一', { value: 2.2 }],
    ['zh', '等了2半', '2半', { value: 2.5 }],
  ])('%s %s', (lang, text, figure, expected) => {
    const q = read(text, lang, figure);
    expect(q.value).toBeCloseTo(expected.value!, 12);
    expect(q).toMatchObject({ ...expected, value: q.value });
  });

  test('this half-year and a classifier of documents are not halves or fractions', () => {
    expect(parseQuantities('这个半年', 'zh').map((q) => q.value)).toEqual([0.5]);
    expect(parseQuantities('三份文件', 'zh').map((q) => q.value)).toEqual([3]);
  });
});

describe('7. elided Chinese forms', () => {
  readsAs([
    ['zh', '月薪萬三', '萬三', { value: 13000 }],
    ['zh', '工资万三', '万三', { value: 13000 }],
    ['zh', '投入百五萬', '百五萬', { value: 1500000 }],
    ['zh', '投入三百五万元', '三百五万元', { value: 3500000, unit: 'CNY' }],
    ['zh', '餘額兩萬零卅', '兩萬零卅', { value: 20030 }],
    ['zh', '投资三个亿', '三个亿', { value: 300000000 }],
    ['zh', '投資三個億', '三個億', { value: 300000000 }],
  ]);

  test('a name with 万三 is not 13000', () => {
    expect(parseQuantities('沈万三故居', 'zh').every((q) => q.value !== 13000)).toBe(true);
  });
});

describe('8. Vietnamese number words standing alone, chục, a decimal comma with no leading digit', () => {
  test.each<[string, number]>([
    ['một', 1],
    ['hai', 2],
    ['không', 0],
    ['trăm', 100],
    ['ba chục', 30],
    [',45', 0.45],
  ])('%s', (text, value) => {
    expect(parseQuantities(text, 'vi')).toMatchObject([{ value }]);
  });

  test('inside a sentence, không is "not" and một is "a"', () => {
    expect(parseQuantities('Tôi không đi một mình', 'vi')).toEqual([]);
  });
});

describe('9. currency codes and symbols before the figure, with decimal commas', () => {
  readsAs([
    ['vi', 'Giá USD4,56 một đơn vị', 'USD4,56', { value: 4.56, unit: 'USD' }],
    ['vi', 'Vé EUR15,50', 'EUR15,50', { value: 15.5, unit: 'EUR' }],
    ['vi', 'Phí GBP7,25', 'GBP7,25', { value: 7.25, unit: 'GBP' }],
    ['vi', 'Giá Rs45', 'Rs45', { value: 45, unit: 'INR' }],
    ['vi', 'Giá INR80', 'INR80', { value: 80, unit: 'INR' }],
    ['vi', 'Giá bảy pounds', 'bảy pounds', { value: 7, unit: 'GBP' }],
    ['zh', '售價USD45', 'USD45', { value: 45, unit: 'USD' }],
  ]);

  test('letters that are no currency code still stop a number', () => {
    expect(parseQuantities('mã số ABC123', 'vi')).toEqual([]);
  });
});

describe('11. pairs as counts', () => {
  readsAs([
    ['zh', '共有三对夫妻', '三对', { value: 6, numberValue: 3, kind: 'count' }],
    ['zh', '共有三對夫妻', '三對', { value: 6, numberValue: 3 }],
    ['zh', '捐出四雙鞋', '四雙', { value: 8, numberValue: 4 }],
    ['zh', '捐出四双鞋', '四双', { value: 8 }],
  ]);

  test('a score and 一对一 are not pairs', () => {
    expect(parseQuantities('以5对3获胜', 'zh').map((q) => q.value)).toEqual([5, 3]);
    expect(parseQuantities('开展一对一帮扶', 'zh').every((q) => q.kind !== 'count')).toBe(true);
  });
});

describe('Vietnamese counts of whole things: a fraction is a misplaced thousands mark', () => {
  readsAs([
    ['vi', 'Tổng số công chức của tỉnh đến cuối năm là 2456.118 người', '2456.118 người', { value: 2456118, unit: 'person', kind: 'count' }],
    ['vi', 'khoảng 40% nông dân (212,300 người) làm việc bán thời gian', '212,300 người', { value: 212300, unit: 'person' }],
    ['vi', 'ngành này thu hút 2,5 nghìn người', '2,5 nghìn người', { value: 2500, unit: 'person' }],
    ['vi', 'sản lượng đạt 3,125 tấn', '3,125 tấn', { value: 3.125 }],
  ]);
});

describe('Vietnamese words that look like numbers: năm as "year", legal forms', () => {
  test('năm after trong, hàng, mỗi is "year", not five', () => {
    for (const text of ['Trong năm công ty đã chi 300 tỷ đồng.', 'Hàng năm người lao động phải đóng phí.', 'Mỗi năm doanh nghiệp nộp báo cáo.']) {
      expect(parseQuantities(text, 'vi').filter((q) => q.kind === 'count' && q.value === 5)).toEqual([]);
    }
  });
  test('năm before a counter elsewhere is five', () => {
    expect(read('Tổ hợp tác có năm thành viên.', 'vi', 'năm thành viên')).toMatchObject({ value: 5, kind: 'count' });
  });
  test('a number before thành viên after a company name is its legal form', () => {
    expect(read('Thành lập tổng công ty xây dựng 1 thành viên trong năm nay.', 'vi', '1 thành viên')).toMatchObject({ kind: 'name_word' });
    expect(read('Hợp tác xã có 12 thành viên.', 'vi', '12 thành viên')).toMatchObject({ kind: 'count' });
  });
});

describe('Vietnamese firm-times count firms', () => {
  readsAs([
    ['vi', 'Các phiên giao dịch có sự tham gia của gần 450 lượt doanh nghiệp', '450 lượt doanh nghiệp', { value: 450, unit: 'enterprise', kind: 'count' }],
    ['vi', 'Năm qua có 2.300 lượt người tham gia', '2.300 lượt người', { value: 2300, unit: 'person_time' }],
  ]);
});
