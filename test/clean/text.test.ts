import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { cleanTextDump, classifyLine } from '../../src/clean/text.js';
import { noTextReason, type DecodedPage, type PageMessage } from '../../src/types.js';

const CORPUS = path.resolve(process.cwd(), 'corpus');
const seed = (prefix: string): DecodedPage => {
  const file = readdirSync(CORPUS).find((f) => f.startsWith(prefix))!;
  return { source: `corpus/${file}`, format: 'text', content: readFileSync(path.join(CORPUS, file), 'utf8'), encoding: 'utf-8' };
};
const dump = (content: string): DecodedPage => ({ source: 'mem.txt', format: 'text', content, encoding: 'utf-8' });

/** Every kept character sits at its mapped offset in the original (line breaks between lines map to nothing). */
function expectOffsetsHold(page: DecodedPage, text: { text: string; starts: Int32Array; ends: Int32Array }): void {
  for (let i = 0; i < text.text.length; i++) {
    if (text.text[i] === '\n' && text.starts[i] === text.ends[i]) continue;
    expect(page.content.slice(text.starts[i], text.ends[i])).toBe(text.text[i]);
  }
}

const NO_FURNITURE = [/ICP/, /\d{3,4}-\d{7,8}/, /网站首页|網站首頁/, /版权所有|版權所有|版权声明/, /相关阅读|相关稿件|相关热词|相關閱讀/, /打印|收藏本页|关闭本页/, /您当前的位置/, /编辑:|編輯:/, /Từ khóa/];

describe('cleanTextDump on the seeds', () => {
  test('seed 000: title, body with every figure, metadata from the byline, no furniture', () => {
    const page = seed('000_');
    const doc = cleanTextDump(page);
    const lines = doc.text.text.split('\n');
    expect(lines[0]).toBe('长兴:四项举措加快现代家庭工业发展');
    expect(doc.meta).toMatchObject({ title: '长兴:四项举措加快现代家庭工业发展', source: '湖州日报', author: '陈坚 费本静', date: null });
    for (const figure of ['2444户', '290万元', '6039人次', '20户家庭工业户', '2008年度']) expect(doc.text.text).toContain(figure);
    expect(lines).toHaveLength(8);
    for (const re of NO_FURNITURE) expect(doc.text.text).not.toMatch(re);
    expectOffsetsHold(page, doc.text);
  });

  test('seed 001: the line gluing title and teaser goes, the title line and all sections stay', () => {
    const page = seed('001_');
    const doc = cleanTextDump(page);
    const lines = doc.text.text.split('\n');
    expect(lines[0]).toBe('经济强镇建设经验交流');
    expect(lines[1].startsWith('去年以来,镇党委、政府')).toBe(true);
    expect(lines).toContain('一、全民创业现状');
    expect(lines).toContain('(三)建立健全鼓励创业的政策体系');
    expect(doc.text.text).toContain('1100人');
    expect(doc.text.text.match(/经济强镇建设经验交流/g)).toHaveLength(1);
    for (const re of NO_FURNITURE) expect(doc.text.text).not.toMatch(re);
    expectOffsetsHold(page, doc.text);
  });

  test('seed 002 (traditional): dateline and source line become metadata, editor and place list go', () => {
    const page = seed('002_');
    const doc = cleanTextDump(page);
    expect(doc.meta.title).toBe('大眾創(chuàng)業(yè) 萬眾創(chuàng)新 巾幗在行動');
    expect(doc.meta.date).toBe('2015-12-17T10:35:00');
    expect(doc.meta.source).toBe('蘇州日報');
    expect(doc.meta.author).toBe('顧志敏');
    for (const figure of ['21.6萬人次', '6千人次', '2億元', '2328萬元', '21.18億元']) expect(doc.text.text).toContain(figure);
    expect(doc.text.text).not.toMatch(/來源|荣昌县|陳文韜/);
    expectOffsetsHold(page, doc.text);
  });

  test('seed 003: every body paragraph kept, trailing office credit dropped', () => {
    const page = seed('003_');
    const doc = cleanTextDump(page);
    expect(doc.meta.title).toBe('樂山:著力打造“歸雁興嘉”返鄉(xiāng)創(chuàng)業(yè)品牌');
    for (const figure of ['4706人', '2.03萬', '460萬元', '420人']) expect(doc.text.text).toContain(figure);
    expect(doc.text.text).not.toContain('就業服務管理局 鄒娟');
    expectOffsetsHold(page, doc.text);
  });

  test('seed 004 (Vietnamese): title then body, keyword footer gone', () => {
    const page = seed('004_');
    const doc = cleanTextDump(page);
    const lines = doc.text.text.split('\n');
    expect(lines[0]).toBe('Hoạt động khuyến công ở một thành phố trực thuộc Trung ương');
    expect(doc.text.text).toContain('250 triệu đồng');
    expect(doc.text.text).toContain('60 triệu đồng');
    expect(doc.text.text).not.toContain('Từ khóa');
    expect(doc.meta.date).toBeNull();
    expectOffsetsHold(page, doc.text);
  });
});

