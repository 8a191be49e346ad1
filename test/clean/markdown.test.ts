import { cleanTextDump } from '../../src/clean/text.js';
import { readMarkdownLine } from '../../src/clean/markdown.js';
import type { DecodedPage } from '../../src/types.js';

const dump = (content: string): DecodedPage => ({ source: 'mem.md.txt', format: 'text', content, encoding: 'utf-8' });

/** Every kept character sits at its mapped offset in the original (line breaks between lines map to nothing). */
function expectOffsetsHold(page: DecodedPage, text: { text: string; starts: Int32Array; ends: Int32Array }): void {
  for (let i = 0; i < text.text.length; i++) {
    if (text.text[i] === '\n' && text.starts[i] === text.ends[i]) continue;
    expect(page.content.slice(text.starts[i], text.ends[i])).toBe(text.text[i]);
  }
}

/** A scraper's markdown export of a Vietnamese news repost, shaped like the ones researchers collect. */
const VI_EXPORT = [
  'Quỹ tín dụng huyện giải ngân 120 tỷ đồng cho hộ kinh doanh',
  '==========================================================',
  '',
  '[Xem chi tiết tại đây](https://example.vn/quy-tin-dung-giai-ngan/)Trong quý I, Quỹ tín dụng nhân dân huyện đã giải ngân hơn 120 tỷ đồng cho 1.850 hộ kinh doanh, tăng …',
  '-------------------------------------------------------------------------',
  '',
  '',
  '![Quỹ tín dụng huyện giải ngân](https://example.vn/uploads/2021/03/anh-1.jpg "Quỹ tín dụng huyện giải ngân")',
  '',
  'Cán bộ quỹ hướng dẫn hộ kinh doanh làm hồ sơ vay vốn. Ảnh: T.H',
  '',
  'Trong quý I, Quỹ tín dụng nhân dân huyện đã giải ngân hơn 120 tỷ đồng cho 1.850 hộ kinh doanh, tăng 15% so với cùng kỳ năm trước.',
  '',
  '**Chia sẻ khó khăn với hộ nhỏ**',
  '',
  'Theo ông Trần Văn Bình, Giám đốc quỹ, [chương trình cho vay ưu đãi](https://example.vn/chuong-trinh/) đã giúp khoảng 300 lao động có việc làm ổn định.',
  '',
  '* * *',
  '',
  '## Kế hoạch năm 2021',
  '',
  'Năm nay, quỹ dự kiến dành thêm 50 tỷ đồng để hỗ trợ các hợp tác xã và **ít nhất 40 doanh nghiệp** nhỏ.',
  '',
  '**Minh Hà**',
  '',
  '### Tin liên quan',
  '',
  '* [Ngân hàng giảm lãi suất cho vay nông nghiệp](https://example.vn/a/)',
  '* [Hộ nghèo được vay 50 triệu đồng](https://example.vn/b/)',
  '* [Giải ngân gói 16.000 tỷ đồng](https://example.vn/c/)',
].join('\n');

