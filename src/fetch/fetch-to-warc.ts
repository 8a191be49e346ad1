/**
 * `fetchToWarc`: a list of URLs → responses appended to a WARC archive, politely. For every URL: skip it when the
 * archive already answers it (resume); ask the host's robots.txt (read once per host and scheme); send the request
 * when the scheduler gives the host its turn; retry 429/5xx and network errors with exponential backoff or the
 * server's Retry-After; follow redirects up to a limit, each hop its own archived exchange. Every response that
 * arrives is archived, error statuses and retried ones included, so the archive is the full record of what the
 * servers said; what counts as the URL's outcome is the last one.
 */
import http from 'node:http';
import https from 'node:https';
import zlib from 'node:zlib';
import { fetchRaw, FetchError, header, type HttpOptions, type RawExchange } from './http.js';
import { ALLOW_ALL, DISALLOW_ALL, ROBOTS_MAX_BYTES, crawlDelayMs, isAllowed, parseRobots, type Robots } from './robots.js';
import { DEFAULT_RETRY, parseRetryAfter, retryableStatus, retryDelay, type RetryPolicy } from './retry.js';
import { DEFAULT_POLITENESS, Scheduler, sleep, type PolitenessOptions } from './politeness.js';
import { WarcWriter, type ArchivedResponse } from './warc.js';
import type { UrlResult } from './report.js';
import { packageVersion } from '../paths.js';

export { parseRobots, isAllowed, matches as robotsPatternMatches } from './robots.js';
export { parseRetryAfter, retryDelay, retryableStatus, DEFAULT_RETRY, type RetryPolicy } from './retry.js';
export { DEFAULT_POLITENESS, type PolitenessOptions } from './politeness.js';
export { scanArchive, WarcWriter, type ArchiveScan, type ArchivedResponse } from './warc.js';
export { resultsCsv, type UrlResult, type UrlStatus } from './report.js';

export interface FetchOptions {
  userAgent: string;
  politeness: PolitenessOptions;
  retry: RetryPolicy;
  connectTimeoutMs: number;
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Called once the archive has been scanned, before any request. */
  onStart?: (info: { total: number; alreadyArchived: number; cut: CutInfo | null }) => void;
  /** Called as each URL is settled. */
  onResult?: (r: UrlResult) => void;
}

export function defaultUserAgent(): string {
  return `newsfacts/${packageVersion()} (research fetcher; obeys robots.txt)`;
}

export function defaultFetchOptions(): FetchOptions {
  return {
    userAgent: defaultUserAgent(),
    politeness: { ...DEFAULT_POLITENESS },
    retry: { ...DEFAULT_RETRY },
    connectTimeoutMs: 10_000,
    timeoutMs: 60_000,
    maxBytes: 10 * 1024 * 1024,
    maxRedirects: 5,
  };
}

export interface CutInfo {
  bytes: number;
  reason: string;
}

export interface FetchSummary {
  total: number;
  fetched: number;
  httpErrors: number;
  failed: number;
  skipped: number;
  alreadyArchived: number;
  /** HTTP requests sent, robots.txt included. */
  requests: number;
  /** Body bytes received. */
  bytes: number;
  elapsedMs: number;
  /** What was cut off the end of the archive before appending. */
  cut: CutInfo | null;
  results: UrlResult[];
}

/** One URL per line (the first field of the line, so `url<TAB>title` works); blank lines and `#` comments skipped. */
export function readUrlList(text: string): string[] {
  const out: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const t = line.trim();
    if (!t || t.startsWith('#')) continue;
    out.push(t.split(/[\s,]/, 1)[0]!);
  }
  return out;
}

