/**
 * Issue 13, pattern 9: real articles must not be dropped as "a list of linked teasers" because a portal puts links,
 * advertisement slots and cross-links between their paragraphs; true list pages are still dropped, and a page stored
 * without article text is noted by ingest, never silent. Pages written for this test in zh, vi and en portal layouts.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanHtml } from '../../src/clean/html.js';
import { ingest } from '../../src/ingest.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { summaryText } from '../../src/cli/ingest.js';
import { noTextReason, type DecodedPage, type PageMessage } from '../../src/types.js';

const htmlPage = (content: string): DecodedPage => ({ source: 'mem.html', format: 'html', content, encoding: 'utf-8' });
const nav = (label: string, n: number) => `<div class="top">${Array.from({ length: n }, (_, i) => `<a href="/c${i}">${label}${i}</a>`).join(' | ')}</div>`;

const ZH_PARAS = [
  '今年以来，市人社局会同财政部门累计发放创业担保贷款3.2亿元，扶持个人创业1860人。',
  '据介绍，贷款重点支持返乡农民工、高校毕业生和退役军人等群体，个人最高可贷30万元。',
  '在贴息方面，市财政今年安排专项资金2000万元，比上年增加400万元。',
  '截至6月末，全市小微企业贷款余额达到420亿元，惠及企业3100家。',
  '下一步，该市将进一步简化贷款审批流程，把平均放款时间压缩到7个工作日以内。',
];
const ZH_CROSS = ['延伸阅读：', '【相关新闻】', '相关阅读：'];

/** A Chinese portal article: channel bar, a cross-link and an ad slot after every paragraph, a hot-news rail. */
function zhPortalArticle(): string {
  const body = ZH_PARAS.map(
    (p, i) =>
      `<p>${p}</p>\n<div class="ad_box">广告</div>\n<p>${i % 2 ? '' : ZH_CROSS[i % 3]}<a href="/r${i}">${i % 2 ? ZH_CROSS[i % 3] : ''}市场监管局开展第${i + 1}轮食品安全专项检查</a></p>`,
  ).join('\n');
  const rail = Array.from({ length: 8 }, (_, i) =>
    `<div class="item"><a href="/h${i}">第${i + 1}条热点：本地交通改造工程进入收尾阶段</a><p>记者从市交通局获悉，第${i + 1}段道路将于月底通车。</p></div>`).join('');
  return `<html><head><title>发放创业担保贷款3.2亿元_某某网</title></head><body>${nav('频道', 30)}
    <div class="left"><h1>今年以来发放创业担保贷款3.2亿元</h1><div class="info">2024-07-01 来源：某某日报</div>${body}</div>
    <div class="right"><h3>热点新闻</h3>${rail}</div></body></html>`;
}

const VI_PARAS = [
  'Theo Ngân hàng Chính sách xã hội tỉnh, trong 6 tháng đầu năm đơn vị đã giải ngân hơn 320 tỷ đồng cho 8.500 hộ nghèo và cận nghèo.',
  'Nguồn vốn giúp các hộ phát triển chăn nuôi, trồng trọt và tạo việc làm cho hơn 2.000 lao động tại địa phương.',
  'Ông Trần Văn Bình, Giám đốc chi nhánh, cho biết tổng dư nợ các chương trình tín dụng chính sách đạt 4.200 tỷ đồng.',
  'Ngân hàng phối hợp với Hội Nông dân, Hội Phụ nữ quản lý vốn ủy thác qua 1.100 tổ tiết kiệm và vay vốn.',
  'Thời gian tới, chi nhánh tiếp tục ưu tiên vốn cho các huyện miền núi và vùng đồng bào dân tộc thiểu số.',
];

/** A Vietnamese portal article: menu, a `>> Xem thêm:` link after every paragraph, an "other news" rail after it. */
function viPortalArticle(): string {
  const body = VI_PARAS.map((p, i) => `<p>${p}</p>\n<p>&gt;&gt; Xem thêm: <a href="/t${i}">Nông dân vay vốn làm giàu từ mô hình nuôi bò thịt ở xã vùng cao thứ ${i + 1}</a></p>`).join('\n');
  const rail = Array.from({ length: 6 }, (_, i) =>
    `<div class="story"><h3><a href="/k${i}">Huyện thứ ${i + 1} đẩy mạnh chuyển đổi cơ cấu cây trồng</a></h3><p>Nhiều hộ dân đã chuyển sang trồng cây ăn quả, thu nhập tăng gấp đôi so với trước.</p></div>`).join('');
  return `<html><head><title>Giải ngân 320 tỷ đồng</title></head><body><div class="menu">${Array.from({ length: 25 }, (_, i) => `<a href="/m${i}">Chuyên mục ${i}</a>`).join('')}</div>
    <div class="detail"><h1>Giải ngân hơn 320 tỷ đồng cho hộ nghèo</h1><p class="sapo"><b>Sáu tháng đầu năm, nguồn vốn chính sách tiếp tục đến với người nghèo.</b></p>${body}</div>
    <div class="other"><h2>Tin khác</h2>${rail}</div></body></html>`;
}

const EN_PARAS = [
  "The county's small business fund lent $3.2 million to 140 local firms in the first half of the year, officials said.",
  'Most of the loans went to restaurants and repair shops that lost customers during the road works on Main Street.',
  'The fund, set up in 2019 with money from the state, charges no interest for the first two years.',
  'Borrowers must keep at least the same number of workers on their payroll for as long as the loan runs.',
  "About 600 jobs have been kept that way, according to the county's economic development office.",
];

