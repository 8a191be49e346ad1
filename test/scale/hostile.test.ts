/**
 * A directory mixing good pages with every kind of hostile input the issue lists. The run goes through all of it:
 * each bad input is exactly one row in the errors table with a reason a person understands, the good pages (and the
 * damaged-but-readable ones) are stored with their facts. Runs the worker threads, so it needs the build (npm test).
 */
import { copyFileSync, mkdirSync, openSync, writeFileSync, writeSync, closeSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { ingest, type IngestSummary } from '../../src/ingest.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import type { ErrorRow } from '../../src/store/types.js';
import { articleHtml, root, seedText, tempDir, VI_ARTICLE, writeWarc, ZH_ARTICLE } from './helpers.js';

let dir: string;
let store: SqliteStore;
let s: IngestSummary;
let errors: ErrorRow[];
const errorFor = (file: string) => errors.filter((e) => e.source.endsWith(file));

beforeAll(async () => {
  dir = tempDir('nf-hostile-');
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

  store = new SqliteStore(path.join(dir, 'db.sqlite'));
  s = await ingest(store, [pages], { workers: 2 });
  errors = store.errors(s.runId);
}, 240_000);
afterAll(() => store?.close());

test('every hostile input is one error row with a plain reason; the run finished', () => {
  expect(store.runs().at(-1)).toMatchObject({ status: 'done' });
  expect(errorFor('empty.html')).toHaveLength(1);
  expect(errorFor('empty.html')[0].reason).toMatch(/empty file/);
  expect(errorFor('binary.html')).toHaveLength(1);
  expect(errorFor('binary.html')[0].reason).toMatch(/binary content \(PNG image\)/);
  expect(errorFor('truncated.html.gz')).toHaveLength(1);
  expect(errorFor('truncated.html.gz')[0].reason).toMatch(/truncated gzip/);
  expect(errorFor('invalid-utf8.html')).toHaveLength(1);
  expect(errorFor('invalid-utf8.html')[0].reason).toMatch(/invalid byte sequence.*page stored/);
  expect(errorFor('wrong-charset.html')).toHaveLength(1);
  expect(errorFor('wrong-charset.html')[0].reason).toMatch(/declares charset utf-8 but the bytes are not utf-8; read as gb18030/);
  expect(errorFor('huge.html')).toHaveLength(1);
  expect(errorFor('huge.html')[0].reason).toMatch(/page is 50\.\d MB, over the 16\.0 MB limit/);
  expect(errorFor('deep.html')).toHaveLength(1);
  expect(errorFor('deep.html')[0].reason).toMatch(/nests elements more than 1000 deep/);
  const warc = errors.filter((e) => e.reason.includes('crawl.warc'));
  expect(warc).toHaveLength(1);
  expect(warc[0].reason).toMatch(/record 3 .*corrupt record/);
  expect(warc[0].record).toMatch(/^<urn:uuid:/);
  expect(errors).toHaveLength(9 - 1); // eight hostile inputs, one row each
  expect(s.errorCount).toBe(8);
  expect(s.pagesWithWarnings).toBe(2);
  expect(s.pagesFailed).toBe(6);
});

test('the good pages, and the readable damaged ones, are stored with their facts', () => {
  const loans = store.facts({ type: 'loan_amount' }).map((f) => `${path.basename(f.doc)} ${f.value} ${f.unit}`);
  expect(loans).toEqual(
    expect.arrayContaining([
      'seed000.txt 2900000 CNY',
      'zh.html 2900000 CNY',
      'vi.htm 250000000 VND',
      'invalid-utf8.html 3100000 CNY',
      'wrong-charset.html 3500000 CNY',
      'good1 4200000 CNY',
      'good2 270000000 VND',
    ]),
  );
  expect(s.pagesStored).toBe(7);
  const trainees = store.facts({ type: 'trainee_count' }).filter((f) => f.doc.endsWith('zh.html'));
  expect(trainees.map((f) => [f.value, f.unit])).toEqual([[6039, 'person_time']]);
});
