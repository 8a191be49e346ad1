import iconv from 'iconv-lite';
import { decodePage } from '../../src/decode/decode.js';
import { processPage } from '../../src/pipeline.js';
import { pageWarning } from '../../src/page.js';
import { loadRuleSet } from '../../src/extract/rules.js';

const article = (charset: string) =>
  `<html><head><meta charset="${charset}"><title>长兴县</title></head><body><article><p>今年以来，长兴县发放创业担保贷款290万元，帮助农户发展家庭工业。</p></article></body></html>`;

describe('one list of messages per page', () => {
  test('decode reports a charset claim its bytes contradict, itself', () => {
    const page = decodePage({ source: 'gbk.html', bytes: iconv.encode(article('utf-8'), 'gbk'), format: 'html' });
    expect(page.encoding).toBe('gb18030');
    expect(page.messages).toEqual([
      { stage: 'decode', severity: 'warning', reason: 'the page declares charset utf-8 but the bytes are not utf-8; read as gb18030' },
    ]);
    const header = decodePage({ source: 'x', bytes: Buffer.from(article('utf-8')), format: 'html', contentType: 'text/html; charset=big5' });
    // Valid UTF-8 outranks a header's legacy charset; the header's claim is reported, by its source.
    expect(header.encoding).toBe('utf-8');
    expect(header.messages.map((m) => m.reason)).toEqual(['the HTTP header declares charset big5 but the bytes are not big5; read as utf-8']);
  });

  test('the processed page gathers every stage’s messages; warnings become the stored warning', () => {
    const html = Buffer.from(article('utf-8').replace(/<p>.*<\/p>/, (p) => p.repeat(6)));
    const cut = html.indexOf(Buffer.from('帮助'));
    const bytes = Buffer.concat([html.subarray(0, cut), Buffer.from([0xff]), html.subarray(cut)]);
    const page = processPage({ source: 'bad.html', bytes, format: 'html' }, loadRuleSet());
    expect(page.messages.filter((m) => m.stage === 'decode').map((m) => m.severity)).toContain('warning');
    expect(pageWarning(page.messages)).toMatch(/^damaged text: 1 invalid byte sequence in utf-8 replaced with U\+FFFD \(page stored\)$/);
    const clean = processPage({ source: 'ok.txt', bytes: Buffer.from('今年以来，长兴县发放创业担保贷款290万元。'), format: 'text' }, loadRuleSet());
    expect(pageWarning(clean.messages)).toBeNull();
  });
});
