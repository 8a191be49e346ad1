/**
 * fetch → ingest: the archive `newsfacts fetch` writes is read back by ingest's WARC reader, which takes each page's
 * URL and fetch time from its WARC record and its Content-Type (charset) from the HTTP header; the pipeline then
 * decodes, cleans and extracts.
 *
 * Both pieces are written in parallel with fetch, so each suite runs as soon as its piece is there (until then it
 * is skipped; the archive itself is always checked with warcio's own parser in fetch.test.ts):
 *  - the reader (src/sources/warc.ts, `readWarc`) → pages → `processPage`;
 *  - `ingest()` of the archive into a store, once src/ingest.ts reads its inputs through src/sources (`readPages`).
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WARCParser } from 'warcio';
import { createReadStream } from 'node:fs';
import { fetchToWarc } from '../../src/fetch/fetch-to-warc.js';
import { ingest } from '../../src/ingest.js';
import { processPage } from '../../src/pipeline.js';
import { loadRuleSet } from '../../src/extract/rules.js';
import type { RawPage } from '../../src/types.js';
import { openStore } from '../../src/store/open.js';
import { startSite, type TestSite } from './server.js';

const HAS_WARC_READER = existsSync(path.resolve('src/sources/warc.ts'));
const INGEST_READS_SOURCES = HAS_WARC_READER && readFileSync(path.resolve('src/ingest.ts'), 'utf8').includes('readPages');

(HAS_WARC_READER ? describe : describe.skip)('fetch → ingest round trip', () => {
  let site: TestSite;
  let dir: string;
  let warc: string;
  const pages = ['/news/utf8.html', '/news/gbk.html', '/news/big5-wrong.html', '/news/big5-none.html', '/news/gzip.html'];
  const dates = new Map<string, string>();

  beforeAll(async () => {
    site = await startSite();
    dir = mkdtempSync(path.join(os.tmpdir(), 'nf-roundtrip-'));
    warc = path.join(dir, 'pages.warc.gz');
    const s = await fetchToWarc(
      pages.map((p) => site.base + p),
      warc,
      {
        userAgent: 'newsfacts-test/1.0',
        politeness: { concurrency: 2, perHost: 1, intervalMs: 20 },
        retry: { retries: 0, backoffMs: 10, maxBackoffMs: 10, maxRetryAfterMs: 10 },
        timeoutMs: 2000,
      },
    );
    expect(s.fetched).toBe(pages.length);
    for await (const r of new WARCParser(createReadStream(warc))) {
      if (r.warcType === 'response') dates.set(r.warcTargetURI!, r.warcDate!);
    }
  });

  afterAll(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test("ingest's WARC reader gives each page its URL, fetch time and HTTP Content-Type; the pipeline reads it", async () => {
    const spec = '../../src/sources/warc.js'; // not a literal: the module may not exist yet when this file compiles
    const { readWarc } = (await import(spec)) as { readWarc: (f: string) => AsyncIterable<{ kind: string; page?: RawPage }> };
    const ruleSet = loadRuleSet();
    const seen = new Map<string, { page: RawPage; encoding: string; facts: string[] }>();
    for await (const item of readWarc(warc)) {
      if (item.kind !== 'page') continue;
      const done = processPage(item.page!, ruleSet);
      seen.set(item.page!.url!, { page: item.page!, encoding: done.decoded.encoding, facts: done.facts.map((f) => `${f.type} ${f.value} ${f.unit}`) });
    }
    expect([...seen.keys()].sort()).toEqual(pages.map((p) => site.base + p).sort());
    for (const [url, { page }] of seen) expect(Date.parse(page.fetchedAt!)).toBe(Date.parse(dates.get(url)!));
    const at = (p: string) => seen.get(site.base + p)!;
    expect(at('/news/utf8.html').page.contentType).toBe('text/html; charset=utf-8');
    expect(at('/news/utf8.html').encoding).toBe('utf-8');
    expect(at('/news/gbk.html').encoding).toBe('gb18030'); // from <meta>
    expect(at('/news/big5-wrong.html').encoding).toBe('big5'); // the header's utf-8 is wrong
    expect(at('/news/big5-none.html').encoding).toBe('big5');
    for (const p of ['/news/utf8.html', '/news/gbk.html', '/news/big5-wrong.html', '/news/big5-none.html']) {
      expect(at(p).facts).toEqual(expect.arrayContaining(['loan_amount 32000000 CNY', 'headcount 1200 person']));
    }
    expect(at('/news/gzip.html').facts).toContain('loan_amount 12000000 USD'); // gzip undone by the reader
  });

  (INGEST_READS_SOURCES ? test : test.skip)('ingest stores every page with its URL, fetch time, charset, text and facts', async () => {
    const store = openStore(path.join(dir, 'db.sqlite'));
    try {
      const summary = await ingest(store, [warc]);
      expect(summary.pagesFailed).toBe(0);
      expect(summary.pagesStored).toBe(pages.length - 1); // the two Big5 pages are the same bytes
      const docs = store.query('SELECT url, fetched_at, encoding, original_text AS original FROM documents ORDER BY url') as Array<{
        url: string;
        fetched_at: string;
        encoding: string;
        original: string;
      }>;
      const doc = (p: string) => docs.find((d) => d.url === site.base + p);
      expect(doc('/news/utf8.html')!.encoding).toBe('utf-8');
      for (const p of pages) {
        const d = doc(p);
        if (d) expect(Date.parse(d.fetched_at)).toBe(Date.parse(dates.get(site.base + p)!));
      }
      expect(doc('/news/gbk.html')).toMatchObject({ encoding: 'gb18030' });
      expect(doc('/news/gbk.html')!.original).toContain('发放创业担保贷款3200万元');
      const big5 = doc('/news/big5-wrong.html') ?? doc('/news/big5-none.html');
      expect(big5!.encoding).toBe('big5');
      expect(big5!.original).toContain('擔保貸款3200萬元');
      expect(doc('/news/gzip.html')!.original).toContain('has lent $12 million to 300 small firms');
      const loans = store.facts({ type: 'loan_amount' }).filter((f) => f.unit === 'CNY');
      expect(loans.map((f) => f.value)).toContain(32_000_000);
      const usd = store.facts({ type: 'loan_amount' }).filter((f) => f.unit === 'USD');
      expect(usd.map((f) => f.value)).toEqual([12_000_000]);
    } finally {
      store.close();
    }
  });
});