/** An English article with an advertisement slot and a `READ MORE:` link after every paragraph. */
function enArticleWithAds(): string {
  const body = EN_PARAS.map((p, i) => `<p>${p}</p>\n<div class="ad-slot">Advertisement</div>\n<p><strong>READ MORE:</strong> <a href="/x${i}">Council votes to extend the road works into spring, part ${i + 1}</a></p>`).join('\n');
  return `<html><body><nav>${Array.from({ length: 20 }, (_, i) => `<a href="/s${i}">Section ${i}</a>`).join('')}</nav><article><h1>County fund lends $3.2 million to small firms</h1>${body}</article></body></html>`;
}

describe('articles among links are kept whole', () => {
  test('zh portal: every paragraph, no cross-link, ad or teaser', () => {
    const messages: PageMessage[] = [];
    const doc = cleanHtml(htmlPage(zhPortalArticle()), messages);
    expect(noTextReason(messages)).toBeNull();
    expect(doc.text.text.split('\n')).toEqual(['今年以来发放创业担保贷款3.2亿元', ...ZH_PARAS]);
  });
  test('vi portal: every paragraph, no "Xem thêm" link, no other-news rail', () => {
    const messages: PageMessage[] = [];
    const doc = cleanHtml(htmlPage(viPortalArticle()), messages);
    expect(noTextReason(messages)).toBeNull();
    const lines = doc.text.text.split('\n');
    expect(lines.slice(-VI_PARAS.length)).toEqual(VI_PARAS);
    expect(doc.text.text).not.toMatch(/Xem thêm|chuyển đổi cơ cấu|trồng cây ăn quả/);
  });
  test('en: advertisement slots and READ MORE links between paragraphs', () => {
    const messages: PageMessage[] = [];
    const doc = cleanHtml(htmlPage(enArticleWithAds()), messages);
    expect(noTextReason(messages)).toBeNull();
    expect(doc.text.text.split('\n')).toEqual(['County fund lends $3.2 million to small firms', ...EN_PARAS]);
  });
});

/** A section page: each item a linked headline, a one-sentence summary and a date. */
function zhSectionPage(): string {
  const items = Array.from({ length: 12 }, (_, i) =>
    `<li class="news-item"><h3><a href="/n/${i}">第${i + 1}篇：某县召开会议部署乡村振兴重点任务</a></h3><p>近日，某县召开专题会议，总结前期工作，部署下一阶段第${i + 1}项重点任务。</p><span class="time">2024-06-${10 + i}</span></li>`).join('');
  return `<html><head><title>要闻_某某网</title></head><body>${nav('频道', 20)}<ul class="news">${items}</ul></body></html>`;
}

/** A flat Vietnamese list: headline links and summaries as siblings in one column. */
function viFlatList(): string {
  const items = Array.from({ length: 10 }, (_, i) =>
    `<h2><a href="/b/${i}">Tỉnh triển khai chương trình hỗ trợ nông dân đợt ${i + 1}</a></h2><p>Chương trình tập trung vào vốn vay, giống cây trồng và tập huấn kỹ thuật cho nông dân đợt ${i + 1}.</p>`).join('');
  return `<html><body><div class="menu">${Array.from({ length: 15 }, (_, i) => `<a href="/m${i}">Mục ${i}</a>`).join('')}</div><div class="col">${items}</div></body></html>`;
}

describe('true list pages are still dropped, with a reason', () => {
  test('zh section page of teasers', () => {
    const messages: PageMessage[] = [];
    const doc = cleanHtml(htmlPage(zhSectionPage()), messages);
    expect(doc.text.text).toBe('');
    expect(noTextReason(messages)).toMatch(/list of linked teasers/);
  });
  test('vi flat list of headlines and summaries', () => {
    const messages: PageMessage[] = [];
    const doc = cleanHtml(htmlPage(viFlatList()), messages);
    expect(doc.text.text).toBe('');
    expect(noTextReason(messages)).toMatch(/^no article/);
  });
});

describe('a page stored without article text is never silent', () => {
  test('ingest counts it, lists it in the summary and notes it in the errors table; articles are not noted', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'newsfacts-list-'));
    writeFileSync(path.join(dir, 'section.html'), zhSectionPage());
    writeFileSync(path.join(dir, 'article.html'), zhPortalArticle());
    const store = new SqliteStore(path.join(dir, 'db.sqlite'));
    try {
      const s = await ingest(store, [dir], { workers: 0 });
      expect(s).toMatchObject({ pagesStored: 2, pagesWithoutArticle: 1, errorCount: 0 });
      expect(s.withoutArticle.map((p) => path.basename(p.source))).toEqual(['section.html']);
      expect(summaryText(s)).toMatch(/pages stored without article text \(judged index or list pages\): 1\n  note: .*section\.html: no article: a list of linked teasers/);
      const notes = store.errors(s.runId);
      expect(notes.map((e) => [path.basename(e.source), e.reason])).toEqual([['section.html', 'stored without article text: no article: a list of linked teasers (index page)']]);
      expect(store.facts({ type: 'loan_amount' }).map((f) => f.value)).toContain(320000000);
    } finally {
      store.close();
    }
  });
});
