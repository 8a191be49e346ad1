/** Shared by the scale tests: real-format inputs written to a temp folder, and a content-level view of a database. */
import { closeSync, copyFileSync, mkdirSync, mkdtempSync, openSync, readFileSync, readdirSync, writeFileSync, writeSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import os from 'node:os';
import path from 'node:path';
import { WARCRecord, WARCSerializer } from 'warcio';
import type { Store } from '../../src/store/types.js';

export const root = process.cwd();

export function tempDir(prefix = 'nf-scale-'): string {
  return mkdtempSync(path.join(os.tmpdir(), prefix));
}

/** A news page as HTML around a body text, the way portals wrap their articles. */
export function articleHtml(title: string, body: string, charset = 'utf-8'): string {
  const paras = body
    .split(/\n+/)
    .map((l) => l.trim())
    .filter(Boolean)
    .map((l) => `<p>${l}</p>`)
    .join('\n');
  return `<!DOCTYPE html><html><head><meta charset="${charset}"><title>${title}</title></head><body>
<div class="nav"><a href="/">首页</a> | <a href="/news">新闻</a></div>
<div class="article"><h1>${title}</h1>
${paras}
</div>
<div class="footer">版权所有 电话：0573-88118696</div>
</body></html>`;
}

/** Chinese article text with known facts (written for these tests). */
export const ZH_ARTICLE = [
  '今年以来，长兴县人力社保局积极推进创业带动就业工作。',
  '全县共发放小额担保贷款额度290万元，扶持创业人员120人。',
  '县就业培训中心全年培训企业职工6039人次，新增就业岗位3000余个。',
  '下一步，该局将继续加大创业扶持力度。',
].join('\n');

export const VI_ARTICLE = [
  'Năm 2024, Ngân hàng Chính sách xã hội Hải Phòng đã giải ngân cho vay 250 triệu đồng cho các hộ nghèo.',
  'Trung tâm dạy nghề đã đào tạo 1.500 lao động nông thôn trong năm.',
].join('\n');

/** A WARC (optionally gzipped per record) of response records, through warcio's own serializer. */
export async function writeWarc(
  records: Array<{ url: string; date?: string; contentType?: string; body: Buffer | string; status?: number; type?: string }>,
  gzip = false,
): Promise<Buffer> {
  const parts: Buffer[] = [];
  const info = await WARCRecord.createWARCInfo({ filename: 'test.warc', warcVersion: 'WARC/1.1' }, { software: 'newsfacts tests' });
  parts.push(Buffer.from(await WARCSerializer.serialize(info, { gzip })));
  for (const r of records) {
    const bytes = typeof r.body === 'string' ? Buffer.from(r.body, 'utf8') : r.body;
    const record = await WARCRecord.create(
      {
        url: r.url,
        date: r.date ?? '2024-05-01T08:00:00Z',
        type: (r.type ?? 'response') as any,
        warcVersion: 'WARC/1.1',
        httpHeaders: r.type === 'request' ? { Host: new URL(r.url).host, Accept: 'text/html' } : { 'Content-Type': r.contentType ?? 'text/html; charset=utf-8' },
        statusline: r.type === 'request' ? `GET ${new URL(r.url).pathname} HTTP/1.1` : `HTTP/1.1 ${r.status ?? 200} ${r.status && r.status !== 200 ? 'Moved' : 'OK'}`,
      },
      (async function* () {
        yield new Uint8Array(bytes);
      })(),
    );
    parts.push(Buffer.from(await WARCSerializer.serialize(record, { gzip })));
  }
  return Buffer.concat(parts);
}

/**
 * The database by content, as the kill test compares it: documents by content hash with their texts and metadata,
 * facts by document hash and figure — row ids, timestamps and run ids aside.
 */
export function contentView(store: Store): { documents: string[]; facts: string[] } {
  const documents = store
    .query(
      `SELECT content_hash, source, url, format, encoding, lang, title, published, original_text, clean_text,
              normalized_text, hex(clean_map) cm, hex(norm_map) nm, flags, pipeline_version FROM documents ORDER BY content_hash`,
    )
    .map((r) => JSON.stringify(r));
  const facts = store
    .query(
      `SELECT d.content_hash, f.type, f.value, f.value_max, f.unit, f.qualifier, f.rule_id, f.rule_version, f.start, f."end",
              f.evidence, f.evidence_start, f.evidence_end, f.sentence, f.period, f.place
       FROM facts f JOIN documents d ON d.id = f.document_id ORDER BY d.content_hash, f.start, f.type, f.rule_id`,
    )
    .map((r) => JSON.stringify(r));
  return { documents, facts };
}

export function seedText(prefix: string): { name: string; text: string } {
  const dir = path.join(root, 'corpus');
  const name = readdirSync(dir).find((f) => f.startsWith(prefix))!;
  return { name, text: readFileSync(path.join(dir, name), 'utf8') };
}

/**
 * A directory mixing good pages with every kind of hostile input (issue 9): empty, binary, truncated gzip, invalid
 * UTF-8, a wrong charset claim, 50 MB, 10,000-deep nesting, a WARC with a corrupt record. Returns the directory.
 */
export async function writeHostileInputs(dir: string): Promise<string> {
  const pages = path.join(dir, 'pages');
  mkdirSync(path.join(pages, 'sub'), { recursive: true });
  // Good pages: a seed text dump, a Chinese and a Vietnamese HTML article.
  copyFileSync(path.join(root, 'corpus', seedText('000').name), path.join(pages, 'seed000.txt'));
  writeFileSync(path.join(pages, 'zh.html'), articleHtml('长兴县创业带动就业', ZH_ARTICLE));
  writeFileSync(path.join(pages, 'sub', 'vi.htm'), articleHtml('Hải Phòng giải ngân', VI_ARTICLE));

  // Hostile inputs.
  writeFileSync(path.join(pages, 'empty.html'), '');
  writeFileSync(path.join(pages, 'binary.html'), Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(4096, 7)]));
  const gz = gzipSync(Buffer.from(articleHtml('截断', ZH_ARTICLE)));
  writeFileSync(path.join(pages, 'truncated.html.gz'), gz.subarray(0, Math.floor(gz.length / 2)));
  // Declared UTF-8, with a few invalid bytes in the middle of the article (a damaged crawl).
  const utf8 = Buffer.from(articleHtml('长兴县就业', ZH_ARTICLE.replace('290万元', '310万元') + '\n' + ZH_ARTICLE.replace(/\d+/g, '')));
  const cut = utf8.indexOf(Buffer.from('下一步'));
  writeFileSync(path.join(pages, 'invalid-utf8.html'), Buffer.concat([utf8.subarray(0, cut), Buffer.from([0xc3, 0x28, 0xff]), utf8.subarray(cut)]));
  // Declares UTF-8, is GBK.
  writeFileSync(path.join(pages, 'wrong-charset.html'), iconv.encode(articleHtml('长兴县', ZH_ARTICLE.replace('290万元', '350万元'), 'utf-8'), 'gbk'));
  // 50 MB of HTML: refused by its size, never read into memory.
  const fd = openSync(path.join(pages, 'huge.html'), 'w');
  const block = Buffer.from(`<p>${ZH_ARTICLE}</p>\n`.repeat(200));
  for (let n = 0; n < 50 * 1024 * 1024; n += block.length) writeSync(fd, block);
  closeSync(fd);
  writeFileSync(path.join(pages, 'deep.html'), `<html><body>${'<div>'.repeat(10000)}<p>${ZH_ARTICLE}</p>${'</div>'.repeat(10000)}</body></html>`);
  // A WARC whose second record is corrupt: the first and third are pages.
  const warc = (await writeWarc([
    { url: 'https://x.example/good1', body: articleHtml('长兴县', ZH_ARTICLE.replace('290万元', '420万元')) },
    { url: 'https://x.example/bad', body: articleHtml('坏', ZH_ARTICLE) },
    { url: 'https://x.example/good2', body: articleHtml('Hải Phòng', VI_ARTICLE.replace('250 triệu', '270 triệu')) },
  ])).toString('latin1');
  const second = warc.indexOf('WARC/1.1', warc.indexOf('https://x.example/bad') - 400);
  writeFileSync(path.join(pages, 'crawl.warc'), Buffer.from(warc.slice(0, second) + 'XXXX/9' + warc.slice(second + 6).replace('WARC-Type: response', 'WARC-Tpye: respnse'), 'latin1'));

  return pages;
}
