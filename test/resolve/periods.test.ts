/**
 * How far a period words scope over the text: the lead, sentences opened by a period, headlines restating the body.
 * Sentences written for these tests (same kind as the news the project reads, other words).
 */
import { describe, expect, test } from '@jest/globals';
import { extractFromText } from '../../src/pipeline.js';
import { loadRuleSet } from '../../src/extract/rules.js';
import type { Fact } from '../../src/types.js';

const set = loadRuleSet();

function factOf(text: string, value: number, published: string | null = null): Fact {
  const facts = extractFromText(text, set, { published });
  const f = facts.find((x) => Math.abs(x.value - value) < 1e-6 * value);
  if (!f) throw new Error(`no fact ${value} in ${JSON.stringify(facts.map((x) => x.value))}`);
  return f;
}
const interval = (f: Fact) => [f.periodStart, f.periodEnd];

describe('the lead', () => {
  test('a year opening the first sentence frames the later sentences', () => {
    const f = factOf('2015年，长宁县多措并举促进就业。\n县人社局联合各乡镇举办培训班40期，培训农民工2600人。', 2600, '2016-01-20');
    expect(interval(f)).toEqual(['2015-01-01', '2015-12-31']);
  });
  test('after a source clause (…cho biết, đến ngày …) it is a lead too', () => {
    const f = factOf(
      'Ngân hàng Chính sách xã hội cho biết, đến ngày 31/3/2018, tổng dư nợ toàn hệ thống đạt 180.000 tỷ đồng.\nNgân hàng đã giải quyết việc làm cho 5.000 lao động.',
      5000,
    );
    expect(interval(f)).toEqual([null, '2018-03-31']);
  });
  test('a year inside a clause after a figure is no lead (其中，2015年计划投资…)', () => {
    const f = factOf('黄山县计划总投资40亿元，其中，2015年计划投资5亿元建设水厂。\n该县另投资3000万元整治河道。', 30_000_000, '2016-04-01');
    expect(interval(f)).toEqual([null, null]);
  });
  test("a title's award year is no lead (… xuất sắc năm 2015)", () => {
    const f = factOf('Doanh nhân trẻ tiêu biểu năm 2015\nAnh Hùng mở xưởng cơ khí, tạo việc làm cho 25 lao động.', 25);
    expect(interval(f)).toEqual([null, null]);
  });
  test('another dated period opening a sentence ends the lead', () => {
    const text =
      '2015年，长宁县新增城镇就业2000人。\n记者从县财政局获悉，2012年至2014年，该县投入扶持资金3亿元。\n县财政共安排专项补助资金800万元。';
    expect(interval(factOf(text, 2000, '2016-02-01'))).toEqual(['2015-01-01', '2015-12-31']);
    expect(interval(factOf(text, 8_000_000, '2016-02-01'))).toEqual([null, null]);
  });
  test("the lead frames again when the latest opening period is the lead's own", () => {
    const text =
      '10日，2017年前三季度全省就业工作新闻发布会举行。\n截至9月底，全省技工院校在校生达到8万人。\n今年1-9月，全省新增城镇就业10万人。全省扶贫车间吸纳贫困劳动力就业800人。';
    expect(interval(factOf(text, 800, '2017-10-12'))).toEqual(['2017-01-01', '2017-09-30']);
  });
});

describe('an until-period opening a sentence frames its paragraph', () => {
  test('after a source clause (Theo …, tính đến ngày …)', () => {
    const f = factOf(
      'Theo Sở Lao động, tính đến ngày 30/9/2019, các huyện đã lập xong danh sách hỗ trợ. Quỹ đã giải ngân 20 tỷ đồng cho các hộ kinh doanh.',
      20e9,
    );
    expect(interval(f)).toEqual([null, '2019-09-30']);
  });
  test('据…统计，截至6月底，…', () => {
    const f = factOf('据县人社局统计，截至6月底，全县创业扶持工作进展顺利。全县共发放创业担保贷款3000万元。', 30_000_000, '2017-07-10');
    expect(interval(f)).toEqual([null, '2017-06-30']);
  });
  test('not đến alone, which also dates an event or opens a target', () => {
    const f = factOf(
      'Bệnh viện huyện là cơ sở khám chữa bệnh lớn nhất của vùng, phục vụ người dân các xã miền núi và các huyện lân cận trong nhiều năm qua.\n' +
        'Bệnh viện cho biết, đến ngày 5/3/2012 đã hoàn tất đợt tuyển dụng. Bệnh viện có 40 lao động ký hợp đồng.',
      40,
    );
    expect(interval(f)).toEqual([null, null]);
  });
});

