/**
 * WARC, WARC.gz and JSONL(.gz) inputs, written here in their real formats (WARC through warcio's serializer): each
 * page keeps its URL and fetch date, the HTTP charset is honoured, non-page records are passed over, and a corrupt
 * WARC record or a bad JSONL line is one error that does not stop the file.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import iconv from 'iconv-lite';
import { ingest } from '../../src/ingest.js';
import { readPages } from '../../src/sources/read-pages.js';
import { SqliteStore } from '../../src/store/sqlite/store.js';
import { articleHtml, tempDir, VI_ARTICLE, writeWarc, ZH_ARTICLE } from './helpers.js';

const zhHtml = articleHtml('长兴县创业带动就业', ZH_ARTICLE);
const viHtml = articleHtml('Hải Phòng giải ngân vốn vay', VI_ARTICLE);

async function collect(inputs: string[]) {
  const out = [];
  for await (const item of readPages(inputs)) out.push(item);
  return out;
}

describe.each([false, true])('WARC (gzip %s)', (gzip) => {
  let file: string;
  beforeAll(async () => {
    const dir = tempDir();
    file = path.join(dir, gzip ? 'crawl.warc.gz' : 'crawl.warc');
    const warc = await writeWarc(
      [
        { url: 'https://news.example.cn/a.html', date: '2024-05-01T08:00:00Z', body: zhHtml },
        { url: 'https://news.example.cn/a.html', type: 'request', body: '' },
        // GBK bytes, declared in the HTTP header only: the header's charset must be honoured.
        {
          url: 'https://news.example.cn/gbk.html',
          date: '2024-05-02T09:30:00Z',
          contentType: 'text/html; charset=gbk',
          body: iconv.encode(articleHtml('长兴县', ZH_ARTICLE.replace('290万元', '350万元'), '').replace('<meta charset="">', ''), 'gbk'),
        },
        { url: 'https://news.example.cn/logo.png', contentType: 'image/png', body: Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]) },
        { url: 'https://news.example.cn/old', status: 301, body: 'moved' },
        { url: 'https://tin.example.vn/b.html', date: '2024-05-03T10:00:00Z', body: viHtml },
      ],
      gzip,
    );
    writeFileSync(file, warc);
  });

  test('response records become pages with URL, date and HTTP content type; the rest is passed over', async () => {
    const items = await collect([file]);
    const pages = items.filter((i) => i.kind === 'page').map((i: any) => i.page);
    expect(pages.map((p) => p.source)).toEqual([
      'https://news.example.cn/a.html',
      'https://news.example.cn/gbk.html',
      'https://tin.example.vn/b.html',
    ]);
    expect(pages[0].url).toBe('https://news.example.cn/a.html');
    expect(Date.parse(pages[1].fetchedAt)).toBe(Date.parse('2024-05-02T09:30:00Z'));
    expect(pages[1].contentType).toBe('text/html; charset=gbk');
    expect(items.filter((i) => i.kind === 'skipped').map((i: any) => i.reason)).toEqual(['not a page (image/png)', 'HTTP status 301']);
    expect(items.filter((i) => i.kind === 'error')).toEqual([]);
  });

  test('ingested: facts from every page, charset from the header', async () => {
    const store = new SqliteStore(path.join(tempDir(), 'db.sqlite'));
    try {
      const s = await ingest(store, [file], { workers: 0 });
      expect(s).toMatchObject({ pagesRead: 3, pagesStored: 3, pagesFailed: 0, recordsSkipped: 2 });
      const gbk = store.document('https://news.example.cn/gbk.html')!;
      expect(gbk.encoding).toBe('gb18030');
      expect(gbk.original).toContain('小额担保贷款额度350万元');
      const loans = store.facts({ type: 'loan_amount' });
      expect(loans.map((f) => [f.doc, f.value, f.unit]).sort()).toEqual(
        [
          ['https://news.example.cn/a.html', 2900000, 'CNY'],
          ['https://news.example.cn/gbk.html', 3500000, 'CNY'],
          ['https://tin.example.vn/b.html', 250000000, 'VND'],
        ].sort(),
      );
      const f = loans.find((x) => x.doc.endsWith('gbk.html'))!;
      expect(gbk.original.slice(f.start, f.end)).toBe('350万元');
      expect(store.query(`SELECT fetched_at FROM documents WHERE url = 'https://tin.example.vn/b.html'`)[0].fetched_at).toMatch(/^2024-05-03T10:00:00/);
    } finally {
      store.close();
    }
  });
});

test('a corrupt WARC record is one error naming it; the records around it are read', async () => {
  const dir = tempDir();
  const good1 = await writeWarc([{ url: 'https://x.example/1', body: zhHtml }]);
  const bad = (await writeWarc([{ url: 'https://x.example/2', body: viHtml }])).toString('latin1');
  // Damage the second record's header block: its version line and type are garbage, its length still right.
  const at = bad.lastIndexOf('WARC/1.1');
  const corrupt = Buffer.from(bad.slice(0, at) + 'W#RC/?.1' + bad.slice(at + 8).replace('WARC-Type: response', 'WARC-Tpye: respnse'), 'latin1');
  const good3 = (await writeWarc([{ url: 'https://x.example/3', body: viHtml.replace('250 triệu', '300 triệu') }])).toString('latin1');
  const third = Buffer.from(good3.slice(good3.lastIndexOf('WARC/1.1')), 'latin1');
  const file = path.join(dir, 'damaged.warc');
  writeFileSync(file, Buffer.concat([good1, corrupt.subarray(corrupt.indexOf('W#RC/?.1') - 0), third]));
  const items = await collect([file]);
  expect(items.filter((i) => i.kind === 'page').map((i: any) => i.page.source)).toEqual(['https://x.example/1', 'https://x.example/3']);
  const errors = items.filter((i) => i.kind === 'error') as any[];
  expect(errors).toHaveLength(1);
  expect(errors[0].reason).toMatch(/corrupt record/);
  expect(errors[0].reason).toContain('damaged.warc');
});

test('a truncated WARC.gz ends in one error saying where; the records before it are kept', async () => {
  const dir = tempDir();
  const warc = await writeWarc(
    [
      { url: 'https://x.example/1', body: zhHtml },
      { url: 'https://x.example/2', body: viHtml },
    ],
    true,
  );
  const file = path.join(dir, 'cut.warc.gz');
  writeFileSync(file, warc.subarray(0, warc.length - 200));
  const items = await collect([file]);
  expect(items.filter((i) => i.kind === 'page').map((i: any) => i.page.source)).toContain('https://x.example/1');
  const errors = items.filter((i) => i.kind === 'error') as any[];
  expect(errors.length).toBeGreaterThanOrEqual(1);
  expect(errors[errors.length - 1].reason).toMatch(/cannot be read past|cannot read the payload/);
});

test.each([false, true])('JSONL (gzip %s): url + html or text per line; bad lines are errors naming the line', async (gzip) => {
  const dir = tempDir();
  const lines = [
    JSON.stringify({ url: 'https://news.example.cn/j1', html: zhHtml, fetched_at: '2024-06-01T00:00:00Z' }),
    '{"url": "https://news.example.cn/broken", "html": "<p>unterminated',
    JSON.stringify({ url: 'https://tin.example.vn/j2', text: VI_ARTICLE }),
    '',
    JSON.stringify({ title: 'no body' }),
    JSON.stringify({ html: zhHtml.replace('290万元', '410万元') }),
  ];
  const body = Buffer.from(lines.join('\n') + '\n');
  const file = path.join(dir, gzip ? 'export.jsonl.gz' : 'export.jsonl');
  writeFileSync(file, gzip ? gzipSync(body) : body);
  const store = new SqliteStore(path.join(dir, 'db.sqlite'));
  try {
    const s = await ingest(store, [file], { workers: 0 });
    expect(s).toMatchObject({ pagesStored: 3, pagesFailed: 2 });
    const errors = store.errors(s.runId);
    expect(errors.map((e) => e.record)).toEqual(['line 2', 'line 5']);
    expect(errors[0].reason).toMatch(/line 2 is not valid JSON/);
    expect(errors[1].reason).toMatch(/neither an "html" nor a "text"/);
    const docs = store.documents().map((d) => d.source).sort();
    expect(docs).toEqual(['https://news.example.cn/j1', 'https://tin.example.vn/j2', `${file}:6`].sort());
    const values = store.facts({ type: 'loan_amount' }).map((f) => [f.doc, f.value]);
    expect(values).toContainEqual(['https://news.example.cn/j1', 2900000]);
    expect(values).toContainEqual([`${file}:6`, 4100000]);
  } finally {
    store.close();
  }
});
