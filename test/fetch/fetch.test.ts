import { appendFileSync, createReadStream, existsSync, mkdtempSync, rmSync, statSync, truncateSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { WARCParser } from 'warcio';
import { fetchToWarc, readUrlList, scanArchive, resultsCsv, type FetchOptions, type FetchSummary } from '../../src/fetch/fetch-to-warc.js';
import { startSite, type LoggedRequest, type TestSite } from './server.js';

const INTERVAL = 100;

/** Settings that keep the tests quick: short interval, short timeouts, small backoff. */
function quick(extra: Partial<FetchOptions> = {}): Partial<FetchOptions> {
  return {
    userAgent: 'newsfacts-test/1.0',
    politeness: { concurrency: 4, perHost: 1, intervalMs: INTERVAL },
    retry: { retries: 2, backoffMs: 20, maxBackoffMs: 200, maxRetryAfterMs: 5000 },
    connectTimeoutMs: 2000,
    timeoutMs: 400,
    maxBytes: 50_000,
    maxRedirects: 3,
    ...extra,
  };
}

interface Rec {
  type: string;
  uri: string | undefined;
  date: string | undefined;
  warc: Map<string, string>;
  statusline: string | null;
  http: Map<string, string>;
  /** Payload as stored (transfer and content coding kept). */
  raw: Buffer;
}

async function readWarc(file: string): Promise<Rec[]> {
  const out: Rec[] = [];
  for await (const record of new WARCParser(createReadStream(file))) {
    const warc = new Map<string, string>();
    for (const [k, v] of record.warcHeaders.headers) warc.set(k.toLowerCase(), v);
    const http = new Map<string, string>();
    if (record.httpHeaders) for (const [k, v] of record.httpHeaders.headers) http.set(k.toLowerCase(), v);
    const raw = Buffer.from(await record.readFully(false));
    out.push({
      type: record.warcType ?? '',
      uri: record.warcTargetURI ?? undefined,
      date: record.warcDate ?? undefined,
      warc,
      statusline: record.httpHeaders?.statusline ?? null,
      http,
      raw,
    });
  }
  return out;
}

/** Decoded content (de-chunked, decompressed) of the last response for a URI, as a WARC reader's content API gives it. */
async function contentOf(file: string, uri: string): Promise<string | null> {
  let text: string | null = null;
  for await (const record of new WARCParser(createReadStream(file))) {
    if (record.warcType === 'response' && record.warcTargetURI === uri) text = await record.contentText();
  }
  return text;
}

const responses = (recs: Rec[], uri: string) => recs.filter((r) => r.type === 'response' && r.uri === uri);

describe('newsfacts fetch against a local site', () => {
  let site: TestSite;
  let dir: string;
  let out: string;
  let summary: FetchSummary;
  let recs: Rec[];
  let log: LoggedRequest[];
  const served = new Map<string, Buffer>();
  const paths = [
    '/news/utf8.html',
    '/news/gbk.html',
    '/news/big5-wrong.html',
    '/news/big5-none.html',
    '/news/gzip.html',
    '/r/1',
    '/r/loop',
    '/flaky/503',
    '/flaky/500',
    '/flaky/429',
    '/missing.html',
    '/slow.html',
    '/big.html',
    '/private/secret.html',
  ];
  const u = (p: string) => site.base + p;

  beforeAll(async () => {
    site = await startSite();
    dir = mkdtempSync(path.join(os.tmpdir(), 'nf-fetch-'));
    out = path.join(dir, 'pages.warc.gz');
    const list = ['# test list', ...paths.map((p) => `${u(p)}\tsome title`), '', u('/news/utf8.html'), 'ftp://example.test/x'].join('\n');
    summary = await fetchToWarc(readUrlList(list), out, quick());
    recs = await readWarc(out);
    log = await site.log();
    for (const p of [...paths, '/news/gzip.html#gzip', '/r/final.html']) served.set(p, await site.served(p).catch(() => Buffer.alloc(0)));
  });

  afterAll(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const result = (p: string) => summary.results.find((r) => r.url === u(p))!;

  test('the archive opens with a warcinfo record and pairs every response with its request', () => {
    expect(recs[0]!.type).toBe('warcinfo');
    const infoId = recs[0]!.warc.get('warc-record-id');
    const resp = recs.filter((r) => r.type === 'response');
    const reqs = recs.filter((r) => r.type === 'request');
    expect(resp.length).toBeGreaterThan(10);
    expect(reqs.length).toBe(resp.length);
    for (const q of reqs) {
      const target = resp.find((r) => r.warc.get('warc-record-id') === q.warc.get('warc-concurrent-to'));
      expect(target?.uri).toBe(q.uri);
      expect(q.statusline).toMatch(/^GET \S+ HTTP\/1\.1$/);
      expect(q.http.get('user-agent')).toBe('newsfacts-test/1.0');
    }
    for (const r of resp) {
      expect(r.warc.get('warc-warcinfo-id')).toBe(infoId);
      expect(r.warc.get('warc-ip-address')).toBe('127.0.0.1');
      expect(r.warc.get('warc-payload-digest')).toMatch(/^sha256:/);
    }
    // robots.txt is read but not archived as a page
    expect(recs.some((r) => r.uri?.endsWith('/robots.txt'))).toBe(false);
  });

  test('bodies are stored byte for byte as served, in their own charset, with the HTTP header', () => {
    for (const p of ['/news/utf8.html', '/news/gbk.html', '/news/big5-wrong.html', '/news/big5-none.html']) {
      const [r] = responses(recs, u(p));
      expect(r!.raw.equals(served.get(p)!)).toBe(true);
      expect(r!.statusline).toBe('HTTP/1.1 200 OK');
    }
    expect(responses(recs, u('/news/utf8.html'))[0]!.http.get('content-type')).toBe('text/html; charset=utf-8');
    expect(responses(recs, u('/news/big5-wrong.html'))[0]!.http.get('content-type')).toBe('text/html; charset=utf-8');
    expect(responses(recs, u('/news/gbk.html'))[0]!.http.get('content-type')).toBe('text/html');
    // GBK bytes, not UTF-8: 创 is C4 E2 in GBK
    expect(responses(recs, u('/news/gbk.html'))[0]!.raw.includes(Buffer.from([0xb4, 0xb4, 0xd2, 0xb5]))).toBe(true);
    // the duplicate line in the list is fetched once
    expect(responses(recs, u('/news/utf8.html'))).toHaveLength(1);
  });

  test('a gzip-encoded, chunked response stays compressed; WARC readers de-chunk and decompress it', async () => {
    const [r] = responses(recs, u('/news/gzip.html'));
    expect(r!.http.get('content-encoding')).toBe('gzip');
    const gz = served.get('/news/gzip.html#gzip')!;
    expect(r!.raw.equals(Buffer.concat([Buffer.from(gz.length.toString(16) + '\r\n'), gz, Buffer.from('\r\n0\r\n\r\n')]))).toBe(true);
    expect(await contentOf(out, u('/news/gzip.html'))).toBe(served.get('/news/gzip.html')!.toString());
    expect(result('/news/gzip.html').bytes).toBe(gz.length);
  });

  test('redirects are followed, each hop archived, the chain recorded; a loop stops at the limit', () => {
    const r = result('/r/1');
    expect(r.status).toBe('fetched');
    expect(r.redirects).toEqual([u('/r/2'), u('/r/final.html')]);
    expect(r.finalUrl).toBe(u('/r/final.html'));
    expect(responses(recs, u('/r/1'))[0]!.statusline).toBe('HTTP/1.1 301 Moved Permanently');
    expect(responses(recs, u('/r/2'))[0]!.http.get('location')).toBe('/r/final.html');
    expect(responses(recs, u('/r/final.html'))[0]!.raw.equals(served.get('/r/final.html')!)).toBe(true);
    const loop = result('/r/loop');
    expect(loop.status).toBe('failed');
    expect(loop.reason).toBe('more than 3 redirects');
    expect(log.filter((l) => l.path === '/r/loop')).toHaveLength(4);
  });

  test('429 and 503 are retried after Retry-After, 500 after backoff; every answer is archived', () => {
    for (const p of ['/flaky/503', '/flaky/429']) {
      const hits = log.filter((l) => l.path === p);
      expect(hits).toHaveLength(2);
      expect(hits[1]!.at - hits[0]!.at).toBeGreaterThanOrEqual(990);
      expect(result(p)).toMatchObject({ status: 'fetched', httpStatus: 200, attempts: 2 });
      expect(responses(recs, u(p)).map((r) => r.statusline!.split(' ')[1])).toEqual([p.slice(-3), '200']);
    }
    expect(result('/flaky/500')).toMatchObject({ status: 'fetched', attempts: 2 });
  });

  test('a 404 is archived and reported as an HTTP error, not retried', () => {
    expect(result('/missing.html')).toMatchObject({ status: 'http_error', httpStatus: 404, attempts: 1, reason: 'HTTP 404 Not Found' });
    expect(responses(recs, u('/missing.html'))).toHaveLength(1);
  });

  test('a response that never finishes times out, is retried, and fails without a record', () => {
    const r = result('/slow.html');
    expect(r.status).toBe('failed');
    expect(r.attempts).toBe(3);
    expect(r.reason).toMatch(/no complete response within 400 ms/);
    expect(responses(recs, u('/slow.html'))).toHaveLength(0);
  });

  test('a body over the size cap is cut there and marked truncated', () => {
    const [r] = responses(recs, u('/big.html'));
    expect(r!.raw.length).toBe(50_000);
    expect(r!.warc.get('warc-truncated')).toBe('length');
    expect(r!.raw.equals(served.get('/big.html')!.subarray(0, 50_000))).toBe(true);
    expect(result('/big.html')).toMatchObject({ status: 'fetched', truncated: true, bytes: 50_000 });
  });

  test('robots.txt is read once and a disallowed URL is skipped with the reason', () => {
    expect(log.filter((l) => l.path === '/robots.txt')).toHaveLength(1);
    expect(log.some((l) => l.path.startsWith('/private'))).toBe(false);
    expect(result('/private/secret.html')).toMatchObject({ status: 'skipped', reason: 'disallowed by robots.txt (Disallow: /private)' });
  });

  test('politeness: one request at a time to the host, never closer than the interval (server log)', () => {
    const times = log.map((l) => l.at);
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    // The server logs a request when its process gets to it; on a busy machine (CI shares two cores with other
    // jobs) that can be late by a few to a couple of dozen ms, which shortens the gap after it and lengthens the one
    // before by as much. So: each gap within a scheduling tolerance, and the whole run at least one interval per gap.
    const TOLERANCE = 25;
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(INTERVAL - TOLERANCE);
    expect(times[times.length - 1]! - times[0]!).toBeGreaterThanOrEqual(gaps.length * INTERVAL - TOLERANCE);
    expect(log.length).toBe(24);
    expect(Math.max(...log.map((l) => l.inFlight))).toBe(1);
    expect(log.every((l) => l.userAgent === 'newsfacts-test/1.0')).toBe(true);
  });

  test('summary and report', () => {
    expect(summary).toMatchObject({ total: 15, fetched: 10, httpErrors: 1, failed: 3, skipped: 1, alreadyArchived: 0, cut: null });
    expect(result('/news/utf8.html').fetchedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
    const csv = resultsCsv(summary.results).split('\r\n');
    expect(csv[0]).toBe('url,status,http_status,final_url,redirects,attempts,bytes,truncated,fetched_at,elapsed_ms,reason');
    expect(csv).toHaveLength(15 + 2);
    expect(csv.find((l) => l.startsWith(u('/private/secret.html')))).toContain('skipped');
    expect(summary.results.find((r) => r.url === 'ftp://example.test/x')).toMatchObject({ status: 'failed', reason: 'not an http(s) URL' });
  });

  test('a second run skips what the archive answers and appends only the rest', async () => {
    const before = statSync(out).size;
    const logBefore = log.length;
    const again = await fetchToWarc(
      paths.filter((p) => p !== '/slow.html').map(u),
      out,
      quick(),
    );
    // answered: everything but robots-disallowed (asked again: robots.txt is read once per run)
    expect(again.alreadyArchived).toBe(12);
    expect(again.skipped).toBe(13);
    expect((await site.log()).slice(logBefore).map((l) => l.path)).toEqual(['/robots.txt']);
    expect(statSync(out).size).toBe(before);
    expect(again.cut).toBeNull();
  });
});

describe('resuming after a killed run', () => {
  let site: TestSite;
  let dir: string;
  beforeAll(async () => {
    site = await startSite();
    dir = mkdtempSync(path.join(os.tmpdir(), 'nf-resume-'));
  });
  afterAll(async () => {
    await site.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const name of ['cut.warc.gz', 'cut.warc']) {
    test(`a half-written last record is cut off before appending (${name})`, async () => {
      const out = path.join(dir, name);
      const urls = ['/news/utf8.html', '/news/gbk.html', '/r/final.html'].map((p) => site.base + p);
      await fetchToWarc(urls, out, quick());
      const full = scanArchive(out);
      expect(full).toMatchObject({ records: 7, validBytes: statSync(out).size, cutReason: null });
      const lastUri = full.responses[full.responses.length - 1]!.uri;

      // kill in the middle of the last response record
      truncateSync(out, statSync(out).size - 40);
      const cut = scanArchive(out);
      expect(cut.records).toBe(5); // the request of the broken exchange is dropped too
      expect(cut.cutReason).toMatch(/truncated|incomplete|trailer|request record/);

      const logBefore = (await site.log()).length;
      const again = await fetchToWarc(urls, out, quick());
      expect(again.cut!.bytes).toBeGreaterThan(0);
      expect(again.alreadyArchived).toBe(2);
      expect(again.fetched).toBe(1);
      expect((await site.log()).slice(logBefore).map((l) => l.path)).toEqual(['/robots.txt', new URL(lastUri).pathname]);

      const recs = await readWarc(out);
      expect(recs.map((r) => r.type)).toEqual(['warcinfo', 'request', 'response', 'request', 'response', 'warcinfo', 'request', 'response']);
      for (const uri of urls) expect(responses(recs, uri)).toHaveLength(1);
      expect(scanArchive(out).cutReason).toBeNull();
    });
  }

  test('garbage after the last record is cut; a redirect chain broken between hops is fetched again', async () => {
    const out = path.join(dir, 'chain.warc.gz');
    await fetchToWarc([site.base + '/r/2'], out, quick()); // archives /r/2 (302) and /r/final.html
    const scan = scanArchive(out);
    // keep only the 302: as if the run died before the next hop
    const second = scan.responses.findIndex((r) => r.uri.endsWith('/r/final.html'));
    expect(second).toBe(1);
    const firstResponse = scan.entries.find((e) => e.type === 'response')!;
    const end = firstResponse.end;
    truncateSync(out, end);
    appendFileSync(out, Buffer.from('this is not gzip'));
    const again = await fetchToWarc([site.base + '/r/2'], out, quick());
    expect(again.cut).toMatchObject({ bytes: 16 });
    expect(again.results[0]).toMatchObject({ status: 'fetched', finalUrl: site.base + '/r/final.html' });
    expect(existsSync(out)).toBe(true);
  });
});