describe('markdown exports in the text cleaner', () => {
  const page = dump(VI_EXPORT);
  const doc = cleanTextDump(page);
  const lines = doc.text.text.split('\n');

  test('the setext heading is the title; rules, images and the teaser line do not end or enter the article', () => {
    expect(doc.meta.title).toBe('Quỹ tín dụng huyện giải ngân 120 tỷ đồng cho hộ kinh doanh');
    expect(lines).toEqual([
      'Quỹ tín dụng huyện giải ngân 120 tỷ đồng cho hộ kinh doanh',
      'Cán bộ quỹ hướng dẫn hộ kinh doanh làm hồ sơ vay vốn. Ảnh: T.H',
      'Trong quý I, Quỹ tín dụng nhân dân huyện đã giải ngân hơn 120 tỷ đồng cho 1.850 hộ kinh doanh, tăng 15% so với cùng kỳ năm trước.',
      'Chia sẻ khó khăn với hộ nhỏ',
      'Theo ông Trần Văn Bình, Giám đốc quỹ, chương trình cho vay ưu đãi đã giúp khoảng 300 lao động có việc làm ổn định.',
      'Kế hoạch năm 2021',
      'Năm nay, quỹ dự kiến dành thêm 50 tỷ đồng để hỗ trợ các hợp tác xã và ít nhất 40 doanh nghiệp nhỏ.',
    ]);
  });

  test('markup is left out: no URL, no image alt, no asterisks, no "see details" link', () => {
    expect(doc.text.text).not.toMatch(/https?:|\]\(|!\[|\*\*|={3,}|-{3,}|Xem chi tiết/);
  });

  test('the related-links list after the article stays out', () => {
    expect(doc.text.text).not.toMatch(/Tin liên quan|giảm lãi suất|16\.000 tỷ/);
  });

  test('every kept character maps to its offset in the file, inside links and bold text too', () => {
    expectOffsetsHold(page, doc.text);
    const at = doc.text.text.indexOf('chương trình cho vay ưu đãi');
    const [s, e] = doc.text.toOriginal(at, at + 'chương trình cho vay ưu đãi'.length);
    expect(VI_EXPORT.slice(s, e)).toBe('chương trình cho vay ưu đãi');
    const bold = doc.text.text.indexOf('ít nhất 40 doanh nghiệp');
    expect(VI_EXPORT.slice(...doc.text.toOriginal(bold, bold + 'ít nhất 40 doanh nghiệp'.length))).toBe('ít nhất 40 doanh nghiệp');
  });

  test('an ATX-headed English export keeps its paragraphs after a rule and an image', () => {
    const content = [
      '# Credit union lends $4 million to local farmers',
      '',
      '[Home](https://example.com/) | [Business](https://example.com/business/) | [Farming](https://example.com/farming/)',
      '',
      'The Valley Credit Union said on Monday it had lent $4 million to 210 farmers since January.',
      '',
      '---',
      '',
      '![A farmer in a wheat field](https://example.com/img/farm.jpg)',
      '',
      'The loans, which carry a fixed rate of 3 percent, will help the farms hire about 80 seasonal workers.',
      '',
      'Share this article',
    ].join('\n');
    const d = cleanTextDump(dump(content));
    expect(d.meta.title).toBe('Credit union lends $4 million to local farmers');
    expect(d.text.text.split('\n')).toEqual([
      'Credit union lends $4 million to local farmers',
      'The Valley Credit Union said on Monday it had lent $4 million to 210 farmers since January.',
      'The loans, which carry a fixed rate of 3 percent, will help the farms hire about 80 seasonal workers.',
    ]);
  });

  test('a long prose line that happens to use a furniture word is body, not furniture', () => {
    const content = [
      'Ngân hàng hỗ trợ khách hàng',
      '',
      'Ngân hàng cho biết đã giải ngân 2.000 tỷ đồng trong năm qua cho các doanh nghiệp nhỏ và vừa trên địa bàn tỉnh.',
      '',
      'Với phương châm “Sẵn lòng chia sẻ”, ngân hàng đã miễn giảm lãi vay cho hơn 3.000 khách hàng gặp khó khăn do dịch bệnh.',
    ].join('\n');
    expect(cleanTextDump(dump(content)).text.text).toContain('hơn 3.000 khách hàng');
  });
});

describe('readMarkdownLine', () => {
  const read = (line: string) => readMarkdownLine(line, 0, line.length);
  test('roles', () => {
    expect(read('-----------').role).toBe('rule');
    expect(read('* * *').role).toBe('rule');
    expect(read('![alt](https://x.vn/a(1).jpg "title")').role).toBe('image');
    expect(read('[![alt](https://x.vn/a.jpg)](https://x.vn/)').role).toBe('image');
    expect(read('* [Tin khác](https://x.vn/b)').role).toBe('link');
    expect(read('## Kế hoạch').role).toBe('heading');
    expect(read('**Nguồn vốn đều sẵn sàng**').role).toBe('heading');
    expect(read('- Dự án đào tạo nghề với kinh phí 60 triệu đồng.').role).toBe('text');
  });
  test('visible text and its spans', () => {
    const line = 'Vay [50 triệu](https://x.vn/) đồng, **lãi suất 0%**';
    const r = read(line);
    expect(r.text).toBe('Vay 50 triệu đồng, lãi suất 0%');
    expect(r.spans.map(([s, e]) => line.slice(s, e)).join('')).toBe(r.text);
    expect(r.unlinked).toBe('Vay  đồng, lãi suất 0%');
  });
  test('plain Chinese text passes through as one span', () => {
    const line = '今年以来，全县发放创业担保贷款1.2亿元。';
    expect(read(line)).toEqual({ role: 'text', spans: [[0, line.length]], text: line, unlinked: line });
  });
});
