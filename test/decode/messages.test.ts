import iconv from 'iconv-lite';
import { decodePage } from '../../src/decode/decode.js';
import { processPage } from '../../src/pipeline.js';
import { noteRows } from '../../src/store/rows.js';
import type { PageMessage } from '../../src/types.js';
import { loadRuleSet } from '../../src/extract/rules.js';

const article = (charset: string) =>
  `<html><head><meta charset="${charset}"><title>长兴县</title></head><body><article><p>今年以来，长兴县发放创业担保贷款290万元，帮助农户发展家庭工业。</p></article></body></html>`;

describe('one list of messages per page', () => {
  test('decode reports a charset claim its bytes contradict, itself', () => {
    const messages: PageMessage[] = [];
    const page = decodePage({ source: 'gbk.html', bytes: iconv.encode(article('utf-8'), 'gbk'), format: 'html' }, messages);
    expect(page.encoding).toBe('gb18030');
    expect(messages).toEqual([
      { stage: 'decode', severity: 'warning', kind: 'charset-mismatch', reason: 'the page declares charset utf-8 but the bytes are not utf-8; read as gb18030' },
    ]);
    const headerMessages: PageMessage[] = [];
    const header = decodePage({ source: 'x', bytes: Buffer.from(article('utf-8')), format: 'html', contentType: 'text/html; charset=big5' }, headerMessages);
    // Valid UTF-8 outranks a header's legacy charset; the header's claim is reported, by its source.
    expect(header.encoding).toBe('utf-8');
    expect(headerMessages.map((m) => m.reason)).toEqual(['the HTTP header declares charset big5 but the bytes are not big5; read as utf-8']);
  });

  test('the processed page has one list every stage appends to; the store derives its warning row from it', () => {
    const html = Buffer.from(article('utf-8').replace(/<p>.*<\/p>/, (p) => p.repeat(6)));
    const cut = html.indexOf(Buffer.from('帮助'));
    const bytes = Buffer.concat([html.subarray(0, cut), Buffer.from([0xff]), html.subarray(cut)]);
    const page = processPage({ source: 'bad.html', bytes, format: 'html' }, loadRuleSet());
    expect(page.messages.filter((m) => m.stage === 'decode').map((m) => m.severity)).toContain('warning');
    expect(noteRows(page.messages).map((r) => r.reason)).toEqual(['damaged text: 1 invalid byte sequence in utf-8 replaced with U+FFFD (page stored)']);
    const clean = processPage({ source: 'ok.txt', bytes: Buffer.from('今年以来，长兴县发放创业担保贷款290万元。'), format: 'text' }, loadRuleSet());
    expect(noteRows(clean.messages)).toEqual([]);
    // A list page: no warning, but a row saying it was stored without article text.
    const list = processPage({ source: 'menu.txt', bytes: Buffer.from('网站首页 | 新闻 | 图片 | 视频\n关于我们 | 联系我们 | 网站地图'), format: 'text' }, loadRuleSet());
    expect(list.messages.map((m) => [m.stage, m.kind])).toEqual([['clean', 'no-text']]);
    expect(noteRows(list.messages).map((r) => r.reason)).toEqual([expect.stringMatching(/^stored without article text: no article/)]);
  });
});
