/**
 * fetch → ingest: the archive `newsfacts fetch` writes is read back by `newsfacts ingest`, which takes each page's
 * URL and fetch time from its WARC record and its charset from the HTTP header (or the page, when the header is
 * missing or wrong).
 *
 * The WARC reader for ingest (src/sources/warc.ts) is being written in parallel; until it exists this suite is
 * skipped (the archive itself is checked with warcio's own parser in fetch.test.ts). It runs by itself once the file
 * is there.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WARCParser } from 'warcio';
import { createReadStream } from 'node:fs';
import { fetchToWarc } from '../../src/fetch/index.js';
import { ingest } from '../../src/ingest.js';
import { openStore } from '../../src/store/index.js';
import { startSite, type TestSite } from './server.js';

const HAS_WARC_READER = existsSync(path.resolve('src/sources/warc.ts'));
const suite = HAS_WARC_READER ? describe : describe.skip;

suite('fetch → ingest round trip', () => {
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

  test('every page is stored with its URL, fetch time, charset, text and facts', async () => {
    const store = openStore(path.join(dir, 'db.sqlite'));
    try {
      const summary = await ingest(store, [warc]);
      expect(summary.pagesFailed).toBe(0);
      expect(summary.pagesStored).toBe(pages.length - 1); // the two Big5 pages are the same bytes
      const docs = store.query('SELECT url, fetched_at, encoding, original FROM documents ORDER BY url') as Array<{
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
