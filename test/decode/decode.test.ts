import iconv from 'iconv-lite';
import { decodePage, decideEncoding } from '../../src/decode/decode.js';
import type { PageMessage, RawPage } from '../../src/types.js';

const raw = (bytes: Buffer, format: 'html' | 'text' = 'html', contentType?: string): RawPage => ({
  source: 'test', bytes, format, ...(contentType ? { contentType } : {}),
});

const ZH_HANS = '长兴县创新举措，加快发展现代家庭工业，至上月底，全县新发展家庭工业2444户，贷款额度290万元。';
const ZH_HANT = '蘇報訊（通訊員 傅萱 記者 顧志敏）近日，我市召開全市創新創業先進典型表彰交流會，共計發放貸款2億元。';
const page = (charset: string, body: string) =>
  `<html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>测试</title></head><body><p>${body}</p></body></html>`;

describe('decodePage', () => {
  test('GBK bytes declared gb2312 decode as GB18030', () => {
    const issues: PageMessage[] = [];
    const d = decodePage(raw(iconv.encode(page('gb2312', ZH_HANS), 'gbk')), issues);
    expect(d.encoding).toBe('gb18030');
    expect(d.content).toContain(ZH_HANS);
    expect(issues).toEqual([]);
  });

  test('GBK-only characters in a page labelled gb2312 survive (GB18030 is the superset)', () => {
    const text = '镕基与喆字都不在GB2312里，但在GBK里。';
    const d = decodePage(raw(iconv.encode(page('gb2312', text), 'gbk')));
    expect(d.content).toContain(text);
  });

  test('Big5 bytes with a big5 declaration', () => {
    const d = decodePage(raw(iconv.encode(page('big5', ZH_HANT), 'big5')));
    expect(d.encoding).toBe('big5');
    expect(d.content).toContain(ZH_HANT);
  });

  test('undeclared GBK and Big5 text files are detected', () => {
    const gbk = decodePage(raw(iconv.encode(ZH_HANS.repeat(3), 'gbk'), 'text'));
    expect(gbk.encoding).toBe('gb18030');
    expect(gbk.content).toBe(ZH_HANS.repeat(3));
    const big5 = decodePage(raw(iconv.encode(ZH_HANT.repeat(3), 'big5'), 'text'));
    expect(big5.encoding).toBe('big5');
    expect(big5.content).toBe(ZH_HANT.repeat(3));
  });

  test('a UTF-8 page claiming gb2312 is UTF-8', () => {
    const d = decodePage(raw(Buffer.from(page('gb2312', ZH_HANS), 'utf8')));
    expect(d.encoding).toBe('utf-8');
    expect(d.content).toContain(ZH_HANS);
    expect(decideEncoding(raw(Buffer.from(page('gb2312', ZH_HANS), 'utf8'))).evidence).toBe('utf8-valid');
  });

  test('the HTTP header charset is trusted when it decodes cleanly', () => {
    const bytes = iconv.encode(`<html><body><p>${ZH_HANT}</p></body></html>`, 'big5');
    const d = decideEncoding(raw(bytes, 'html', 'text/html; charset=Big5'));
    expect(d.encoding).toBe('big5');
    expect(d.evidence).toBe('header');
  });

  test('invalid sequences become U+FFFD and are recorded', () => {
    const good = iconv.encode(page('gbk', ZH_HANS.repeat(4)), 'gbk');
    const at = good.indexOf(iconv.encode('创新', 'gbk'));
    const broken = Buffer.concat([good.subarray(0, at), Buffer.from([0x81, 0x20]), good.subarray(at)]);
    const issues: PageMessage[] = [];
    const d = decodePage(raw(broken), issues);
    expect(d.encoding).toBe('gb18030');
    expect(d.content).toContain('\uFFFD');
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ stage: 'decode', severity: 'warning', kind: 'replaced-bytes' });
    expect(issues[0].reason).toMatch(/1 invalid byte sequence in gb18030/);
    expect(d.content).toContain('长兴县创新举措');
  });

  test('a UTF-8 BOM is used and removed', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(page('gb2312', ZH_HANS), 'utf8')]);
    const d = decodePage(raw(bytes));
    expect(d.encoding).toBe('utf-8');
    expect(d.content.startsWith('<html>')).toBe(true);
    expect(decideEncoding(raw(bytes)).evidence).toBe('bom');
  });

  test('a UTF-16LE BOM', () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(ZH_HANS, 'utf16le')]);
    const d = decodePage(raw(bytes, 'text'));
    expect(d.encoding).toBe('utf-16le');
    expect(d.content).toBe(ZH_HANS);
  });

  test('Vietnamese UTF-8 text', () => {
    const vi = 'Dự án hỗ trợ nâng cao năng lực sản xuất, với kinh phí hỗ trợ 50 triệu đồng.';
    const d = decodePage(raw(Buffer.from(vi, 'utf8'), 'text'));
    expect(d.encoding).toBe('utf-8');
    expect(d.content).toBe(vi);
  });

  test('binary content is refused with a reason', () => {
    expect(() => decodePage(raw(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13])))).toThrow(/binary content \(PNG/);
    expect(() => decodePage(raw(Buffer.from('abc\u0000def\u0000', 'latin1'), 'text'))).toThrow(/binary content \(NUL byte at offset 3\)/);
    expect(() => decodePage(raw(Buffer.from('%PDF-1.4\n...', 'latin1')))).toThrow(/PDF/);
  });

  test('gzip-compressed pages are inflated', async () => {
    const { gzipSync } = await import('node:zlib');
    const d = decodePage(raw(gzipSync(Buffer.from(page('utf-8', ZH_HANS), 'utf8'))));
    expect(d.content).toContain(ZH_HANS);
  });
});
