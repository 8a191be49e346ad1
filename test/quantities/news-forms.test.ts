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

describe('separators: a space, a full-width comma or point between digit groups', () => {
  test.each<Case>([
    ['zh', '全县共有35 600人参加了技能培训', '35 600人', { value: 35600, unit: 'person', kind: 'count' }],
    ['zh', '全縣共有35 600人參加職業訓練', '35 600人', { value: 35600, unit: 'person' }],
    ['zh', '当月发放补贴56，780.00元', '56，780.00元', { value: 56780, unit: 'CNY', kind: 'money' }],
    ['zh', '累計撥付12,345，678.90元', '12,345，678.90元', { value: 12345678.9, unit: 'CNY' }],
    ['zh', '该基金规模1，234，567元', '1，234，567元', { value: 1234567, unit: 'CNY' }],
    ['zh', '全年营收三．○八億元', '三．○八億元', { value: 308000000, unit: 'CNY' }],
    ['zh', '全年营收三.〇八亿元', '三.〇八亿元', { value: 308000000, unit: 'CNY' }],
    ['zh', '该厂创办于二○○二年', '二○○二年', { value: 2002, kind: 'year' }],
    ['vi', 'Huyện có 12 500 lao động đi làm việc ở nước ngoài', '12 500 lao động', { value: 12500, unit: 'person' }],
  ])('%s %s', (lang, text, figure, expected) => {
    expect(read(text, lang, figure)).toMatchObject(expected);
  });

  test('a full-width comma alone between two numbers stays punctuation; a circle alone is a blank', () => {
    expect(parseQuantities('人数分别为5，780人', 'zh').map((q) => q.text)).toEqual(['5', '780人']);
    expect(parseQuantities('王○○先生领取补助', 'zh')).toEqual([]);
  });
});

describe('千 and 百 alone, and a qualifier between the number and its counter', () => {
  test.each<Case>([
    ['zh', '吸纳千余名职工就业', '千余名', { value: 1000, unit: 'person', qualifier: 'more_than' }],
    ['zh', '吸納千餘名員工就業', '千餘名', { value: 1000, unit: 'person', qualifier: 'more_than' }],
    ['zh', '全镇百余家企业复工', '百余家', { value: 100, unit: 'enterprise', qualifier: 'more_than' }],
    ['zh', '全年带动逾5千人就业', '5千人', { value: 5000, unit: 'person', qualifier: 'more_than' }],
    ['zh', '帶動近千名婦女增收', '千名', { value: 1000, unit: 'person', qualifier: 'approx' }],
    ['zh', '全年共接待游客300萬左右人次', '300萬左右人次', { value: 3000000, unit: 'person_time', qualifier: 'approx' }],
    ['zh', '新增企业3万2517家', '3万2517家', { value: 32517, unit: 'enterprise' }],
    ['zh', '全年扶持77,163人(次)创业', '77,163人(次)', { value: 77163, unit: 'person_time' }],
    ['zh', '累計培訓1200人（次）', '1200人（次）', { value: 1200, unit: 'person_time' }],
  ])('%s %s', (lang, text, figure, expected) => {
    expect(read(text, lang, figure)).toMatchObject(expected);
  });

  test('the qualifier word between number and counter is its own span', () => {
    const q = read('全年共接待游客300萬左右人次', 'zh', '300萬左右人次');
    expect('全年共接待游客300萬左右人次'.slice(q.qualifierStart, q.qualifierEnd)).toBe('左右');
  });
});

describe('Vietnamese: ngàn, nghìn, chục, and LĐ for lao động', () => {
  test.each<Case>([
    ['vi', 'Năm qua tỉnh đón 120 ngàn lượt người đến làm thủ tục', '120 ngàn lượt người', { value: 120000, unit: 'person_time' }],
    ['vi', 'Các khu công nghiệp thu hút 8 nghìn người', '8 nghìn người', { value: 8000, unit: 'person' }],
    ['vi', 'Hợp tác xã có ba chục thành viên', 'ba chục thành viên', { value: 30, unit: 'person' }],
    ['vi', 'Xưởng may nhận thêm 5 chục lao động', '5 chục lao động', { value: 50, unit: 'person' }],
    ['vi', 'Làng nghề tạo việc làm cho hai chục nghìn người', 'hai chục nghìn người', { value: 20000, unit: 'person' }],
    ['vi', 'Quỹ cho vay 2 chục triệu đồng mỗi hộ', '2 chục triệu đồng', { value: 20000000, unit: 'VND' }],
    ['vi', 'Giải quyết việc làm cho 320 LĐ', '320 LĐ', { value: 320, unit: 'person', kind: 'count' }],
    ['vi', 'Đào tạo nghề cho 1.250 LĐNT', '1.250 LĐNT', { value: 1250, unit: 'person' }],
    ['vi', 'tuyển dụng từ 2.000 đến 3.000 lao động', '2.000 đến 3.000 lao động', { value: 2000, range: [2000, 3000], qualifier: 'range', unit: 'person' }],
  ])('%s %s', (lang, text, figure, expected) => {
    expect(read(text, lang, figure)).toMatchObject(expected);
  });
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
  test.each<Case>([
    ['vi', 'Trung tâm đã nhận một học viên khuyết tật', 'một học viên', { kind: 'article', value: 1 }],
    ['vi', 'Ông là giám đốc Công ty TNHH Một thành viên Cấp nước', 'Một thành viên', { kind: 'name_word' }],
    ['vi', 'Công ty TNHH 2 thành viên Minh Phát tuyển 40 lao động', '2 thành viên', { kind: 'name_word' }],
    ['vi', 'Công ty trách nhiệm hữu hạn hai thành viên Hòa Bình', 'hai thành viên', { kind: 'name_word' }],
    ['zh', '县里引进一家企业', '一家', { kind: 'article', value: 1 }],
    ['zh', '縣裡引進一家企業', '一家', { kind: 'article', value: 1 }],
    ['zh', '与会代表一致同意', '一致', { kind: 'name_word' }],
    ['zh', '萬一出現資金缺口', '萬一', { kind: 'name_word' }],
    ['zh', '补贴统一发放到户', '统一', { kind: 'name_word' }],
  ])('%s %s', (lang, text, figure, expected) => {
    expect(read(text, lang, figure)).toMatchObject(expected);
  });

  test('the same words with a figure are counts', () => {
    expect(read('Hợp tác xã kết nạp thêm 2 thành viên mới', 'vi', '2 thành viên').kind).toBe('count');
    expect(read('Công ty TNHH Một thành viên Cấp nước tuyển 40 lao động', 'vi', '40 lao động').kind).toBe('count');
    expect(read('县里引进两家企业', 'zh', '两家').kind).toBe('count');
    expect(read('新增一万人就业', 'zh', '一万人').kind).toBe('count');
  });
});