describe('a balance stands at a date', () => {
  test('余额 over a since-period: at its end', () => {
    expect(interval(factOf('2016年以来，全市创业担保贷款余额达到18亿元。', 1.8e9, '2018-06-30'))).toEqual([null, '2018-06-30']);
  });
  test('dư nợ over từ … đến …: at its end', () => {
    const f = factOf('Từ tháng 3/2016 đến 31/12/2018, chi nhánh đã giải ngân đều đặn, tổng dư nợ đạt 2.150 tỷ đồng.', 2150e9);
    expect(interval(f)).toEqual([null, '2018-12-31']);
  });
  test('a balance of one year keeps the year (a reader reads it so)', () => {
    expect(interval(factOf('Năm 2016, tổng dư nợ cho vay hộ nghèo của huyện đạt 300 tỷ đồng.', 300e9))).toEqual(['2016-01-01', '2016-12-31']);
  });
});

describe('a headline or caption figure the body states again', () => {
  test("a title's figure takes the body's period", () => {
    const text =
      '120 doanh nghiệp được vay vốn trả lương cho người lao động\nTính đến ngày 15/10/2021, ngân hàng đã cho 120 doanh nghiệp vay vốn để trả lương cho 2.400 lao động.';
    const facts = extractFromText(text, set, { published: null });
    const title = facts.find((f) => f.value === 120 && f.normStart < text.indexOf('\n'))!;
    expect(interval(title)).toEqual([null, '2021-10-15']);
    expect(title.resolution?.period?.restated).toBe(true);
  });
  test('a headline amount the body restates (dropped as restated) takes its period and running total', () => {
    const f = factOf('水利5000亿元投资靠谁\n未来5年5000亿元投资\n据了解，该省水利建设资金缺口较大。', 5e11, '2012-03-01');
    expect(interval(f)).toEqual(['2012-01-01', '2016-12-31']);
    expect(f.cumulative).toBe(true);
  });
  test('a photo caption takes the body period', () => {
    const text =
      'Quỹ đã chi hỗ trợ cho hơn 3.000 hộ với tổng kinh phí hơn 45 tỷ đồng. Ảnh: TTXVN.\nTheo Sở Tài chính, tính đến ngày 30/6/2021, Quỹ đã chi hỗ trợ cho hơn 3.000 hộ với tổng kinh phí hơn 45 tỷ đồng.';
    expect(interval(factOf(text, 45e9))).toEqual([null, '2021-06-30']);
  });
  test('a period after the restatement (将在2015年年底完成) does not date the headline', () => {
    const f = factOf('世行向某市供热项目贷款2亿美元\n该项目总投资30亿元人民币，其中世界银行贷款2亿美元，将在2015年年底完成执行工作。', 2e8, '2011-04-18');
    expect(interval(f)).toEqual([null, null]);
  });
});

describe('running totals', () => {
  test('截至目前 (as of now) makes a running total', () => {
    expect(factOf('截至目前，全区已为120户妇女发放创业担保贷款650万元。', 6_500_000).cumulative).toBe(true);
  });
  test('… but a balance as of now stays a stock', () => {
    expect(factOf('截至目前，全区创业担保贷款余额为3.2亿元。', 3.2e8).cumulative).toBe(false);
  });
  test("a reprint's 原标题 is a headline: it takes the body's running total", () => {
    const text = '原标题：曲靖215家企业获386.5万元稳岗返还补贴 10日，曲靖市稳岗返还发放仪式举行。截至目前，曲靖市共有215家企业获得386.5万元稳岗返还补贴。';
    const facts = extractFromText(text, set, { published: null });
    const title = facts.find((f) => f.value === 3_865_000)!;
    expect(title.normStart).toBeLessThan(30);
    expect(title.cumulative).toBe(true);
  });
  test('in a sentence an until-period opens, 累计 scopes over the figures after it', () => {
    const f = factOf('截止2012年6月30日，全省累计销售节能家电35.6万台，销售额达28.4亿元；', 2.84e9, '2012-08-01');
    expect(f.cumulative).toBe(true);
    expect(interval(f)).toEqual([null, '2012-06-30']);
  });
  test('… not past a ；', () => {
    const text = '截止2012年3月31日，全省累计销售节能家电35.6万台，销售额达28.4亿元；截止2012年6月30日，全省共办理以旧换新2000辆，发放补贴1500万元。';
    expect(factOf(text, 15_000_000, '2012-08-01').cumulative).toBe(false);
  });
});

