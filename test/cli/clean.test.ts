/**
 * `newsfacts clean FILE`: the text form shows the metadata the README promises, and the metadata reads a labelled
 * source link as the link alone and a portal's name as no author, on pages written for this test.
 */
import path from 'node:path';
import { newsfacts, tempDir, writeFiles } from './helpers.js';

let dir: string;

function page(opts: { title: string; author: string; dateline: string; body: string[]; lang: string }): string {
  return `<!doctype html><html lang="${opts.lang}"><head><meta charset="utf-8"><title>${opts.title}</title>
<meta name="author" content="${opts.author}"></head><body>
<div class="nav"><a href="/">首页</a> <a href="/news">新闻</a></div>
<div class="main"><h1>${opts.title.split(/_| - /)[0]}</h1>
<div class="post_info">
  ${opts.dateline}
</div>
<div class="post_body">${opts.body.map((p) => `<p>${p}</p>`).join('\n')}</div></div>
<div class="footer">版权所有 © 2024</div></body></html>`;
}

const ZH_BODY = [
  '近日，湖州市人力社保局发布消息，今年以来全市共发放创业担保贷款5.6亿元，扶持创业3200人，带动就业9800人。',
  '据介绍，湖州市将创业担保贷款的个人贷款额度提高到50万元，小微企业贷款额度提高到500万元，并由财政全额贴息。',
  '下一步，湖州市将继续加大对返乡创业人员和高校毕业生的支持力度，开展创业培训1.2万人次，努力实现更高质量就业。',
];

beforeAll(() => {
  dir = tempDir('nf-cli-clean-');
  writeFiles(dir, {
    // A portal page: the portal's name in the author meta, the source a link with a "report" link beside it.
    'portal.html': page({
      lang: 'zh-CN',
      title: '湖州创业担保贷款今年已发放5.6亿元_搜狐财经',
      author: '搜狐',
      dateline: '2024-06-18 09:30:12　来源: <a id="article_source" href="http://example.cn/">湖州日报</a>\n  <a href="http://example.cn/report" class="jubao">纠错</a>',
      body: ZH_BODY,
    }),
    // A newspaper page whose author meta names a person: kept.
    'paper.html': page({
      lang: 'zh-CN',
      title: '湖州创业担保贷款今年已发放5.6亿元_湖州日报',
      author: '沈晓明',
      dateline: '2024-06-18　来源：<span>湖州日报</span>',
      body: ZH_BODY,
    }),
    // A Vietnamese portal: its name as the author meta and the title's suffix.
    'vn.html': page({
      lang: 'vi',
      title: 'Hải Phòng giải ngân 320 tỷ đồng vốn vay ưu đãi - Báo Mới',
      author: 'Báo Mới',
      dateline: '18/06/2024 09:30 Nguồn: <a href="https://example.vn/">Báo Hải Phòng</a> <a href="/bao-loi">Báo lỗi</a>',
      body: [
        'Sáu tháng đầu năm 2024, Ngân hàng Chính sách xã hội thành phố Hải Phòng đã giải ngân 320 tỷ đồng cho 7.500 lượt hộ vay vốn.',
        'Nguồn vốn đã giúp tạo việc làm cho hơn 4.000 lao động và hỗ trợ 1.200 hộ nghèo phát triển sản xuất, chăn nuôi và buôn bán nhỏ.',
        'Trong thời gian tới, ngân hàng tiếp tục phối hợp với các địa phương để đưa vốn ưu đãi đến đúng đối tượng, đúng mục đích.',
      ],
    }),
  });
});

const clean = (file: string, format = 'text') => newsfacts(['clean', path.join(dir, file), '--format', format], { cwd: dir });

test('the text form prints the metadata, a blank line, then the text', () => {
  const r = clean('paper.html');
  expect(r.status).toBe(0);
  const [head, text] = r.stdout.split('\n\n');
  const fields = Object.fromEntries(head.split('\n').map((l) => [l.slice(0, l.indexOf(':')), l.slice(l.indexOf(':') + 2)]));
  expect(fields).toMatchObject({
    title: '湖州创业担保贷款今年已发放5.6亿元',
    date: '2024-06-18',
    source: '湖州日报',
    author: '沈晓明',
    lang: 'zh-Hans',
    encoding: 'utf-8',
  });
  expect(text).toContain('今年以来全市共发放创业担保贷款5.6亿元');
});

test('a labelled source link ends where the link does, not at the next link', () => {
  expect(JSON.parse(clean('portal.html', 'json').stdout).source).toBe('湖州日报');
  expect(JSON.parse(clean('vn.html', 'json').stdout).source).toBe('Báo Hải Phòng');
  expect(clean('portal.html').stdout).toMatch(/^source: 湖州日报$/m);
});

test("a portal's name in the author meta is not an author", () => {
  const zh = JSON.parse(clean('portal.html', 'json').stdout);
  expect(zh.author).not.toBe('搜狐');
  const vn = JSON.parse(clean('vn.html', 'json').stdout);
  expect(vn.author).not.toBe('Báo Mới');
  expect(clean('portal.html').stdout).not.toMatch(/^author: 搜狐/m);
});