describe('cleanTextDump on dumps written for the tests', () => {
  test('a dump with breadcrumbs, a dateline, a related list, a copyright footer and phone numbers', () => {
    const content = [
      '首页 | 新闻中心 | 政务公开 | 办事服务 | 互动交流',
      '当前位置：首页 > 新闻中心 > 本地新闻',
      '',
      '我县发放创业担保贷款1.2亿元',
      '发布时间：2019年3月8日  来源：平湖日报  作者：记者 王小明',
      '',
      '　　今年以来，我县累计发放创业担保贷款1.2亿元，扶持创业人员856人，带动就业3200余人。',
      '　　县人社局还组织开展创业培训班12期，培训学员650人次。',
      '',
      '【责任编辑：李华】',
      '相关阅读',
      '我县举办创业大赛',
      '版权所有 平湖市新闻中心  浙ICP备12345678号',
      '联系电话：0573-85012345  地址：平湖市新华路88号',
    ].join('\n');
    const doc = cleanTextDump(dump(content));
    expect(doc.text.text).toBe(
      '我县发放创业担保贷款1.2亿元\n　　今年以来，我县累计发放创业担保贷款1.2亿元，扶持创业人员856人，带动就业3200余人。\n　　县人社局还组织开展创业培训班12期，培训学员650人次。'.replace(/　　/g, ''),
    );
    expect(doc.meta).toMatchObject({ title: '我县发放创业担保贷款1.2亿元', date: '2019-03-08', source: '平湖日报', author: '王小明' });
  });

  test('a Vietnamese dump with a menu, a date line and a source credit', () => {
    const content = [
      'Trang chủ | Tin tức | Kinh tế | Xã hội | Liên hệ',
      'Ngân hàng Chính sách xã hội giải ngân 500 tỷ đồng cho hộ nghèo',
      'Cập nhật: 10:35 16/06/2016',
      'Trong 6 tháng đầu năm, chi nhánh đã giải ngân hơn 500 tỷ đồng cho 12.000 hộ nghèo vay vốn.',
      'Ngoài ra, 1.500 lao động được đào tạo nghề với kinh phí 3,5 tỷ đồng.',
      'Nguồn: Báo Hải Phòng',
      '• Từ khóa: tín dụng, hộ nghèo',
      'Bản quyền thuộc về Báo điện tử. Giấy phép số 123/GP-BTTTT.',
    ].join('\n');
    const doc = cleanTextDump(dump(content));
    expect(doc.text.text.split('\n')).toEqual([
      'Ngân hàng Chính sách xã hội giải ngân 500 tỷ đồng cho hộ nghèo',
      'Trong 6 tháng đầu năm, chi nhánh đã giải ngân hơn 500 tỷ đồng cho 12.000 hộ nghèo vay vốn.',
      'Ngoài ra, 1.500 lao động được đào tạo nghề với kinh phí 3,5 tỷ đồng.',
    ]);
    expect(doc.meta).toMatchObject({ date: '2016-06-16T10:35', source: 'Báo Hải Phòng' });
  });

  test('a dump of nothing but menus and links has no article, with a reason', () => {
    const messages: PageMessage[] = [];
    const doc = cleanTextDump(dump('网站首页 | 新闻 | 图片 | 视频\n关于我们 | 联系我们 | 网站地图\n浙ICP备06047663号'), messages);
    expect(doc.text.text).toBe('');
    expect(noTextReason(messages)).toMatch(/no article/);
    const empty: PageMessage[] = [];
    cleanTextDump(dump(''), empty);
    expect(empty).toEqual([{ stage: 'clean', severity: 'info', kind: 'no-text', reason: 'empty file' }]);
  });

  test('an excerpt cut off in its last paragraph of half-width-comma Chinese keeps that paragraph; titles stay titles', () => {
    const content = [
      '首页 > 新闻中心 >',
      '',
      '返乡创业带动就业,全区新增创业实体9千余个',
      '发布日期:2022-03-15 09:20',
      '',
      '近年来,我区持续优化创业环境,累计发放创业担保贷款1.6亿元。',
      '',
      '据统计,2019年以来,全区累计新增返乡创业人员8400人,新增创业实体9100个;建成创业孵化基地12个,入驻创业户数35',
    ].join('\n');
    const doc = cleanTextDump(dump(content));
    expect(doc.meta.title).toBe('返乡创业带动就业,全区新增创业实体9千余个');
    expect(doc.text.text.split('\n')).toEqual([
      '返乡创业带动就业,全区新增创业实体9千余个',
      '近年来,我区持续优化创业环境,累计发放创业担保贷款1.6亿元。',
      '据统计,2019年以来,全区累计新增返乡创业人员8400人,新增创业实体9100个;建成创业孵化基地12个,入驻创业户数35',
    ]);
  });

  test('a dateline with its source and site split by bars is a dateline: the headline above it stays the title', () => {
    const content = [
      '贵州前三季度对52万农村劳动力开展技能培训',
      '2019-10-21 15:02:11 | 黔南在线 | www.example.cn',
      '',
      '21日,记者从省人社厅获悉,今年1-9月,全省完成各类职业技能培训86.4万人次。',
    ].join('\n');
    const doc = cleanTextDump(dump(content));
    expect(doc.meta.title).toBe('贵州前三季度对52万农村劳动力开展技能培训');
    expect(doc.meta.date).toBe('2019-10-21T15:02:11');
    expect(doc.text.text.split('\n')[0]).toBe('贵州前三季度对52万农村劳动力开展技能培训');
    expect(classifyLine('2021-03-05 08:10 | 台灣新聞網').kind).toBe('meta');
    expect(classifyLine('16/06/2016 10:35 | Báo Hải Phòng').kind).toBe('meta');
    // A date before a sentence of news is no dateline.
    expect(classifyLine('2019-03-08 | 我县今年发放创业担保贷款1.2亿元，带动就业3200人').kind).not.toBe('meta');
  });

  test('line classes', () => {
    expect(classifyLine('大同市| 荣昌县| 荥经县| 葫芦岛市| 柞水县').kind).toBe('menu');
    expect(classifyLine('  • Từ khóa:').kind).toBe('furniture');
    expect(classifyLine('2015-12-17 10:35:00    來源:蘇州日報').kind).toBe('meta');
    expect(classifyLine('截至今年9月末,樂山市農民工返鄉創業4706人,同比增加1144人。').kind).toBe('body');
    expect(classifyLine('一、全民创业现状').kind).toBe('short');
    // Half-width commas glued between Chinese characters: two make a long line prose; a headline's one or its colon do not.
    expect(classifyLine('通过政策和资金支持,2020年以来,全县累计新增返乡创业人员达6500人,新增创业实体5200个;入驻园区户数43').kind).toBe('body');
    expect(classifyLine('长兴:四项举措加快现代家庭工业发展').kind).toBe('short');
    expect(classifyLine('返乡创业带动就业,全区新增创业实体9千余个').kind).toBe('short');
  });
});
