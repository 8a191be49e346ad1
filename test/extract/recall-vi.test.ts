/**
 * Vietnamese facts the rules used to miss (issue 13, recall), on sentences written for this test. Staff numbers, which
 * the guidelines count as headcount: occupation nouns counted by a number (`counted_nouns`, src/extract/counted.ts),
 * the staff frame `(tổng) số <staff noun> … là N người`, people counted by their work and one employer's hiring — and
 * what stays out: shortages, people leaving, event audiences, borrowers, training, admissions, meetings, numbers that
 * only stand beside an occupation noun. Loans: balances stated through their verb across the words that describe them,
 * overdue and bad loans.
 */
import { loadRuleSet } from '../../src/extract/rules.js';
import { extractFromText } from '../../src/pipeline.js';

const ruleSet = loadRuleSet();

function facts(text: string) {
  return extractFromText(text, ruleSet).map((f) => ({ type: f.type, value: f.value, unit: f.unit, qualifier: f.qualifier, rule: f.rule }));
}

const staff = (value: number, qualifier = 'exact') => expect.objectContaining({ type: 'headcount', value, unit: 'person', qualifier });

describe('vi: occupation nouns counted by a number are staff', () => {
  test('a list of occupations, each counted', () => {
    const got = facts('Trung tâm y tế huyện hiện có 42 bác sĩ, 96 điều dưỡng, 07 dược sĩ và 3 kỹ sư.');
    expect(got).toEqual([staff(42), staff(96), staff(7), staff(3)]);
    expect(got.every((f) => f.rule === 'vi.headcount.staff')).toBe(true);
  });
  test('a crew, civil servants over a quota, a bank staff the parser already counts', () => {
    expect(facts('Năm 2015, ông mua thêm một tàu cá lớn với 32 thuyền viên.')).toEqual([staff(32)]);
    expect(facts('Năm 2016, tỉnh sử dụng vượt 1.240 biên chế được giao.')).toEqual([staff(1240, 'more_than')]);
    expect(facts('Sau 20 năm, ngân hàng đã có hơn 3.500 cán bộ, nhân viên.')).toEqual([staff(3500, 'more_than')]);
  });
  test('the noun speaks for its own figure only, never for the next one', () => {
    // `12 xe` counts vehicles: the occupation noun of the figure before it does not reach it.
    expect(facts('Đội có 15 lái xe, 12 xe tải.')).toEqual([staff(15)]);
  });
  test('a verb of another rule before the figure decides: training teachers is training', () => {
    expect(facts('Năm nay sở đã bồi dưỡng 1.500 giáo viên tiểu học.')).toEqual([
      expect.objectContaining({ type: 'trainee_count', value: 1500, unit: 'person' }),
    ]);
  });
  test('numbers beside an occupation noun that count nothing', () => {
    expect(facts('Tăng trưởng đạt 6% trong năm 2016. Cán bộ xã đã đến từng nhà.')).toEqual([]);
    expect(facts('Ông Nguyễn Văn B (sinh năm 1975, cán bộ địa chính) đã bị bắt.')).toEqual([]);
  });
});

describe('vi: what is not a staff number', () => {
  test('a shortage and people leaving', () => {
    expect(facts('Toàn tỉnh hiện còn thiếu 2.300 giáo viên mầm non.')).toEqual([]);
    expect(facts('Số công chức thôi việc trong năm là 38 người.')).toEqual([]);
  });
  test('an audience and borrowers', () => {
    expect(facts('Hội nghị có 450 cán bộ, đảng viên tham dự.')).toEqual([]);
    expect(facts('Năm 2016 có 610 cán bộ, công chức, viên chức đã được vay vốn mua nhà ở xã hội.')).toEqual([]);
  });
  test('a training verb in the frame keeps its figure training', () => {
    expect(facts('Số nhân viên cần đào tạo lại là 240 người.')).toEqual([
      expect.objectContaining({ type: 'trainee_count', value: 240, unit: 'person' }),
    ]);
  });
});

describe('vi: the staff frame', () => {
  test('the head right before its figure, and across a date to `là`', () => {
    expect(facts('Toàn ngành có hơn 1.200 trường với tổng số giáo viên khoảng 31.000 người.')).toEqual([staff(31000, 'approx')]);
    expect(facts('Tổng biên chế của tỉnh tính đến 31/12/2016 là 28.415 người.')).toEqual([staff(28415)]);
  });
  test('untrained is not training: `không qua đào tạo` describes workers', () => {
    expect(facts('Số lao động tuyển thẳng, không qua đào tạo là 52 người.')).toEqual([staff(52)]);
  });
});

