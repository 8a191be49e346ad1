/**
 * Page shapes that a single "heaviest run of prose" gets wrong: a blog front page with several posts, an article
 * followed by a rail of teasers, photo captions in full sentences, a furniture class on an inline span inside a
 * sentence, a thread list whose teasers carry bylines, a lead line above the first paragraph.
 */
import { cleanHtml } from '../../src/clean/html.js';
import { noTextReason, type DecodedPage, type PageMessage } from '../../src/types.js';

const htmlPage = (content: string): DecodedPage => ({ source: 'mem.html', format: 'html', content, encoding: 'utf-8' });
const para = (n: number, what: string) =>
  Array.from({ length: n }, (_, i) => `<p>${what}第${i + 1}段：今年以来，全市累计发放创业担保贷款${i + 2}亿元，扶持创业人员${800 + i}人，带动就业${3000 + i}余人。</p>`).join('\n');

describe('HTML structure', () => {
  test('a blog front page: the article is the first post, ending at its comments link', () => {
    const post = (title: string, body: string) => `
      <tr><td class="post-title">${title}</td><td class="post-title">2005-06-14 03:25:55</td></tr>
      <tr><td class="post-body">${body}</td></tr>
      <tr><td>[<a href="/print">打印</a>]</td></tr>
      <tr><td class="post-footer"><em>由作者张贴 @ <a href="/p">2005-06-14 03:25:55</a></em> <a class="comment-link" href="/c">共 11 篇评论</a> <a href="/c2">发表评论 &gt;&gt;&gt;</a></td></tr>`;
    const html = `<html><body><table>${post('第一篇', para(4, '甲'))}${post('第二篇', para(6, '乙'))}${post('第三篇', para(6, '丙'))}</table></body></html>`;
    const doc = cleanHtml(htmlPage(html));
    expect(doc.text.text).toContain('甲第4段');
    expect(doc.text.text).not.toMatch(/乙第|丙第|评论/);
  });

  test('an English article followed by a rail of teasers keeps the article only, and drops photo captions', () => {
    const story = [
      'The credit union said on Monday it had lent $4 million to 210 farmers since January, more than in any year before.',
      'The loans carry a fixed rate of 3 percent and will help the farms hire about 80 seasonal workers this summer.',
      'Officials said a second round of lending, worth $2 million, would open in the autumn for dairy farms.',
      'Farmers who took part said the money arrived in time for planting, and most expect to repay it early.',
    ];
    const teaser = (i: number) => `
      <div class="item"><h5 class="title"><a href="/t${i}">Teaser headline number ${i} about something else entirely</a></h5>
      <div class="by">Staff writer</div>
      <div class="descr">This is the summary of another story, number ${i}, which the reader may want to read next, perhaps.</div></div>`;
    const html = `<html><body><article><h1>Credit union lends $4 million to farmers</h1>
      ${story.slice(0, 2).map((s) => `<p>${s}</p>`).join('')}
      <figure><img src="a.jpg"><figcaption>A farmer walks through a wheat field near the town, where the harvest begins next week.</figcaption></figure>
      ${story.slice(2).map((s) => `<p>${s}</p>`).join('')}
      </article><div class="more"><h5>More from the Gazette</h5>${[1, 2, 3, 4].map(teaser).join('')}</div></body></html>`;
    const lines = cleanHtml(htmlPage(html)).text.text.split('\n');
    expect(lines).toEqual(['Credit union lends $4 million to farmers', ...story]);
  });

  test('a furniture class on an inline span does not cut or condemn the sentence around it', () => {
    const html = `<html><body><div class="content">
      <p>2012年9月，该行加入省级小微企业贷款风险补偿计划<span class="ilh-comment">（英语：SME Loan Scheme）</span>，全年发放贷款3.5亿元，支持企业420家。</p>
      ${para(3, '丁')}
      <p><span class="newsCaption">图为贷款发放仪式现场，工作人员正在为企业代表办理手续。</span></p>
      </div></body></html>`;
    const doc = cleanHtml(htmlPage(html));
    expect(doc.text.text.split('\n')[0]).toBe('2012年9月，该行加入省级小微企业贷款风险补偿计划（英语：SME Loan Scheme），全年发放贷款3.5亿元，支持企业420家。');
    expect(doc.text.text).not.toContain('图为贷款发放仪式');
  });

  test('a thread list whose teasers carry bylines and reply counts is a list page, not an article', () => {
    const thread = (i: number) => `
      <li><div class="col2_left">${i * 7}</div><div class="threadlist_title"><a href="/p/${i}">帖子标题${i}：关于本地创业贷款的讨论</a></div>
      <div class="threadlist_author"><a href="/u/${i}">用户${i}</a> 15:${10 + i}</div>
      <div class="threadlist_abs">网友${i}说，今年申请创业担保贷款的手续比去年简单多了，最快一周就能放款，额度最高${i * 10}万元。</div></li>`;
    const html = `<html><body><ul>${Array.from({ length: 12 }, (_, i) => thread(i + 1)).join('')}</ul></body></html>`;
    const messages: PageMessage[] = [];
    const doc = cleanHtml(htmlPage(html), messages);
    expect(doc.text.text).toBe('');
    expect(noTextReason(messages)).toMatch(/list of linked teasers/);
  });

  test('a short lead line just above the first paragraph is part of the article', () => {
    const html = `<html><body><div class="frameNews"><h1>水利投资大头靠财政</h1>
      <div class="source"><span>发布时间：2011-07-18</span></div>
      <p>未来10年4万亿投资</p>
      ${para(4, '戊')}</div></body></html>`;
    const doc = cleanHtml(htmlPage(html));
    expect(doc.text.text.split('\n').slice(0, 2)).toEqual(['水利投资大头靠财政', '未来10年4万亿投资']);
  });
});
