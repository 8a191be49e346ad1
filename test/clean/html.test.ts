import { cleanHtml } from '../../src/clean/html.js';
import { cleanPage } from '../../src/clean/index.js';
import { noTextReason, type DecodedPage, type PageMessage } from '../../src/types.js';

const htmlPage = (content: string): DecodedPage => ({ source: 'mem.html', format: 'html', content, encoding: 'utf-8' });

/** For every kept character, the original holds it at its mapped offset — or, for an entity, the entity decodes to it. */
function expectOffsetsHold(page: DecodedPage, text: { text: string; starts: Int32Array; ends: Int32Array }): void {
  for (let i = 0; i < text.text.length; i++) {
    const ch = text.text[i];
    const orig = page.content.slice(text.starts[i], text.ends[i]);
    if (ch === '\n' || ch === '\t') continue;
    if (orig.startsWith('&')) continue; // checked by the entity test below
    if (ch === ' ') expect(orig).toMatch(/^[\s\u00a0\u3000]$/);
    else expect(orig).toBe(ch);
  }
}

const PORTAL = `<text id=http://news.example.com.cn/a/1.html title=长兴发放创业贷款 encoding=gb2312>
<!DOCTYPE html>
<html><head>
<meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>长兴县发放创业贷款1.2亿元_浙江新闻_示例网</title>
<meta name="author" content="王小明">
<script>var x = "<p>不是正文，，，。</p>";</script>
<style>.a{}</style>
</head>
<body>
<div id="nav"><a href="/">网站首页</a> | <a href="/n">新闻中心</a> | <a href="/z">政务公开</a> | <a href="/b">办事服务</a></div>
<div class="breadcrumb">当前位置：<a href="/">首页</a> &gt; <a href="/n">浙江新闻</a></div>
<div class="main">
  <h1>长兴县发放创业贷款1.2亿元</h1>
  <div class="info">2019-03-08 10:35:00&nbsp;&nbsp;来源：湖州日报&nbsp;&nbsp;作者：记者 王小明</div>
  <div class="article-content">
    <p>　　今年以来，长兴县累计发放创业担保贷款1.2亿元，扶持创业人员856人，带动就业3200余人。</p>
    <p>　　县人社局还组织开展创业培训班12期，培训学员650人次，其中&ldquo;准老板&rdquo;312名。</p>
    <table><tr><th>乡镇</th><th>贷款（万元）</th></tr><tr><td>雉城镇</td><td>2&#x4E07;</td></tr><tr><td>泗安镇</td><td>1500</td></tr></table>
    <p>　　下一步，该县将继续加大扶持力度，力争全年发放贷款2亿元。</p>
    <p class="editor">【责任编辑：李华】</p>
    <div class="share">分享到：微信 微博 QQ空间</div>
  </div>
  <div class="related"><h3>相关阅读</h3><ul>
    <li><a href="/1">长兴举办创业大赛，百余名选手参赛</a></li>
    <li><a href="/2">湖州发布创业扶持新政，最高补贴10万元</a></li></ul></div>
  <div id="comments"><p>网友评论：这个政策很好，希望能惠及更多的年轻人，大家都来创业吧。</p></div>
</div>
<div id="footer">版权所有 示例网 浙ICP备12345678号 联系电话：0573-85012345</div>
</body></html>`;