describe('since a date, with no end', () => {
  test('Từ ngày 1/7/2019, … : from that day on, the end not stated', () => {
    expect(interval(factOf('Từ ngày 1/7/2019, quỹ đã cho vay 50 tỷ đồng đối với các hộ nghèo.', 50e9))).toEqual(['2019-07-01', null]);
  });
  test('… khai thác từ 15/3/2018 (the word stands before the date the pattern found)', () => {
    const f = factOf('Nhà máy mới tuyển 350 lao động và sẽ đi vào khai thác từ 15/3/2018.', 350);
    expect(interval(f)).toEqual(['2018-03-15', null]);
  });
  test('từ … đến nay still runs to publication', () => {
    expect(interval(factOf('Từ năm 2014 đến nay, quỹ đã cho vay 80 tỷ đồng.', 80e9, '2017-05-01'))).toEqual(['2014-01-01', '2017-05-01']);
  });
});

describe('a part takes its whole', () => {
  test('Trong đó, … : the running total of the sentence before (TP. is no sentence end)', () => {
    const text =
      'Từ khi chương trình được triển khai, đến nay TP. Hà Nội có 5.000 lao động sang Hàn Quốc làm việc. Trong đó, số lao động mới là 3.200 người.';
    expect(factOf(text, 5000).cumulative).toBe(true);
    expect(factOf(text, 3200).cumulative).toBe(true);
  });
  test('其中，… : the period and running total of the sentence before', () => {
    const f = factOf('2015年以来，全市累计发放创业担保贷款8亿元。其中，扶持妇女创业贷款2亿元。', 2e8, '2018-03-01');
    expect(interval(f)).toEqual(['2015-01-01', '2018-03-01']);
    expect(f.cumulative).toBe(true);
  });
  test('a part with a period of its own keeps it', () => {
    const f = factOf('2015年以来，全市累计发放创业担保贷款8亿元。其中，2017年发放贷款3亿元。', 3e8, '2018-03-01');
    expect(interval(f)).toEqual(['2017-01-01', '2017-12-31']);
    expect(f.cumulative).toBe(false);
  });
});

describe('a comparison period', () => {
  test('a period after 较/比 is the compared one, not the figure’s', () => {
    const f = factOf('2016年，全县新增城镇就业5200人，较2015年增加300人。', 5200, '2017-01-10');
    expect(interval(f)).toEqual(['2016-01-01', '2016-12-31']);
  });
  test('…but the compared value after 的 is of that period (较2014年的3800名教师)', () => {
    const text = '据县教育局统计，2016年全县中小学专任教师达4100名，较2014年的3800名教师增加不少。';
    expect(interval(factOf(text, 4100, '2017-01-10'))).toEqual(['2016-01-01', '2016-12-31']);
    expect(interval(factOf(text, 3800, '2017-01-10'))).toEqual(['2014-01-01', '2014-12-31']);
  });
  test('a whole school year compared with (較2018/19整個學年的2,040人)', () => {
    const text = '職業訓練局表示，2019/20學年首6個月的學員人次有1,310人，較2018/19整個學年的2,040人減少。';
    expect(interval(factOf(text, 1310, '2020-04-02'))).toEqual(['2019-09-01', '2020-02-29']);
    expect(interval(factOf(text, 2040, '2020-04-02'))).toEqual(['2018-09-01', '2019-08-31']);
  });
});