describe('vi: people counted by their work, and one employer hiring', () => {
  test('the work verb after the figure', () => {
    expect(facts('Dự kiến đến năm 2025 sẽ có 25.000 người làm việc tại khu kinh tế.')).toEqual([staff(25000)]);
    expect(facts('Sau đợt sắp xếp, nhà máy còn lại 64 người vẫn đang làm việc.')).toEqual([staff(64)]);
  });
  test('a meeting is no work counted', () => {
    expect(facts('Chiều qua, đoàn 12 người của bộ đã làm việc với lãnh đạo huyện.')).toEqual([]);
  });
  test('hired by one employer, not admitted to a school', () => {
    expect(facts('Năm 2016 sở chỉ tuyển được khoảng 820 người.')).toEqual([staff(820, 'approx')]);
    expect(facts('Kỳ tuyển dụng viên chức năm nay có 57 người trúng tuyển.')).toEqual([staff(57)]);
    expect(facts('Năm nay có 2.400 thí sinh trúng tuyển vào trường.')).toEqual([]);
  });
});

describe('vi: loan balances through their verb, overdue and bad loans', () => {
  const loan = (value: number, qualifier = 'exact') => expect.objectContaining({ type: 'loan_amount', value, unit: 'VND', qualifier });
  test('a balance described at length before its verb', () => {
    expect(facts('Dư nợ các chương trình tín dụng chính sách trên địa bàn huyện đến nay đạt 412 tỷ đồng.')).toEqual([loan(412e9)]);
    expect(facts('Tổng nguồn vốn cho vay giải quyết việc làm giai đoạn 2016-2020 tỉnh được giao là 96 tỷ đồng.')).toEqual([loan(96e9)]);
  });
  test('no other figure and no comma between the head and its verb', () => {
    expect(facts('Dư nợ tăng 8% so với đầu năm, huy động vốn đạt 300 tỷ đồng.')).toEqual([]);
  });
  test('overdue and bad loans; the interest listed after them is not', () => {
    expect(facts('Đến nay công ty vẫn còn 210 tỷ đồng nợ quá hạn và 45 tỷ đồng tiền lãi.')).toEqual([loan(210e9)]);
    expect(facts('Nợ xấu của hệ thống đến cuối năm 2016 là khoảng 30 nghìn tỷ đồng.')).toEqual([loan(30e12, 'approx')]);
  });
});

describe('vi: the amount of an action stated earlier in the sentence (`amount_of`)', () => {
  test('`với số tiền` takes the nearest trigger before it, past a count with a thousands mark', () => {
    expect(
      facts('Năm 2016, chi nhánh đã cho 48 hợp tác xã vay vốn để mua máy móc cho 1.260 xã viên trong huyện, với số tiền hơn 9,5 tỷ đồng.'),
    ).toContainEqual(expect.objectContaining({ type: 'loan_amount', value: 9.5e9, unit: 'VND', qualifier: 'more_than' }));
  });
  test('not past money outside the six types, and not with no trigger at all', () => {
    expect(
      facts('Ngân sách tỉnh sẽ phải ứng vốn để trả nợ thay cho công ty đã phá sản từ năm trước với tổng số tiền là 85 triệu USD.'),
    ).toEqual([]);
    expect(facts('Năm 2016, huyện đã khen thưởng 50 tập thể với số tiền 100 triệu đồng.')).toEqual([]);
  });
});

describe('a count in brackets after a count is a part of it', () => {
  test('vi: the bracketed count takes the rule of the count before it', () => {
    expect(facts('Sau khi sắp xếp, nhà máy còn lại 12 người vẫn đang làm việc (7 người làm ca ngày).')).toEqual([staff(12), staff(7)]);
  });
  test('zh-Hans: the same in Chinese brackets', () => {
    expect(facts('今年全县共培训农民工3200人次，其中电工占12%（384人次）。')).toContainEqual(
      expect.objectContaining({ type: 'trainee_count', value: 384, unit: 'person_time' }),
    );
  });
  test('money in brackets is not a part: a converted amount stays unread', () => {
    expect(facts('Năm 2016, ngân hàng đã cho vay 45 tỷ đồng (khoảng 2 triệu USD).').filter((f) => f.unit === 'USD')).toEqual([]);
  });
});