describe('cleanHtml', () => {
  const page = htmlPage(PORTAL);
  const doc = cleanHtml(page);
  const lines = doc.text.text.split('\n');

  test('title line, then body paragraphs, with the table as tab-joined rows', () => {
    expect(lines[0]).toBe('长兴县发放创业贷款1.2亿元');
    expect(lines).toContain('今年以来，长兴县累计发放创业担保贷款1.2亿元，扶持创业人员856人，带动就业3200余人。');
    expect(lines).toContain('乡镇\t贷款（万元）');
    expect(lines).toContain('雉城镇\t2万');
    expect(lines[lines.length - 1]).toBe('下一步，该县将继续加大扶持力度，力争全年发放贷款2亿元。');
  });

  test('no navigation, breadcrumbs, editor line, share bar, related list, comments or footer', () => {
    for (const junk of ['网站首页', '当前位置', '责任编辑', '分享到', '相关阅读', '创业大赛', '网友评论', 'ICP', '0573', '不是正文']) {
      expect(doc.text.text).not.toContain(junk);
    }
  });

  test('metadata from the dateline and the head', () => {
    expect(doc.meta).toMatchObject({ title: '长兴县发放创业贷款1.2亿元', date: '2019-03-08T10:35:00', source: '湖州日报', author: '王小明' });
  });

  test('offsets point into the HTML source; entities map to their whole range', () => {
    expectOffsetsHold(page, doc.text);
    const i = doc.text.text.indexOf('“准老板”');
    const [s, e] = doc.text.toOriginal(i, i + 1);
    expect(page.content.slice(s, e)).toBe('&ldquo;');
    const w = doc.text.text.indexOf('2万');
    expect(page.content.slice(...doc.text.toOriginal(w + 1, w + 2))).toBe('&#x4E07;');
    const f = doc.text.text.indexOf('1.2亿元');
    const [fs, fe] = doc.text.toOriginal(f, f + 5);
    expect(page.content.slice(fs, fe)).toBe('1.2亿元');
  });

  test('an index page yields no article, with a reason', () => {
    const items = Array.from({ length: 30 }, (_, i) => `<li><a href="/n/${i}">第${i}条新闻标题：某地召开工作会议部署全年任务</a><span>2019-03-0${(i % 9) + 1}</span></li>`).join('\n');
    const indexMessages: PageMessage[] = [];
    const index = cleanHtml(htmlPage(`<html><head><title>新闻列表_示例网</title></head><body><div class="nav"><a href="/">首页</a></div><ul class="list">${items}</ul></body></html>`), indexMessages);
    expect(index.text.text).toBe('');
    expect(noTextReason(indexMessages)).toMatch(/^no article/);
  });

  test('a list of teasers under linked headlines is not an article', () => {
    const teasers = Array.from({ length: 8 }, (_, i) =>
      `<div class="item"><h3><a href="/a/${i}">标题第${i}篇：某县推进乡村振兴工作取得新进展</a></h3><p>近日，某县召开会议，总结前期工作经验，部署下一阶段任务，要求各部门抓好落实。</p></div>`).join('');
    const doc2Messages: PageMessage[] = [];
    const doc2 = cleanHtml(htmlPage(`<html><body>${teasers}</body></html>`), doc2Messages);
    expect(doc2.text.text).toBe('');
    expect(noTextReason(doc2Messages)).toMatch(/list of linked teasers/);
  });

  test('a frameset page has no article', () => {
    const doc3Messages: PageMessage[] = [];
    const doc3 = cleanHtml(htmlPage('<html><head><title>示例</title></head><frameset cols="20%,80%"><frame src="a.html"><frame src="b.html"></frameset></html>'), doc3Messages);
    expect(doc3.text.text).toBe('');
    expect(noTextReason(doc3Messages)).not.toBeNull();
  });

  test('unclosed tags and junk before <html> are tolerated', () => {
    const d = cleanHtml(htmlPage('<text id=1 encoding=gbk>\n<html><body><div><p>第一段：今年全市新增就业岗位12000个，同比增长8%。<p>第二段：培训农民工3500人次，发放补贴120万元。</div>'));
    expect(d.text.text.split('\n')).toEqual(['第一段：今年全市新增就业岗位12000个，同比增长8%。', '第二段：培训农民工3500人次，发放补贴120万元。']);
  });

  test('an English article with inline links, a byline and a related box', () => {
    const en = `<html><head><title>Bank lends $2 million to farmers | Daily News</title>
      <meta property="article:published_time" content="2020-05-04T08:00:00Z"><meta name="author" content="Jane Doe"></head>
      <body><header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
      <article><h1>Bank lends $2 million to farmers</h1>
      <p>The regional bank said on Monday it had lent <a href="/x">$2 million to 300 farmers</a> since January, double last year's figure.</p>
      <p>Officials said 1,200 people had been trained in bookkeeping as part of the programme, which runs until 2022.</p>
      <aside class="related"><h2>Related stories</h2><a href="/1">Farm prices rise</a></aside>
      <p>"We expect demand to keep growing," the bank's chief executive said.</p></article>
      <footer>Copyright 2020 Daily News. All rights reserved.</footer></body></html>`;
    const d = cleanPage(htmlPage(en));
    expect(d.text.text.split('\n')).toEqual([
      'Bank lends $2 million to farmers',
      "The regional bank said on Monday it had lent $2 million to 300 farmers since January, double last year's figure.",
      'Officials said 1,200 people had been trained in bookkeeping as part of the programme, which runs until 2022.',
      '"We expect demand to keep growing," the bank\'s chief executive said.',
    ]);
    expect(d.meta).toMatchObject({ title: 'Bank lends $2 million to farmers', date: '2020-05-04T08:00:00', author: 'Jane Doe' });
  });
});