/** The URL as the archive spells it (WHATWG serialization, as warcio writes WARC-Target-URI). */
function canonical(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

const REDIRECT = new Set([301, 302, 303, 307, 308]);

/**
 * Whether the archive already answers a URL: its latest response, and the latest responses along its redirect
 * chain, end in something final — not a redirect whose target is missing (a run killed between hops), and not a
 * 429/5xx (worth asking again).
 */
export function archivedAnswer(index: Map<string, ArchivedResponse>, url: string, maxRedirects: number): boolean {
  let current = url;
  for (let hop = 0; hop <= maxRedirects; hop++) {
    const r = index.get(current);
    if (!r) return false;
    if (retryableStatus(r.status) && !r.truncated) return false;
    if (!REDIRECT.has(r.status) || !r.location) return true;
    const next = canonical(new URL(r.location, current).href);
    if (!next) return true;
    current = next;
  }
  return true; // the chain was longer than the limit: that was the answer
}

export async function fetchToWarc(urls: string[], out: string, options: Partial<FetchOptions> = {}): Promise<FetchSummary> {
  const opts: FetchOptions = { ...defaultFetchOptions(), ...options };
  const started = Date.now();
  const agents = { http: new http.Agent({ keepAlive: true }), https: new https.Agent({ keepAlive: true }) };
  const httpOpts: HttpOptions = {
    userAgent: opts.userAgent,
    connectTimeoutMs: opts.connectTimeoutMs,
    timeoutMs: opts.timeoutMs,
    maxBytes: opts.maxBytes,
    agents,
  };
  const p = opts.politeness;
  const writer = WarcWriter.open(out, {
    software: `newsfacts/${packageVersion()} fetch (warcio.js)`,
    format: 'WARC File Format 1.0',
    conformsTo: 'http://bibnum.bnf.fr/WARC/WARC_ISO_28500_version1_latestdraft.pdf',
    robots: 'obey',
    'http-header-user-agent': opts.userAgent,
    'newsfacts-politeness': `concurrency ${p.concurrency}; per host ${p.perHost} at a time, ${p.intervalMs} ms apart`,
    'newsfacts-limits': `connect timeout ${opts.connectTimeoutMs} ms; response timeout ${opts.timeoutMs} ms; max ${opts.maxBytes} bytes; max ${opts.maxRedirects} redirects; ${opts.retry.retries} retries from ${opts.retry.backoffMs} ms`,
  });
  const cut: CutInfo | null =
    writer.scan.fileBytes > writer.scan.validBytes
      ? { bytes: writer.scan.fileBytes - writer.scan.validBytes, reason: writer.scan.cutReason ?? 'incomplete record' }
      : null;
  const index = new Map<string, ArchivedResponse>();
  for (const r of writer.scan.responses) index.set(r.uri, r); // later records win

  const scheduler = new Scheduler(p);
  const robotsCache = new Map<string, Promise<Robots>>();
  const summary: FetchSummary = {
    total: 0,
    fetched: 0,
    httpErrors: 0,
    failed: 0,
    skipped: 0,
    alreadyArchived: 0,
    requests: 0,
    bytes: 0,
    elapsedMs: 0,
    cut,
    results: [],
  };

  const unique = [...new Set(urls)];
  summary.total = unique.length;
  const todo: string[] = [];
  const settle = (r: UrlResult) => {
    summary.results.push(r);
    if (r.status === 'fetched') summary.fetched++;
    else if (r.status === 'http_error') summary.httpErrors++;
    else if (r.status === 'failed') summary.failed++;
    else summary.skipped++;
    opts.onResult?.(r);
  };
  const blank = (url: string): UrlResult => ({
    url,
    status: 'failed',
    httpStatus: null,
    finalUrl: null,
    redirects: [],
    attempts: 0,
    bytes: 0,
    truncated: false,
    fetchedAt: null,
    elapsedMs: 0,
    reason: null,
  });
  const settleLater: UrlResult[] = [];
  for (const url of unique) {
    const c = canonical(url);
    if (!c) settleLater.push({ ...blank(url), reason: 'not an http(s) URL' });
    else if (archivedAnswer(index, c, opts.maxRedirects)) {
      summary.alreadyArchived++;
      settleLater.push({ ...blank(url), status: 'skipped', reason: 'already in the archive' });
    } else todo.push(url);
  }
  opts.onStart?.({ total: unique.length, alreadyArchived: summary.alreadyArchived, cut });
  settleLater.forEach(settle);

  /** One request through the scheduler, with retries; every response is handed to `onResponse` before deciding. */
  async function withRetries(
    url: URL,
    onResponse: (ex: RawExchange) => Promise<void>,
  ): Promise<{ ex: RawExchange | null; attempts: number; error: string | null }> {
    let attempts = 0;
    for (let retry = 0; ; retry++) {
      attempts++;
      summary.requests++;
      let ex: RawExchange;
      try {
        ex = await scheduler.request(url.hostname, (onSent) => fetchRaw(url, { ...httpOpts, onSent }));
      } catch (err) {
        const fe = err instanceof FetchError ? err : new FetchError(String((err as Error)?.message ?? err), 'network');
        if (!fe.retryable || retry >= opts.retry.retries) return { ex: null, attempts, error: fe.message };
        await sleep(retryDelay(opts.retry, retry + 1, null)!);
        continue;
      }
      summary.bytes += ex.body.length;
      await onResponse(ex);
      if (!retryableStatus(ex.status) || retry >= opts.retry.retries) return { ex, attempts, error: null };
      const wait = retryDelay(opts.retry, retry + 1, parseRetryAfter(header(ex.headers, 'retry-after')));
      if (wait === null) {
        return { ex, attempts, error: `Retry-After ${header(ex.headers, 'retry-after')} is longer than ${opts.retry.maxRetryAfterMs} ms` };
      }
      await sleep(wait);
    }
  }

  /** robots.txt for the URL's scheme, host and port, fetched once (RFC 9309 §2.3). */
  function robotsFor(url: URL): Promise<Robots> {
    const key = url.origin;
    let r = robotsCache.get(key);
    if (!r) {
      r = loadRobots(new URL('/robots.txt', url.origin));
      robotsCache.set(key, r);
    }
    return r;
  }

  async function loadRobots(robotsUrl: URL): Promise<Robots> {
    let target = robotsUrl;
    for (let hop = 0; hop <= 5; hop++) {
      const got = await withRetries(target, async () => {});
      if (!got.ex) return DISALLOW_ALL; // unreachable: RFC 9309 §2.3.1.4
      const { status } = got.ex;
      const location = header(got.ex.headers, 'location');
      if (REDIRECT.has(status) && location) {
        target = new URL(location, target);
        continue;
      }
      if (status >= 200 && status < 300) {
        const robots = parseRobots(robotsText(got.ex));
        const delay = crawlDelayMs(robots, opts.userAgent);
        if (delay !== null) scheduler.slowDown(robotsUrl.hostname, delay);
        return robots;
      }
      if (status >= 400 && status < 500) return ALLOW_ALL; // unavailable: no rules
      return DISALLOW_ALL; // 5xx after retries: unreachable
    }
    return ALLOW_ALL; // more than five redirects: treated as unavailable (RFC 9309 §2.3.1.2)
  }

  async function fetchOne(url: string): Promise<UrlResult> {
    const t0 = Date.now();
    const result: UrlResult = blank(url);
    let target = new URL(url);
    for (let hop = 0; ; hop++) {
      const robots = await robotsFor(target);
      const verdict = isAllowed(robots, opts.userAgent, target);
      if (!verdict.allowed) {
        result.status = 'skipped';
        const why = `disallowed by robots.txt${verdict.rule ? ` (${verdict.rule})` : ''}`;
        result.reason = hop ? `redirect target ${target.href} ${why}` : why;
        break;
      }
      const got = await withRetries(target, async (ex) => {
        await writer.writeExchange(ex);
      });
      result.attempts += got.attempts;
      if (!got.ex) {
        result.status = 'failed';
        result.reason = got.error;
        break;
      }
      const ex = got.ex;
      result.httpStatus = ex.status;
      result.finalUrl = ex.url;
      result.bytes = ex.body.length;
      result.truncated = ex.truncated !== null;
      result.fetchedAt = ex.startedAt.toISOString();
      result.reason = got.error ?? (ex.truncated ? `body cut at ${opts.maxBytes} bytes` : null);
      const location = header(ex.headers, 'location');
      if (REDIRECT.has(ex.status) && location) {
        if (hop >= opts.maxRedirects) {
          result.status = 'failed';
          result.reason = `more than ${opts.maxRedirects} redirects`;
          break;
        }
        target = new URL(location, target);
        result.redirects.push(target.href);
        continue;
      }
      result.status = ex.status >= 200 && ex.status < 300 ? 'fetched' : 'http_error';
      if (result.status === 'http_error' && !result.reason) result.reason = `HTTP ${ex.status} ${ex.statusText}`.trim();
      break;
    }
    result.elapsedMs = Date.now() - t0;
    return result;
  }

  try {
    await Promise.all(
      todo.map(async (url) => {
        let r: UrlResult;
        try {
          r = await fetchOne(url);
        } catch (err) {
          r = { ...blank(url), reason: String((err as Error)?.message ?? err) };
        }
        settle(r);
      }),
    );
  } finally {
    writer.close();
    agents.http.destroy();
    agents.https.destroy();
  }
  // Results in input order, whatever order they finished in.
  const order = new Map(unique.map((u, i) => [u, i]));
  summary.results.sort((a, b) => order.get(a.url)! - order.get(b.url)!);
  summary.elapsedMs = Date.now() - started;
  return summary;
}

/** robots.txt body as text: undo the content coding we allowed, read as UTF-8 (RFC 9309 §2.3), first 500 KiB. */
function robotsText(ex: RawExchange): string {
  let body = ex.body;
  const enc = (header(ex.headers, 'content-encoding') ?? '').trim().toLowerCase();
  try {
    if (enc === 'gzip' || enc === 'x-gzip') body = zlib.gunzipSync(body);
    else if (enc === 'deflate') body = zlib.inflateSync(body);
    else if (enc === 'br') body = zlib.brotliDecompressSync(body);
  } catch {
    body = Buffer.alloc(0); // unreadable: as if empty, which allows everything
  }
  return body.subarray(0, ROBOTS_MAX_BYTES).toString('utf8');
}
